"""What public faces list, for the REST API and open data: public products, producers and
certificates filtered by official codes (never internal ids) and changes since a moment, the
recognition decisions and the recognition counts. Only public fields are ever selected; the base
selectors and what the catalogue's pages read are in `public`.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, F, Max, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import ExtractYear, Replace

from ocop.core.models import AuditEntry
from ocop.places.models import Commune, Province
from ocop.registry.models import Producer, Product
from ocop.registry.product_sets import rules_with_sets, sets_of

from .models import Certificate
from .public import (
    CURRENT_ORDER,
    CURRENT_STATUSES,
    IN_FORCE_PRODUCT_STATUSES,
    PREFETCHED,
    PUBLIC_PRODUCER_FIELDS,
    contained_terms,
    public_certificates,
    public_producers,
    public_products,
    public_search,
)

# The product fields a public face may show; related rows come with their public fields only.
PUBLIC_PRODUCT_FIELDS = [
    "id", "code", "name", "rules", "set_number", "current_stars", "certificate_status", "gtin",
    "description", "story", "packaging", "sales_channels", "price", "price_unit", "updated_at",
    "producer__id", "producer__name", "producer__legal_form", "producer__website",
    "producer__commune__code", "producer__commune__name",
    "producer__commune__province__code", "producer__commune__province__name",
]  # fmt: skip
PUBLIC_CERTIFICATE_FIELDS = [
    "id", "number", "product_id", "product_name", "producer_name", "stars", "rules",
    "authority_name", "authority_level", "decision_number", "decision_date", "issue_date",
    "valid_until", "extended_until", "status", "revocation_ground", "revocation_decision_number",
    "revocation_decision_date", "token", "created_at", "product__code",
]  # fmt: skip


@dataclass(frozen=True)
class ProductFilter:
    """The catalogue's filters, by official codes (never internal ids). Empty means "any"."""

    q: str = ""
    stars: tuple[int, ...] = ()
    province: str = ""
    commune: str = ""
    type: str = ""
    set: str = ""
    year: int | None = None
    legal_form: str = ""
    in_force: bool = True
    changed_since: datetime | None = None


def public_product_rows() -> QuerySet[Product]:
    """Public products with their producer, commune and province, public fields only, and their
    certificates prefetched for `public.current_certificate` (one query for a whole page)."""
    # By product only, not also by status (picked in Python): the product index answers it.
    own_fields = [f for f in PUBLIC_CERTIFICATE_FIELDS if "__" not in f]
    certificates = Certificate.objects.only(*own_fields).order_by(*CURRENT_ORDER)
    return (
        public_products()
        .select_related("producer__commune__province")
        .only(*PUBLIC_PRODUCT_FIELDS)
        .prefetch_related(Prefetch("certificates", queryset=certificates, to_attr=PREFETCHED))
    )


def filter_products(products: QuerySet[Product], wanted: ProductFilter) -> QuerySet[Product]:
    """The products that match every filter given."""
    if wanted.in_force:
        products = products.filter(certificate_status__in=IN_FORCE_PRODUCT_STATUSES)
    if wanted.q:
        products = _search(products, wanted.q)
    if wanted.stars:
        products = products.filter(
            current_stars__in=wanted.stars, certificate_status__in=IN_FORCE_PRODUCT_STATUSES
        )
    if wanted.province:
        products = products.filter(producer__commune__province__code=wanted.province)
    if wanted.commune:
        products = products.filter(producer__commune__code=wanted.commune)
    if wanted.type or wanted.set:
        products = products.filter(_in_sets(wanted.type, wanted.set))
    if wanted.year is not None:
        products = products.filter(
            Exists(
                Certificate.objects.filter(
                    product=OuterRef("pk"),
                    status__in=CURRENT_STATUSES,
                    decision_date__year=wanted.year,
                )
            )
        )
    if wanted.legal_form:
        products = products.filter(producer__legal_form=wanted.legal_form)
    if wanted.changed_since is not None:
        products = products.filter(
            Q(updated_at__gte=wanted.changed_since)
            | Q(producer__updated_at__gte=wanted.changed_since)
            | Q(pk__in=_products_of_certificates_changed(wanted.changed_since))
        )
    return products


def _search(products: QuerySet[Product], query: str) -> QuerySet[Product]:
    """Every word in the product's public key: product, producer and place names and the code,
    compared as search keys (case, accents, đ/d and Unicode form ignored), never the tax code;
    the catalogue's search and index (ADR 0008)."""
    return public_search(products, query)


def _without_tax_code(key: str, tax_code: str) -> Replace:
    """The search key with the tax code cut out (a household's tax code is private)."""
    return Replace(F(key), F(tax_code), Value(""))  # type: ignore[arg-type]  # stubs: Value only


def filter_producers(
    producers: QuerySet[Producer],
    *,
    q: str = "",
    province: str = "",
    commune: str = "",
    legal_form: str = "",
    updated_since: datetime | None = None,
) -> QuerySet[Producer]:
    """Producers by name (never by tax code), place codes, legal form, changes since a moment."""
    if q:
        producers = producers.alias(name_key=_without_tax_code("search_key", "tax_code"))
        for term in contained_terms(q):
            producers = producers.filter(name_key__contains=term)
    if province:
        producers = producers.filter(commune__province__code=province)
    if commune:
        producers = producers.filter(commune__code=commune)
    if legal_form:
        producers = producers.filter(legal_form=legal_form)
    if updated_since is not None:
        producers = producers.filter(updated_at__gte=updated_since)
    return producers.order_by("name", "id")


