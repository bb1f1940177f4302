"""What the catalogue's pages show, built from public data only (ocop.certificates.public)."""

import json
from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import or_
from typing import Any
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ocop.certificates import public
from ocop.certificates.choices import IN_FORCE, RULES_CHOICES
from ocop.certificates.models import Certificate
from ocop.certificates.signing import verification_path
from ocop.core.text import nfc
from ocop.places.models import Commune, Province
from ocop.registry.choices import LegalForm
from ocop.registry.models import Product
from ocop.registry.product_sets import CURRENT_RULES, find_set, types_of

from .search import CatalogueQuery, without_filter


@dataclass
class ActiveFilter:
    label: str
    remove: str  # the query string without it


def active_filters(query: CatalogueQuery, params: QueryDict) -> list[ActiveFilter]:
    """The active search and filters, each with the link that removes it."""
    found = []
    if query.q:
        found.append(
            ActiveFilter(_("Từ khóa: %(q)s") % {"q": query.q}, without_filter(params, "q"))
        )
    for stars in query.stars:
        found.append(ActiveFilter(f"{stars}★", without_filter(params, "stars", str(stars))))
    names = {"province": _("Tỉnh"), "commune": _("Xã"), "type": _("Loại"), "set": _("Bộ"),
             "year": _("Năm"), "legal_form": _("Loại hình")}  # fmt: skip
    for facet in ("province", "commune", "type", "set", "year", "legal_form"):
        if query.is_active(facet):
            label = f"{names[facet]}: {_filter_label(query, facet)}"
            found.append(ActiveFilter(label, without_filter(params, facet)))
    return found


def _filter_label(query: CatalogueQuery, facet: str) -> str:
    value = getattr(query, facet)
    if facet == "province":
        return Province.objects.filter(code=value).values_list("name", flat=True).first() or value
    if facet == "commune":
        return Commune.objects.filter(code=value).values_list("name", flat=True).first() or value
    if facet == "type":
        return types_of(CURRENT_RULES).get(value, value)
    if facet == "set":
        found = find_set(CURRENT_RULES, value)
        return found.label if found else str(value)
    if facet == "legal_form":
        return str(LegalForm(value).label)
    return str(value)


@dataclass
class HistoryRow:
    year: int
    stars: int
    what: str
    authority: str
    decision: str
    decision_date: date | None


def stars_history(product: Product) -> list[HistoryRow]:
    """The product's stars over the years: its certificates and its results before the system."""
    rows = [
        HistoryRow(c.decision_date.year, c.stars, f"{c.number} ({c.get_status_display()})",
                   c.authority_name, c.decision_number, c.decision_date)
        for c in public.product_certificates(product)
    ]  # fmt: skip
    rows += [
        HistoryRow(r.year, r.stars, r.get_rules_display(), r.authority_name, r.decision_number,
                   r.decision_date)
        for r in public.product_historic_results(product)
    ]  # fmt: skip
    return sorted(rows, key=lambda row: (row.year, row.decision_date or date.min), reverse=True)


def qr_svg(url: str) -> SafeString:
    """An inline SVG QR code of the URL (segno writes only its own markup)."""
    code = segno.make(url, error="m")
    return mark_safe(code.svg_inline(scale=4, title=url, omitsize=True))  # noqa: S308


def json_ld(data: dict[str, Any]) -> SafeString:
    """JSON for a <script type="application/ld+json"> data block: `<`, `>` and `&` escaped, so
    no text in it can close the block."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(escaped)  # noqa: S308


def product_context(request: HttpRequest, product: Product) -> dict[str, Any]:
    certificate = public.current_certificate(product)
    today = timezone.localdate()
    page_url = f"{settings.SITE_URL}{reverse('catalogue:product', args=[product.code])}"
    verify = verification_path(certificate.token) if certificate else ""
    images = public.product_images(product)
    product_set = product.product_set
    return {
        "product": product,
        "producer": product.producer,
        "product_set": product_set,
        "product_type": types_of(product.rules).get(product_set.type, "") if product_set else "",
        "certificate": certificate,
        "status_today": certificate.status_on(today) if certificate else "",
        "in_force": certificate is not None and certificate.status_on(today) in IN_FORCE,
        "verify_path": verify,
        "images": images,
        "showrooms": public.product_showrooms(product),
        "history": stars_history(product),
        "qr": qr_svg(f"{settings.SITE_URL}{verify}" if verify else page_url),
        "json_ld": json_ld(_schema_product(product, certificate, page_url, images)),
    }


def _schema_product(product: Product, certificate, page_url: str, images) -> dict[str, Any]:
    """schema.org Product: name, code, GTIN, producer, category, the OCOP certification."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "url": page_url,
        "productID": product.code,
        "sku": product.code,
        "manufacturer": {"@type": "Organization", "name": product.producer.name},
        "countryOfOrigin": {"@type": "Country", "name": "VN"},
    }
    if product.description:
        data["description"] = product.description
    if product.product_set:
        data["category"] = product.product_set.name
    if product.gtin:
        data["gtin"] = product.gtin
    if images:
        data["image"] = [
            f"{settings.SITE_URL}{reverse('catalogue:image', args=[product.code, i.pk])}"
            for i in images
        ]
    if certificate is not None:
        # The stars as an award only while in force (a revoked or expired one is no claim).
        if certificate.status_on(timezone.localdate()) in IN_FORCE:
            data["award"] = f"OCOP {certificate.stars}★"
        data["hasCertification"] = _schema_certification(certificate)
    return data


