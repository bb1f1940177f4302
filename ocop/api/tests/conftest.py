"""A small public world for the API tests: products in two provinces with 3★, 4★ and 5★
certificates in force, one expired, one revoked, one never certified."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.core.cache import cache

from ocop.certificates import services
from ocop.certificates.models import Certificate
from ocop.registry.models import Product
from ocop.registry.testing import make_producer, make_product

TODAY = date(2026, 11, 30)


@dataclass
class Shelf:
    honey: Product  # 4★ in force, Phú Xuyên (Hà Nội), household with phone/e-mail/address
    tea: Product  # 3★ in force, Phú Xuyên
    coffee: Product  # 4★ in force, Sài Gòn (HCM)
    wine: Product  # 5★ in force, Phượng Dực (Hà Nội)
    old: Product  # 4★ expired
    revoked: Product  # 4★ revoked
    draft: Product  # never certified
    certificates: dict[str, Certificate]


def issue(product, stars, day, number, *, central=False):
    return services.certificate_issue(
        actor=None,
        product=product,
        stars=stars,
        rules="26-2026"
        if day >= date(2026, 5, 22)
        else "148-2023"
        if day.year >= 2023
        else "1048-2019",
        authority_name="Bộ Nông nghiệp và Môi trường" if central else "UBND thành phố Hà Nội",
        authority_level="central" if central else "province",
        decision_number=number,
        decision_date=day,
        issue_date=day,
    )


def coded(product, code):
    product.code = code
    product.refresh_keys()
    Product.objects.filter(pk=product.pk).update(
        code=code, search_key=product.search_key, public_key=product.public_key
    )
    product.refresh_from_db()
    return product


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """Each test starts with every client's quota unused (the throttle counts in the cache)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def shelf(territory, personas) -> Shelf:
    household = make_producer(
        territory.commune_x, "Hộ Nguyễn Văn Đức", 11, personas["producer_a"],
        legal_form="household", phone="0912345678", email="duc@example.vn",
        street_address="Số 7 ngõ Bí Mật", representative_name="Trần Thị Kín Đáo",
    )  # fmt: skip
    coop = make_producer(territory.commune_y, "HTX Rượu Phượng Dực", 12)
    saigon = make_producer(territory.commune_z, "Công ty TNHH Cà phê Sài Gòn", 13, legal_form="llc")
    honey = coded(make_product(household, "Mật ong hoa nhãn", 4), "01-10273-001-2026")
    tea = coded(make_product(household, "Chè búp Phú Xuyên", 9), "01-10273-002-2026")
    coffee = coded(make_product(saigon, "Cà phê rang xay", 13), "79-26734-001-2026")
    wine = coded(make_product(coop, "Rượu nếp cái hoa vàng", 14), "01-10279-001-2025")
    old = coded(make_product(coop, "Bánh đa cũ", 5), "01-10279-002-2022")
    revoked = coded(make_product(coop, "Giò lụa", 5), "01-10279-003-2025")
    draft = make_product(coop, "Sản phẩm mới", 5)
    certificates = {
        "honey": issue(honey, 4, date(2026, 6, 30), "1200/QĐ-UBND"),
        "tea": issue(tea, 3, date(2026, 6, 30), "1200/QĐ-UBND"),
        "coffee": issue(coffee, 4, date(2026, 7, 15), "88/QĐ-UBND"),
        "wine": issue(wine, 5, date(2025, 9, 1), "55/QĐ-BNNMT", central=True),
        "old": issue(old, 4, date(2022, 5, 10), "900/QĐ-UBND"),
        "revoked": issue(revoked, 4, date(2025, 3, 1), "700/QĐ-UBND"),
    }
    services.certificates_refresh(today=TODAY)  # the 2022 one has expired by now
    services.certificate_revoke(
        actor=personas["province_p"], certificate=certificates["revoked"],
        ground="mark_misuse", conclusion_date=date(2026, 10, 1),
        decision_number="1500/QĐ-UBND", decision_date=date(2026, 10, 10),
    )  # fmt: skip
    for certificate in certificates.values():
        certificate.refresh_from_db()
    for product in (honey, tea, coffee, wine, old, revoked, draft):
        product.refresh_from_db()
    return Shelf(honey, tea, coffee, wine, old, revoked, draft, certificates)