def _in_sets(type_code: str, set_code: str) -> Q:
    """Products whose (rules, set number) is in the given type and/or set of their rule set; a set
    is given by its code ("I.1.a") or its number in the current rule set ("1")."""
    condition = Q(pk__in=[])
    for rules in rules_with_sets():
        numbers = [
            s.number
            for s in sets_of(rules).values()
            if (not type_code or s.type == type_code)
            and (not set_code or set_code in (s.code, str(s.number)))
        ]
        if numbers:
            condition |= Q(rules=rules, set_number__in=numbers)
    return condition


def _products_of_certificates_changed(since: datetime) -> QuerySet:
    return Certificate.objects.filter(_certificate_changed(since)).values("product_id")


def _certificate_changed(since: datetime) -> Q:
    """Issued at or after `since`, or changed then (every change of a certificate, including the
    daily status refresh and a revocation, leaves an audit entry)."""
    audited = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Certificate), at__gte=since
    ).values_list("object_id", flat=True)
    ids = [int(i) for i in audited if i.isdigit()]
    return Q(created_at__gte=since) | Q(pk__in=ids)


def public_certificate_rows() -> QuerySet[Certificate]:
    return public_certificates().select_related("product").only(*PUBLIC_CERTIFICATE_FIELDS)


def filter_certificates(
    certificates: QuerySet[Certificate],
    *,
    number: str = "",
    product: str = "",
    stars: tuple[int, ...] = (),
    statuses: tuple[str, ...] = (),
    province: str = "",
    year: int | None = None,
    changed_since: datetime | None = None,
) -> QuerySet[Certificate]:
    if number:
        certificates = certificates.filter(number=number)
    if product:
        certificates = certificates.filter(product__code=product)
    if stars:
        certificates = certificates.filter(stars__in=stars)
    if statuses:
        certificates = certificates.filter(status__in=statuses)
    if province:
        certificates = certificates.filter(product__producer__commune__province__code=province)
    if year is not None:
        certificates = certificates.filter(decision_date__year=year)
    if changed_since is not None:
        certificates = certificates.filter(_certificate_changed(changed_since))
    return certificates


def public_producer_rows() -> QuerySet[Producer]:
    return public_producers().select_related("commune__province").only(
        *PUBLIC_PRODUCER_FIELDS, "commune__code", "commune__name", "commune__province__code",
        "commune__province__name",
    )  # fmt: skip


DECISION_KEY = ["decision_number", "decision_date", "authority_name", "authority_level", "rules"]


def recognition_decisions(
    *, year: int | None = None, province: str = "", changed_since: datetime | None = None
) -> QuerySet:
    """The recognition decisions, newest first, as the certificates issued under them record them
    (number, date, authority, rule set), with how many products each recognised. Every certificate
    carries its decision, including those issued before the system kept decision records."""
    certificates = public_certificates()
    if year is not None:
        certificates = certificates.filter(decision_date__year=year)
    if province:
        certificates = certificates.filter(product__producer__commune__province__code=province)
    decisions = certificates.values(*DECISION_KEY).annotate(
        products=Count("product", distinct=True), recorded_at=Max("created_at")
    )
    if changed_since is not None:
        decisions = decisions.filter(recorded_at__gte=changed_since)
    return decisions.order_by("-decision_date", "decision_number", "authority_name")


def decision_certificates(decisions: list[dict]) -> dict[tuple, list[Certificate]]:
    """The certificates issued under each of these decisions, in one query, by decision key."""
    if not decisions:
        return {}
    condition = Q(pk__in=[])
    for decision in decisions:
        condition |= Q(**{field: decision[field] for field in DECISION_KEY})
    found: dict[tuple, list[Certificate]] = {}
    for certificate in public_certificate_rows().filter(condition).order_by("product_name", "id"):
        key = tuple(getattr(certificate, field) for field in DECISION_KEY)
        found.setdefault(key, []).append(certificate)
    return found


def recognition_counts(
    *,
    by_commune: bool = False,
    province: str = "",
    year: int | None = None,
    stars: tuple[int, ...] = (),
) -> QuerySet:
    """Products recognised, by province (or commune), year of the decision and stars: each product
    counted once per unit, year and class, whatever became of its certificate since."""
    certificates = public_certificates()
    if province:
        certificates = certificates.filter(product__producer__commune__province__code=province)
    if year is not None:
        certificates = certificates.filter(decision_date__year=year)
    if stars:
        certificates = certificates.filter(stars__in=stars)
    place = "product__producer__commune" if by_commune else "product__producer__commune__province"
    return (
        certificates.values(
            "stars",
            unit_code=F(f"{place}__code"),
            unit_name=F(f"{place}__name"),
            year=ExtractYear("decision_date"),
        )
        .annotate(products=Count("product", distinct=True))
        .order_by("unit_code", "year", "stars")
    )


def public_provinces() -> QuerySet[Province]:
    return Province.objects.only("code", "name", "division_type").order_by("code")


def public_communes() -> QuerySet[Commune]:
    return Commune.objects.select_related("province").only(
        "code", "name", "division_type", "province__code", "province__name"
    ).order_by("code")  # fmt: skip


def public_data_changed_at() -> datetime | None:
    """When anything public last changed (an upper bound): every change of a certificate, product
    or producer by a service leaves an audit entry, indexed by time."""
    return AuditEntry.objects.order_by("-at").values_list("at", flat=True).first()
