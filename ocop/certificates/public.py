"""What the public may see, for the public faces (catalogue, GS1 resolver, API, open data).

Those apps read products, producers and certificates only through these selectors, so that
nothing private (phones, e-mails, ID and tax numbers of households, representatives' addresses,
dossier files, individual members' scores) can reach a public page by accident.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, F, Max, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import ExtractYear, Replace
from django.utils import timezone

from ocop.core.models import AuditEntry
from ocop.core.text import nfc, search_terms
from ocop.places.models import Commune, Province
from ocop.registry.choices import CertificateStatus as ProductStatus
from ocop.registry.models import Producer, Product, ProductImage
from ocop.registry.product_sets import rules_with_sets, sets_of

from .choices import Status
from .models import Certificate, HistoricResult

# A product is public once it has had a certificate; it is "in force" while that is valid or in
# its re-evaluation window. Expired and revoked products keep their page but leave default lists.
PUBLIC_PRODUCT_STATUSES = [
    ProductStatus.VALID,
    ProductStatus.EXPIRING,
    ProductStatus.EXPIRED,
    ProductStatus.REVOKED,
]
IN_FORCE_PRODUCT_STATUSES = [ProductStatus.VALID, ProductStatus.EXPIRING]
IN_FORCE_STATUSES = [Status.VALID, Status.REEVALUATION, Status.EXTENDED]

# The producer fields a public face may show (never phone, e-mail, tax code of a household,
# representative or street address).
PUBLIC_PRODUCER_FIELDS = ["id", "name", "legal_form", "commune", "website", "updated_at"]


def public_products() -> QuerySet[Product]:
    """Every product that has had a certificate and is not archived."""
    return Product.objects.filter(
        archived_at__isnull=True, certificate_status__in=PUBLIC_PRODUCT_STATUSES
    ).exclude(code="")


def products_in_force() -> QuerySet[Product]:
    """The products whose current certificate is in force (the catalogue's default list). Its
    terms are those of the partial index `product_in_force_key`, so the database can use it."""
    return Product.objects.filter(
        archived_at__isnull=True, certificate_status__in=IN_FORCE_PRODUCT_STATUSES
    ).exclude(code="")


def public_producers() -> QuerySet[Producer]:
    """The producers of public products, limited to their public fields."""
    return (
        Producer.objects.filter(products__in=public_products())
        .distinct()
        .only(*PUBLIC_PRODUCER_FIELDS)
    )


def public_certificates() -> QuerySet[Certificate]:
    """Every certificate of a public product (any status, so that a scan of an old label still
    tells the truth). Its token appears only inside its signed verification URL."""
    return Certificate.objects.filter(product__in=public_products())


# ---- For the REST API (and any public face that lists): filters by official codes, changes
# since a moment, recognition decisions and counts. Only public fields are ever selected.

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
# The certificate a product shows: its newest one that was not replaced by another.
CURRENT_STATUSES = [
    Status.VALID, Status.REEVALUATION, Status.EXTENDED, Status.EXPIRED, Status.REVOKED
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
    current certificate prefetched (one query for a whole page)."""
    # By product only, not also by status (picked in Python): the product index answers it.
    own_fields = [f for f in PUBLIC_CERTIFICATE_FIELDS if "__" not in f]
    certificates = Certificate.objects.only(*own_fields).order_by("-issue_date", "-id")
    return (
        public_products()
        .select_related("producer__commune__province")
        .only(*PUBLIC_PRODUCT_FIELDS)
        .prefetch_related(
            Prefetch("certificates", queryset=certificates, to_attr="public_certificates")
        )
    )


def current_certificate(product: Product) -> Certificate | None:
    """The product's newest certificate that was not replaced (rows of public_product_rows())."""
    certificates = getattr(product, "public_certificates", [])
    current = [c for c in certificates if c.status in CURRENT_STATUSES]
    return current[0] if current else None


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


def _contained_terms(query: str) -> list[str]:
    """The query's words for a "contains" search, without repeats and without a word inside
    another one (which finds nothing more): a long query of repeated words is one scan per word."""
    terms = sorted(set(search_terms(query)), key=len, reverse=True)
    kept: list[str] = []
    for term in terms:
        if not any(term in longer for longer in kept):
            kept.append(term)
    return kept


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
        for term in _contained_terms(q):
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


# ---- For the catalogue's pages.


def certificates_in_force() -> QuerySet[Certificate]:
    """The certificates in force (each belongs to a product in force: one per product)."""
    return Certificate.objects.filter(
        status__in=IN_FORCE_STATUSES, product__archived_at__isnull=True
    )


def latest_certificate_id() -> int:
    """The newest certificate's id (0 without any): part of the catalogue's cache keys."""
    return Certificate.objects.aggregate(latest=Max("id"))["latest"] or 0


def public_search(queryset: QuerySet[Product], query: str) -> QuerySet[Product]:
    """Every word of the query in the product's public key (product, producer and place names and
    the product code, compared as search keys; never the tax code)."""
    for term in _contained_terms(query):
        queryset = queryset.filter(public_key__contains=term)
    return queryset


def public_product_by_reference(text: str) -> Product | None:
    """The public product whose certificate number, product code or GTIN is exactly `text`
    (letter case and spaces aside; a GTIN also with its leading zeros), or None."""
    reference = nfc(text).replace(" ", "")
    if not reference or len(reference) > 60:
        return None
    products = public_products()
    found = products.filter(code__iexact=reference).first()
    if found is None:
        found = products.filter(certificates__number__iexact=reference).first()
    if found is None and reference.isascii() and reference.isdigit() and len(reference) <= 14:
        variants = {reference.lstrip("0").zfill(width) for width in (8, 12, 13, 14)}
        found = products.filter(gtin__in=variants).first()
    return found


def products_in_order(ids: list[int]) -> list[Product]:
    """The public products with these ids, in that order, with their producers and places."""
    found = public_products().select_related("producer__commune__province").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def public_product(code: str) -> Product | None:
    """One public product by its code, with what its page shows."""
    return (
        public_products()
        .select_related("producer__commune__province")
        .only(
            *[f"producer__{name}" for name in PUBLIC_PRODUCER_FIELDS],
            "producer__commune__name",
            "producer__commune__code",
            "producer__commune__province__name",
            "producer__commune__province__code",
            *PAGE_PRODUCT_FIELDS,
        )  # fmt: skip
        .filter(code=code)
        .first()
    )


# What a public face may show of a product (never its tax-coded producer, prices stay public).
PAGE_PRODUCT_FIELDS = [
    "id", "producer", "name", "rules", "set_number", "description", "story", "packaging",
    "gtin", "sales_channels", "code", "current_stars", "certificate_status", "updated_at",
]  # fmt: skip


def newest_certificate(product: Product) -> Certificate | None:
    """The product's current certificate: its newest one not superseded (any other status)."""
    return (
        product.certificates.exclude(status=Status.SUPERSEDED)
        .order_by("-issue_date", "-id")
        .first()
    )


def product_certificates(product: Product) -> list[Certificate]:
    """Every certificate of the product, newest first (its stars over the years)."""
    return list(product.certificates.order_by("-issue_date", "-id"))


def product_historic_results(product: Product) -> list[HistoricResult]:
    """Rankings from before the system (total and stars; no member's score is kept)."""
    return list(product.historic_results.order_by("-year", "-id"))


def product_images(product: Product) -> list[ProductImage]:
    return list(product.images.all())


def public_image(code: str, image_pk: int) -> ProductImage | None:
    return ProductImage.objects.filter(
        pk=image_pk, product__in=public_products(), product__code=code
    ).first()


def product_showrooms(product: Product) -> list:
    """The showrooms and points of sale that show the product and are open today (the model lives
    in the programme app, above this one; reached through the reverse relation, not imported)."""
    today = timezone.localdate()
    showrooms = getattr(product, "showrooms", None)
    if showrooms is None:
        return []
    return list(
        showrooms.filter(opened_on__lte=today)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=today))
        .select_related("location__province")
        .order_by("name")
    )


def public_decisions() -> QuerySet[Certificate]:
    """The certificates of public products in decision order (newest decision first): the
    published results group them by decision (number, date, authority)."""
    return (
        public_certificates()
        .select_related("product")
        .only(
            "number",
            "stars",
            "rules",
            "authority_name",
            "authority_level",
            "decision_number",
            "decision_date",
            "status",
            "product_name",
            "producer_name",
            "product__code",
            "product__name",
        )  # fmt: skip
        .order_by(
            "-decision_date", "decision_number", "authority_name", "product__search_key", "id"
        )
    )


def public_revocations() -> QuerySet[Certificate]:
    """Revoked certificates with their grounds and revocation decisions, newest first."""
    return (
        public_certificates()
        .filter(status=Status.REVOKED)
        .select_related("product")
        .order_by("-revocation_decision_date", "-id")
    )
