"""The actuals of many targets at once (programme.actuals) agree with the one-target definition
(selectors.target_actual), and the pages that list targets take the same number of queries
whatever the number of plans and targets."""

import random
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.accounts.testing import client_for
from ocop.evaluation.testing import make_product
from ocop.programme import selectors
from ocop.programme.actuals import target_actuals
from ocop.programme.choices import Indicator
from ocop.programme.models import (
    Allocation,
    Attendance,
    Course,
    Disbursement,
    Event,
    Plan,
    Showroom,
    Target,
)

from .test_selectors import MID_2023, certify, historic

pytestmark = pytest.mark.django_db


def unit_columns(pw, territory, kind: str) -> dict:
    """The unit columns of a record kept at 280 (historic), commune X, or province P."""
    if kind == "historic":
        return {"province": territory.province_p, "historic_unit": pw.district}
    if kind == "commune":
        return {"province": territory.province_p, "commune": territory.commune_x}
    return {"province": territory.province_p}


def mixed_records(pw, personas, territory, rng: random.Random) -> None:
    """Products, certificates, historic results, courses with attendance, events, showrooms and
    disbursements spread over 280, commune X, commune Y and province P, inside and outside
    2021–2025."""
    for n in range(12):
        product = make_product(pw.producer_a if n % 3 else pw.producer_b, f"Sản phẩm {n}")
        if rng.random() < 0.6:
            certify(product, rng.randint(3, 5), date(rng.randint(2019, 2026), 3, 1), f"Q{n}")
        if rng.random() < 0.5:
            historic(product, rng.randint(1, 5), rng.randint(2019, 2026))
    kinds = ["historic", "commune", "province"]
    for n, year in enumerate((2020, 2022, 2024, 2026)):
        columns = unit_columns(pw, territory, kinds[n % 3])
        course = Course.objects.create(
            **columns, title=f"Lớp {n}", audience="both", start_date=date(year, 3, 1),
            end_date=date(year, 3, 2), place="UBND", organiser="Huyện",
        )  # fmt: skip
        producer = pw.producer_a if n % 2 else pw.producer_b
        Attendance.objects.create(course=course, kind="producer", producer=producer, name="P")
        official = personas["commune_x"] if n % 2 else personas["province_p"]
        Attendance.objects.create(course=course, kind="official", user=official, name="O")
        Event.objects.create(
            **columns, name=f"Hội chợ {n}", kind="fair", start_date=date(year, 5, 1),
            end_date=date(year, 5, 3), place="Hà Nội", organiser="Sở",
        )  # fmt: skip
        Showroom.objects.create(
            **columns, name=f"Điểm {n}", kind="showroom", address="Phố", operator="HTX",
            opened_on=date(year, 1, 1), closed_on=date(2023, 1, 1) if n == 1 else None,
            location=territory.commune_x if n % 2 else territory.commune_y,
        )  # fmt: skip
        allocation = Allocation.objects.create(
            **columns, year=year, source="province", content="training", amount=10_000_000
        )
        Disbursement.objects.create(
            allocation=allocation, paid_on=date(year, 6, 1), amount=1_000_000 + n,
            description="Chi",
        )  # fmt: skip


def plans_of_every_kind(pw, territory) -> list[Plan]:
    plans = [pw.plan]
    for kind, years in (("commune", (2021, 2025)), ("province", (2019, 2026))):
        plans.append(Plan.objects.create(
            **unit_columns(pw, territory, kind), name=f"Kế hoạch {kind}", start_year=years[0],
            end_year=years[1],
        ))  # fmt: skip
    return plans


def every_indicator(plan: Plan) -> None:
    for indicator in Indicator:
        stars = 4 if indicator == Indicator.PRODUCTS_STARS else None
        Target.objects.create(plan=plan, indicator=indicator, stars=stars, value=10)
    Target.objects.create(plan=plan, indicator=Indicator.PRODUCTS_STARS, stars=None, value=5)


def test_bulk_actuals_equal_each_targets_own_on_mixed_data(pw, personas, territory):
    mixed_records(pw, personas, territory, random.Random(5))
    for plan in plans_of_every_kind(pw, territory):
        every_indicator(plan)
    targets = list(Target.objects.select_related("plan"))

    actuals = target_actuals(targets, MID_2023)

    expected = {t.pk: selectors.target_actual(t, MID_2023) for t in targets}
    assert actuals == expected
    assert len(targets) == 3 * 8
    # the data does tell the units apart: not every actual is zero, nor all the same per kind
    assert len({(t.indicator, actuals[t.pk]) for t in targets}) > 2 * len(Indicator)


def test_records_outside_the_period_or_the_unit_do_not_count(pw, territory):
    certify(pw.product_a, 3, date(2022, 5, 1), "IN")
    certify(pw.product_b, 5, date(2022, 5, 1), "Y")  # commune Y: not in 280
    second = make_product(pw.producer_a, "Ổi")
    certify(second, 4, date(2020, 12, 31), "EARLY")  # before 2021
    target = Target.objects.create(plan=pw.plan, indicator="products_stars", stars=3, value=4)

    assert target_actuals([target], MID_2023) == {target.pk: 1}


def test_the_plan_list_takes_the_same_queries_for_more_plans_and_targets(pw, personas, territory):
    every_indicator(pw.plan)
    client = client_for(personas["province_p"])
    client.get("/programme/plans/")  # sessions, caches
    with CaptureQueriesContext(connection) as few:
        first = client.get("/programme/plans/")
    for plan in plans_of_every_kind(pw, territory)[1:] + plans_of_every_kind(pw, territory)[1:]:
        every_indicator(plan)
    mixed_records(pw, personas, territory, random.Random(7))
    with CaptureQueriesContext(connection) as more:
        second = client.get("/programme/plans/")

    assert (first.status_code, second.status_code) == (200, 200)
    assert first.content.decode().count("/records/") == 8
    assert second.content.decode().count("/records/") == 5 * 8
    # plans of a commune and of the province: two queries each (recognised products, the rest)
    assert len(more) <= len(few) + 4


def test_the_plan_list_takes_the_same_queries_for_more_plans_of_the_same_kinds(
    pw, personas, territory
):
    plans_of_every_kind(pw, territory)
    for plan in Plan.objects.all():
        every_indicator(plan)
    client = client_for(personas["province_p"])
    client.get("/programme/plans/")
    with CaptureQueriesContext(connection) as few:
        client.get("/programme/plans/")
    for _ in range(3):
        for plan in plans_of_every_kind(pw, territory)[1:]:
            every_indicator(plan)
    with CaptureQueriesContext(connection) as more:
        page = client.get("/programme/plans/").content.decode()

    assert page.count("/records/") == 9 * 8
    assert len(more) == len(few)
