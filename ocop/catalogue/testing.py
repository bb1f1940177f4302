"""A small public catalogue for tests: recognised products over two provinces, three communes,
two years, three legal forms and star ranks 3–5; one revoked, one expired; a household producer
whose private facts (phone, e-mail, tax code, representative, address) must never show."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from ocop.accounts.testing import Territory
from ocop.certificates.models import Certificate
from ocop.certificates.services import certificate_issue, certificate_revoke
from ocop.registry.models import Product
from ocop.registry.services import product_assign_code
from ocop.registry.testing import make_producer, make_product

PRIVATE = {
    "phone": "0912345678",
    "email": "ho.nam.tien@example.vn",
    "representative_name": "Trần Văn Bí Mật",
    "street_address": "Số 7 ngõ Kín",
}


@dataclass
class Catalogue:
    honey: Product  # 4★, Xã Phú Xuyên, cooperative, 2026
    rolls: Product  # 3★, household (the private facts), Xã Phú Xuyên, 2025
    rice: Product  # 5★, Xã Phượng Dực, LLC, 2026
    coffee: Product  # 3★, Phường Sài Gòn (province Q), LLC, 2026
    revoked: Product  # revoked: keeps its page, leaves the list
    expired: Product  # 4★ of 2023, expired
    unranked: Product  # never recognised: not public at all
    honey_certificate: Certificate
    household_tax_code: str


def issue(product: Product, stars: int, day: date, number: str) -> Certificate:
    central = stars == 5
    rules = "26-2026" if day >= date(2026, 5, 22) else "148-2023"
    product_assign_code(product=product, year=day.year)
    product.refresh_from_db()
    return certificate_issue(
        actor=None, product=product, stars=stars, rules=rules,
        authority_name="Bộ Nông nghiệp và Môi trường" if central else "UBND thành phố Hà Nội",
        authority_level="central" if central else "province",
        decision_number=number, decision_date=day, issue_date=day,
    )  # fmt: skip


def make_catalogue(t: Territory, revoker) -> Catalogue:
    htx = make_producer(t.commune_x, "HTX Nông nghiệp Phú Xuyên", 11)
    household = make_producer(
        t.commune_x, "Hộ kinh doanh Giò chả Nam Tiến", 12, legal_form="household", **PRIVATE
    )
    company = make_producer(t.commune_y, "Công ty TNHH Gạo Phượng Dực", 13, legal_form="llc")
    saigon = make_producer(t.commune_z, "Công ty TNHH Sài Gòn Xanh", 14, legal_form="llc")
    honey = make_product(htx, "Mật ong hoa nhãn Phú Xuyên", 4, story="Ong nuôi bên vườn nhãn.",
                         sales_channels=["ocop_showroom", "ecommerce"])  # fmt: skip
    rolls = make_product(household, "Giò chả Phú Xuyên", 8)
    rice = make_product(company, "Gạo tám thơm Phượng Dực", 3)
    coffee = make_product(saigon, "Cà phê rang xay Sài Gòn", 13)
    revoked = make_product(htx, "Đường phèn Phú Xuyên", 4)
    expired = make_product(htx, "Bún khô Phú Xuyên", 6)
    unranked = make_product(htx, "Dưa lê Phú Xuyên", 1)
    june = date(2026, 6, 30)
    honey_certificate = issue(honey, 4, june, "1234/QĐ-UBND")
    issue(rolls, 3, date(2025, 8, 15), "800/QĐ-UBND")
    issue(rice, 5, june, "55/QĐ-BNNMT")
    issue(coffee, 3, june, "1234/QĐ-UBND")
    to_revoke = issue(revoked, 4, june, "1234/QĐ-UBND")
    today = timezone.localdate()
    certificate_revoke(
        actor=revoker, certificate=to_revoke, ground="mark_misuse",
        conclusion_date=today - timedelta(days=5), decision_number="1520/QĐ-UBND",
        decision_date=today - timedelta(days=2), note="",
    )  # fmt: skip
    issue(expired, 4, date(2023, 3, 1), "300/QĐ-UBND")  # 36 months: over since March 2026
    return Catalogue(
        honey, rolls, rice, coffee, revoked, expired, unranked, honey_certificate,
        household.tax_code,
    )  # fmt: skip
