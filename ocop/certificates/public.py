"""What the public may see, for the public faces (catalogue, GS1 resolver, API, open data): the
public products, producers and certificates, and what the catalogue's pages read. The lists the
REST API and open data filter by official codes, changes and decisions are in `public_lists`.

Those apps read products, producers and certificates only through these selectors, so that
nothing private (phones, e-mails, ID and tax numbers of households, representatives' addresses,
dossier files, individual members' scores) can reach a public page by accident.
"""

from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from ocop.core.text import nfc, search_terms
from ocop.registry.choices import CertificateStatus as ProductStatus
from ocop.registry.models import Producer, Product, ProductImage
from ocop.registry.search_index import contains_all

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


# The certificate a product shows: its newest one that was not replaced by another.
CURRENT_STATUSES = [
    Status.VALID, Status.REEVALUATION, Status.EXTENDED, Status.EXPIRED, Status.REVOKED
]  # fmt: skip


CURRENT_ORDER = ["-issue_date", "-id"]
# Where public_lists.public_product_rows() puts each product's certificates (in CURRENT_ORDER).
PREFETCHED = "public_certificates"


def current_certificate(product: Product) -> Certificate | None:
    """The certificate a product shows: its newest one that was not replaced by another (in force,
    expired or revoked: the verification page tells which). From the rows of
    `public_lists.public_product_rows()` (prefetched, no query), else one query."""
    prefetched = getattr(product, PREFETCHED, None)
    if prefetched is not None:
        return next((c for c in prefetched if c.status in CURRENT_STATUSES), None)
    return product.certificates.exclude(status=Status.SUPERSEDED).order_by(*CURRENT_ORDER).first()


def contained_terms(query: str) -> list[str]:
    """The query's words for a "contains" search, without repeats and without a word inside
    another one (which finds nothing more): a long query of repeated words is one scan per word."""
    terms = sorted(set(search_terms(query)), key=len, reverse=True)
    kept: list[str] = []
    for term in terms:
        if not any(term in longer for longer in kept):
            kept.append(term)
    return kept


# ---- For the catalogue's pages.


def certificates_in_force() -> QuerySet[Certificate]:
    """The certificates in force (each belongs to a product in force: one per product)."""
    return Certificate.objects.filter(
        status__in=IN_FORCE_STATUSES, product__archived_at__isnull=True
    )


def latest_certificate_id() -> int:
    """The newest certificate's id (0 without any): part of the catalogue's cache keys."""
    return Certificate.objects.aggregate(latest=Max("id"))["latest"] or 0


# The catalogue reads its words' first 2,501 matches in order (catalogue.search.FEW_MATCHES):
# SQLite's substring index pays off up to about this many keys found (registry.search_index).
FEW_FOUND_PUBLIC = 3000


def public_search(queryset: QuerySet[Product], query: str) -> QuerySet[Product]:
    """Every word of the query in the product's public key (product, producer and place names and
    the product code, compared as search keys; never the tax code)."""
    return contains_all(queryset, "public_key", contained_terms(query), few=FEW_FOUND_PUBLIC)


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


# What a catalogue card shows: reading only these columns (not the product's and producer's ~60)
# makes a page of 24 cards 5× cheaper to load (issue 14).
CARD_FIELDS = [
    "id", "producer", "name", "code", "rules", "set_number", "current_stars", "producer__name",
    "producer__commune", "producer__commune__name", "producer__commune__province",
    "producer__commune__province__name",
]  # fmt: skip


def products_in_order(ids: list[int]) -> list[Product]:
    """The public products with these ids, in that order, with their producers' and places'
    names (CARD_FIELDS only)."""
    found = public_products().select_related("producer__commune__province").only(*CARD_FIELDS)
    by_id = {product.pk: product for product in found.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


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
