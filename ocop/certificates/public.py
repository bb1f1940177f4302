"""What the public may see, for the public faces (catalogue, GS1 resolver, API, open data).

Those apps read products, producers and certificates only through these selectors, so that
nothing private (phones, e-mails, ID and tax numbers of households, representatives' addresses,
dossier files, individual members' scores) can reach a public page by accident.
"""

from django.db.models import QuerySet

from ocop.registry.choices import CertificateStatus as ProductStatus
from ocop.registry.models import Producer, Product

from .choices import Status
from .models import Certificate

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
    """The products whose current certificate is in force (the catalogue's default list)."""
    return public_products().filter(certificate_status__in=IN_FORCE_PRODUCT_STATUSES)


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
