"""Where a public product's links point: its catalogue page, its live certificate, its Digital Link.

Read only through ocop.certificates.public, so the resolver, the labels and the open data see what
the public may see and nothing else.
"""

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _

from ocop.certificates.models import Certificate
from ocop.certificates.public import IN_FORCE_PRODUCT_STATUSES, public_products
from ocop.registry.models import Product

from . import digital_link
from .digital_link import DigitalLink, Link


def catalogue_product_path(code: str) -> str:
    """The public product page."""
    return reverse("catalogue:product", kwargs={"code": code})


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def digital_link_uri(product: Product) -> str:
    """https://<site>/01/<gtin14> for a product with a GTIN, else ""."""
    if not product.gtin:
        return ""
    return absolute(DigitalLink(digital_link.gtin14(product.gtin)).path)


def product_for(link: DigitalLink) -> Product | None:
    """The public product that carries the GTIN: one in force first, then the oldest."""
    in_force = Case(
        When(certificate_status__in=IN_FORCE_PRODUCT_STATUSES, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return public_products().filter(gtin__in=link.stored_forms()).order_by(in_force, "id").first()


def product_links(product: Product, certificate: Certificate | None) -> list[Link]:
    page = absolute(catalogue_product_path(product.code))
    links = [
        Link(
            digital_link.DEFAULT, page, _("Trang sản phẩm OCOP: %(name)s") % {"name": product.name}
        ),
        Link(digital_link.PIP, page, _("Thông tin sản phẩm: %(name)s") % {"name": product.name}),
    ]
    if certificate is not None:
        title = _("Giấy chứng nhận OCOP số %(number)s") % {"number": certificate.number}
        links.append(Link(digital_link.CERTIFICATION, certificate.verification_url, title))
    return links


def label_target(product: Product, certificate: Certificate | None) -> str:
    """What a printed label encodes: the Digital Link when there is a GTIN, else the signed
    verification URL of the certificate (else the product page)."""
    if product.gtin:
        return digital_link_uri(product)
    if certificate is not None:
        return certificate.verification_url
    return absolute(catalogue_product_path(product.code))
