from datetime import date

import pytest

from ocop.accounts.testing import make_user
from ocop.catalogue.testing import make_catalogue
from ocop.certificates import services
from ocop.registry.services import product_assign_code
from ocop.registry.testing import make_producer, make_product

GTIN = "8930000000019"  # GS1 Vietnam prefix, valid check digit
GTIN14 = "08930000000019"


def issue(product, *, stars=4, issue_date=date(2026, 6, 30), supersedes=None):
    if not product.code:
        product.code = product_assign_code(product=product, year=issue_date.year)
    return services.certificate_issue(
        actor=None,
        product=product,
        stars=stars,
        rules="26-2026",
        authority_name="UBND thành phố Hà Nội",
        authority_level="province",
        decision_number="1234/QĐ-UBND",
        decision_date=issue_date,
        issue_date=issue_date,
        supersedes=supersedes,
    )


@pytest.fixture
def producer(territory, personas):
    return make_producer(
        territory.commune_x, "HTX Nông nghiệp Phú Xuyên", 1, personas["producer_a"],
        street_address="Thôn Thượng", phone="0912345678", email="htx@example.vn",
    )  # fmt: skip


@pytest.fixture
def product(producer):
    """A public 4★ product with a GTIN-13."""
    product = make_product(producer, "Mật ong hoa nhãn Phú Xuyên", 4, gtin=GTIN)
    issue(product)
    product.refresh_from_db()
    return product


@pytest.fixture
def certificate(product):
    return product.certificates.get()


@pytest.fixture
def plain_product(producer):
    """A public 3★ product without a GTIN."""
    product = make_product(producer, "Gạo nếp cái hoa vàng Phú Xuyên", 3)
    issue(product, stars=3)
    product.refresh_from_db()
    return product


@pytest.fixture
def catalogue(territory):
    officer = make_user("province_p", "province", province=territory.province_p)
    return make_catalogue(territory, officer)