def _schema_certification(certificate: Certificate) -> dict[str, Any]:
    return {
        "@type": "Certification",
        "name": f"OCOP {certificate.stars}★",
        "certificationIdentification": certificate.number,
        "certificationStatus": certificate.status_on(timezone.localdate()),
        "issuedBy": {"@type": "GovernmentOrganization", "name": certificate.authority_name},
        "validFrom": certificate.issue_date.isoformat(),
        "expires": certificate.valid_until.isoformat(),
        "url": certificate.verification_url,
    }


DECISION_KEY = ("authority_name", "decision_number", "decision_date", "rules")


def decision_groups():
    """One row per published recognition decision (newest first) with its product count."""
    return (
        public.public_decisions()
        .order_by()
        .values(*DECISION_KEY)
        .annotate(count=Count("id"))
        .order_by("-decision_date", "decision_number", "authority_name")
    )


CERTIFICATES_SHOWN = 10  # a decision's products on the list; its own page has them all


def rules_label(code: str) -> str:
    """The rules a decision applied, as the public reads them (the code when unknown)."""
    return str(dict(RULES_CHOICES).get(code, code))


def with_certificates(groups, shown: int = CERTIFICATES_SHOWN) -> list[dict[str, Any]]:
    """The decisions of one page, each with its first `shown` certificates (products and stars,
    by product name) and the link to its own page, in one query however large the decisions."""
    groups = [dict(group) for group in groups]
    if not groups:
        return []
    keys = [tuple(group[name] for name in DECISION_KEY) for group in groups]
    condition = reduce(or_, (Q(**dict(zip(DECISION_KEY, key, strict=True))) for key in keys))
    ranked = public.public_decisions().filter(condition).annotate(rank=Window(
        RowNumber(), partition_by=[F(name) for name in DECISION_KEY],
        order_by=[F("product__search_key").asc(), F("id").asc()],
    ))  # fmt: skip
    found: dict[tuple, list[Certificate]] = {key: [] for key in keys}
    for certificate in ranked.filter(rank__lte=shown):
        found[tuple(getattr(certificate, name) for name in DECISION_KEY)].append(certificate)
    for group, key in zip(groups, keys, strict=True):
        group["certificates"] = found[key]
        group["rules_label"] = rules_label(group["rules"])
        group["url"] = decision_url(group)
    return groups


# A decision's own page: /catalogue/decisions/?number=…&date=…&authority=… (a decision has no row
# of its own: its certificates carry its number, date and authority).
DECISION_PARAMS = ("number", "date", "authority")


def decision_url(group: dict[str, Any]) -> str:
    params = {"number": group["decision_number"], "date": group["decision_date"].isoformat(),
              "authority": group["authority_name"]}  # fmt: skip
    return f"{reverse('catalogue:decisions')}?{urlencode(params)}"


def decision_certificates(params: QueryDict) -> QuerySet[Certificate] | None:
    """The certificates of the decision the query string names, in product order; None when it
    names none (a missing part, a date that is no date)."""
    number, day, authority = (nfc(params.get(name, "")) for name in DECISION_PARAMS)
    try:
        decided_on = date.fromisoformat(day)
    except ValueError:
        return None
    if not number or not authority:
        return None
    return public.public_decisions().filter(
        decision_number=number, decision_date=decided_on, authority_name=authority
    )
