"""Demo data for the seed story (DOMAIN.md §8): Phú Xuyên district ranked 13 products in 2019 and
84 in 2020 under 1048-2019 (its council scored, Hà Nội recognised); their re-evaluations left
certificates that are valid today, in the re-evaluation window today, or recently expired; one was
upgraded (superseded), one revoked. Every certificate goes through `certificate_issue`, so each
fits the authority and rule-set checks of `recognition.py`.

Runs after the registry demo. Dates are relative to today, so the demo tells the same story on
any day. Idempotent: a second run finds the Phú Xuyên results and does nothing.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.places.models import HistoricUnit
from ocop.registry.models import Product
from ocop.registry.services import product_assign_code

from . import recognition, services, validity
from .choices import AuthorityLevel, RevocationGround
from .models import Certificate, HistoricResult

DISTRICT = "UBND huyện Phú Xuyên"
HANOI = "UBND thành phố Hà Nội"
# Demo signers (invented names) printed in the certificates' signature blocks.
SIGNERS: dict[str, str] = {
    AuthorityLevel.DISTRICT_HISTORIC: "Trần Văn Tiến",
    AuthorityLevel.PROVINCE: "Nguyễn Văn Phong",
}
RANKED_2019, RANKED_2020 = 13, 84
RULES_148_FROM = date(2023, 2, 24)
RULES_26_FROM = date(2026, 5, 22)


def _rules_on(day: date) -> str:
    if day < RULES_148_FROM:
        return "1048-2019"
    return "148-2023" if day < RULES_26_FROM else "26-2026"


def _authority(stars: int, day: date) -> tuple[str, str]:
    """Who recognised a product of `stars` on `day` (DOMAIN.md §1)."""
    district_era = recognition.DISTRICT_FROM <= day <= recognition.DISTRICT_UNTIL
    if stars == 3 and district_era:
        return DISTRICT, AuthorityLevel.DISTRICT_HISTORIC
    return HANOI, AuthorityLevel.PROVINCE


def _stars_and_total(index: int) -> tuple[int, Decimal | None]:
    if index % 5 == 4:
        return 4, Decimal(70 + index * 3 % 19) + Decimal("0.25") * (index % 4)
    total = Decimal(50 + index * 7 % 20) + Decimal("0.5") * (index % 2)
    return 3, None if index % 10 == 9 else total


def _results(products: list[Product], year: int, unit: HistoricUnit | None) -> None:
    """Under 1048-2019 the district council (Phú Xuyên, kept as `historic_unit`) scored and the
    province recognised 3★ and 4★ (DOMAIN.md §1)."""
    decision_date = date(year, 12, 20)
    for index, product in enumerate(products):
        stars, total = _stars_and_total(index)
        HistoricResult.objects.create(
            product=product,
            year=year,
            rules="1048-2019",
            total=total,
            stars=stars,
            authority_name=HANOI,
            authority_level=AuthorityLevel.PROVINCE,
            historic_unit=unit,
            decision_number=f"{1200 + index}/QĐ-UBND",
            decision_date=decision_date,
        )


def _issue_date(index: int, today: date) -> date:
    """Every sixth in the re-evaluation window today, every sixth recently expired, others valid."""
    if index % 6 == 0:
        return validity.add_months(today + timedelta(days=165), -validity.VALIDITY_MONTHS)
    if index % 6 == 1:
        return validity.add_months(today - timedelta(days=20), -validity.VALIDITY_MONTHS)
    return validity.add_months(today, -(2 + index % 26))


def _issue(product: Product, stars: int, day: date, serial: int, supersedes=None) -> Certificate:
    name, level = _authority(stars, day)
    if not product.code:  # evaluated before the system: the code it would have been given then
        product.code = product_assign_code(product=product, year=day.year)
    return services.certificate_issue(
        actor=None,
        product=product,
        stars=stars,
        rules=_rules_on(day),
        authority_name=name,
        authority_level=level,
        decision_number=f"{serial}/QĐ-UBND",
        decision_date=day,
        issue_date=day,
        supersedes=supersedes,
        signer_name=SIGNERS[level],
    )


def _certificates(products: list[Product], today: date) -> list[Certificate]:
    issued = []
    for index, product in enumerate(products):
        stars, _total = _stars_and_total(index)
        issued.append(_issue(product, stars, _issue_date(index, today), 300 + index))
    if len(products) > 3:
        # Upgraded: the 3★ certificate of product 2 (issued four months ago) replaced by a 4★ one.
        upgrade_day = today - timedelta(days=10)
        issued[2] = _issue(products[2], 4, upgrade_day, 900, supersedes=issued[2])
    return issued


def _revoke_one(certificates: list[Certificate], today: date) -> None:
    officer = (
        User.objects.filter(role=Role.PROVINCE, province__code="01").first()
        or User.objects.filter(is_superuser=True).first()
    )
    if officer is None or len(certificates) < 4:
        return
    services.certificate_revoke(
        actor=officer,
        certificate=certificates[3],
        ground=RevocationGround.MARK_MISUSE,
        conclusion_date=today - timedelta(days=40),
        decision_number="1520/QĐ-UBND",
        decision_date=today - timedelta(days=30),
        note="Kết luận kiểm tra sau công nhận: dùng nhãn 4 sao cho sản phẩm 3 sao.",
    )


@transaction.atomic
def seed_certificates() -> str:
    """Historic results and certificates for the Hà Nội demo products. Returns a one-line summary."""
    seeded = HistoricResult.objects.filter(
        year__in=[2019, 2020], rules="1048-2019", product__producer__commune__province__code="01"
    )
    if seeded.exists():
        return "Giấy chứng nhận trình diễn: đã có, bỏ qua."
    products = list(
        Product.objects.filter(producer__commune__province__code="01")
        .select_related("producer__commune__province")
        .order_by("id")[: RANKED_2019 + RANKED_2020]
    )
    if not products:
        return "Giấy chứng nhận trình diễn: chưa có sản phẩm nào ở Hà Nội, bỏ qua."
    unit = HistoricUnit.objects.filter(level=HistoricUnit.Level.DISTRICT, code="280").first()
    ranked_2019 = products[:RANKED_2019]
    ranked_2020 = products[RANKED_2019:] or products
    for year, ranked in ((2019, ranked_2019), (2020, ranked_2020)):
        for product in ranked:  # a product gets its code at its first evaluation
            product.code = product_assign_code(product=product, year=year)
    _results(ranked_2019, 2019, unit)
    _results(ranked_2020, 2020, unit)
    today = timezone.localdate()
    certificates = _certificates(ranked_2020, today)
    _revoke_one(certificates, today)
    return (
        f"Giấy chứng nhận trình diễn: {len(ranked_2019)} kết quả 2019, {len(ranked_2020)} kết quả "
        f"2020, {Certificate.objects.count()} giấy chứng nhận."
    )
