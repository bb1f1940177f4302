"""Printable QR labels of public products and their certificates (SVG and PNG), no login.

A label encodes the product's GS1 Digital Link when it has a GTIN, otherwise the signed
verification URL of the certificate, so a scan always lands on the live truth."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ocop.certificates.choices import IN_FORCE
from ocop.certificates.models import Certificate
from ocop.certificates.public import current_certificate, public_certificates, public_products
from ocop.registry.models import Product

from . import digital_link, links
from .labels import Label, label_png, label_svg

CONTENT_TYPES = {"svg": "image/svg+xml; charset=utf-8", "png": "image/png"}


def _label(product: Product, certificate: Certificate | None, stars: int, title: str) -> Label:
    lines = []
    if certificate is not None:
        lines.append(_("Giấy chứng nhận số %(number)s") % {"number": certificate.number})
        if certificate.status not in IN_FORCE:
            lines.append(certificate.get_status_display())
            stars = 0  # no gold stars on a label of a revoked or expired certificate
    if product.gtin:
        lines.append(f"GTIN (01) {digital_link.gtin14(product.gtin)}")
    return Label(links.label_target(product, certificate), stars, title, lines)


def _answer(label: Label, kind: str, name: str) -> HttpResponse:
    if kind not in CONTENT_TYPES:
        raise Http404
    body = label_svg(label).encode() if kind == "svg" else label_png(label)
    response = HttpResponse(body, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'inline; filename="nhan-ocop-{name}.{kind}"'
    return response


@require_safe
def product_label(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    product = get_object_or_404(public_products(), code=code)
    certificate = current_certificate(product)
    stars = product.current_stars or (certificate.stars if certificate else 0)
    return _answer(_label(product, certificate, stars, product.name), kind, product.code)


@require_safe
def certificate_label(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    certificate = get_object_or_404(public_certificates().select_related("product"), pk=pk)
    product = certificate.product
    label = _label(product, certificate, certificate.stars, certificate.product_name)
    return _answer(label, kind, certificate.number.replace("/", "-"))
