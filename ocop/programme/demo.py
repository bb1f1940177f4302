"""Demo data of the seed story (DOMAIN.md §8), plan and budget part: the former Phú Xuyên
district (280) spent exactly 968,721,000 đồng of the district budget in 2018–2020 on surveys and
statistics, dossier support and promotion; its 2021–2025 plan: 200 products at 3★ or more, 100 % of
officials and producer managers trained, one OCOP showroom, 5,000,000,000 đồng planned.

Written through the services, as the Hà Nội province officer (who keeps the budgets of the
province's historic units). Idempotent: a second run finds the plan and the allocations and adds
nothing. The targets' actuals are never typed: they are computed from the demo's certificates,
historic results, courses, showrooms and payments (selectors.py).
"""

from datetime import date

from django.db import transaction

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.places.models import HistoricUnit

from . import services
from .models import Allocation, Plan
from .units import resolve_unit

PHU_XUYEN = "280"
PLAN_NAME = "Đề án phát triển sản phẩm OCOP huyện Phú Xuyên giai đoạn 2021–2025"
# (year, content, [(paid on, amount, what was paid for)]), district budget; total 968,721,000 đồng
SPENDING_2018_2020 = [
    (2018, "surveys", [
        (date(2018, 6, 15), 52_400_000, "Điều tra, khảo sát sản phẩm có tiềm năng OCOP toàn huyện"),
        (date(2018, 9, 20), 33_000_000, "Thống kê, lập danh mục sản phẩm và chủ thể OCOP"),
    ]),
    (2019, "dossier", [
        (date(2019, 5, 10), 168_500_000, "Hỗ trợ hoàn thiện hồ sơ sản phẩm đợt 1 năm 2019"),
        (date(2019, 10, 8), 144_000_000, "Hỗ trợ hoàn thiện hồ sơ sản phẩm đợt 2 năm 2019"),
    ]),
    (2019, "promotion", [
        (date(2019, 11, 22), 120_000_000, "Tham gia hội chợ sản phẩm OCOP thành phố Hà Nội 2019"),
    ]),
    (2020, "dossier", [
        (date(2020, 6, 5), 286_321_000, "Hỗ trợ hoàn thiện hồ sơ 84 sản phẩm đánh giá năm 2020"),
    ]),
    (2020, "promotion", [
        (date(2020, 12, 3), 164_500_000, "Xúc tiến thương mại, giới thiệu sản phẩm OCOP huyện"),
    ]),
]  # fmt: skip
PLAN_TARGETS = [
    ("products_stars", 3, 200),
    ("producers_trained_share", None, 100),
    ("officials_trained_share", None, 100),
    ("showrooms_open", None, 1),
    ("budget_disbursed", None, 5_000_000_000),
]
PLAN_BUDGET = {  # 5,000,000,000 đồng
    "communication": 300_000_000,
    "surveys": 200_000_000,
    "training": 500_000_000,
    "packaging": 1_500_000_000,
    "dossier": 300_000_000,
    "promotion": 1_200_000_000,
    "showrooms": 1_000_000_000,
}


def _officer() -> User | None:
    return User.objects.filter(role=Role.PROVINCE, province__code="01").order_by("pk").first()


@transaction.atomic
def seed_programme_budget() -> None:
    """The Phú Xuyên plan and 2018–2020 spending (idempotent; nothing without unit 280)."""
    officer = _officer()
    if officer is None or not HistoricUnit.objects.filter(code=PHU_XUYEN).exists():
        return
    unit = resolve_unit(PHU_XUYEN)
    if not Plan.objects.filter(unit.records(), name=PLAN_NAME).exists():
        services.plan_create(
            actor=officer, unit=unit, name=PLAN_NAME, start_year=2021, end_year=2025,
            targets=PLAN_TARGETS, budget=PLAN_BUDGET, document_number="125/QĐ-UBND",
            document_date=date(2021, 4, 12),
        )  # fmt: skip
    for year, content, payments in SPENDING_2018_2020:
        number = f"{year}-{content}/KH-UBND"
        if Allocation.objects.filter(unit.records(), document_number=number).exists():
            continue
        allocation = services.allocation_create(
            actor=officer, unit=unit, year=year, source="district", content=content,
            amount=sum(amount for _, amount, _ in payments), document_number=number,
            document_date=date(year, 3, 1),
        )  # fmt: skip
        for index, (paid_on, amount, description) in enumerate(payments, start=1):
            services.disbursement_create(
                actor=officer, allocation=allocation, paid_on=paid_on, amount=amount,
                description=description, document_number=f"PC-{year}-{content}-{index}",
                document_date=paid_on,
            )  # fmt: skip
