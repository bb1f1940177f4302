"""Targets and budget figures from live records (selectors.py)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.certificates.models import Certificate, HistoricResult
from ocop.evaluation.testing import make_product
from ocop.programme import selectors
from ocop.programme.models import Allocation, Attendance, Course, Disbursement, Target
from ocop.programme.units import resolve_unit

pytestmark = pytest.mark.django_db
MID_2023 = date(2023, 7, 2)


def certify(product, stars: int, issued: date, number: str) -> Certificate:
    return Certificate.objects.create(
        number=number, product=product, product_name=product.name, producer_name="x",
        producer_address="x", stars=stars, rules="148-2023", authority_name="UBND",
        authority_level="province", decision_number="1/QĐ", decision_date=issued,
        issue_date=issued, valid_until=date(issued.year + 3, issued.month, 1), token=number,
    )  # fmt: skip


def historic(product, stars: int, year: int) -> HistoricResult:
    return HistoricResult.objects.create(
        product=product, year=year, rules="1048-2019", stars=stars, authority_name="UBND",
        authority_level="province",
    )  # fmt: skip


def test_recognised_products_count_certificates_and_historic_results_of_the_unit(pw):
    second = make_product(pw.producer_a, "Ổi Phú Xuyên")
    third = make_product(pw.producer_a, "Na Phú Xuyên")
    certify(pw.product_a, 3, date(2022, 5, 1), "C1")
    certify(pw.product_a, 4, date(2024, 5, 1), "C2")  # same product twice: counted once
    historic(second, 3, 2021)
    historic(third, 2, 2022)  # 2★: below the target
    certify(third, 3, date(2020, 12, 31), "C3")  # before the period
    certify(pw.product_b, 3, date(2022, 5, 1), "C4")  # commune Y is not in 280
    Target.objects.create(plan=pw.plan, indicator="products_stars", stars=3, value=4)
    unit = resolve_unit("280")

    products = selectors.recognised_products(unit, 3, 2021, 2025)

    assert sorted(p.name for p in products) == ["Bưởi Phú Xuyên", "Ổi Phú Xuyên"]
    [row] = selectors.target_rows(unit=unit, today=MID_2023)
    assert (row.unit_code, row.period, row.target_value, row.actual) == ("280", "2021-2025", 4, 2)
    assert (row.percent, row.status) == (50.0, "on_track")
    assert row.records_url == f"/programme/targets/{row.target.pk}/records/"
    assert row.as_json() == {
        "unit": "280", "indicator": "products_stars", "stars": 3,
        "label": "Sản phẩm được công nhận từ 3 sao trở lên", "period": "2021-2025",
        "target": 4, "actual": 2, "percent": 50.0, "status": "on_track",
    }  # fmt: skip


def test_training_shares_count_participating_producers_and_the_units_officers(pw, personas):
    course = Course.objects.create(
        province=pw.plan.province, historic_unit=pw.district, title="Tập huấn OCOP",
        audience="both", start_date=date(2022, 3, 1), end_date=date(2022, 3, 2), place="UBND",
        organiser="Huyện",
    )  # fmt: skip
    Attendance.objects.create(course=course, kind="producer", producer=pw.producer_a, name="A")
    Attendance.objects.create(course=course, kind="producer", producer=pw.producer_b, name="B")
    Attendance.objects.create(course=course, kind="official", user=personas["commune_x"], name="X")
    Attendance.objects.create(course=course, kind="official", user=personas["commune_y"], name="Y")
    for indicator in ("producers_trained", "producers_trained_share", "officials_trained_share"):
        Target.objects.create(plan=pw.plan, indicator=indicator, value=100)
    unit = resolve_unit("280")

    rows = {r.indicator: r.actual for r in selectors.target_rows(unit=unit, today=MID_2023)}

    # 280's only commune is X: producer A (with a product) and officer commune_x
    assert rows == {
        "producers_trained": 1, "producers_trained_share": 100.0, "officials_trained_share": 100.0
    }  # fmt: skip
    assert [u.username for u in selectors.trained_officials(unit, 2021, 2025)] == ["commune_x"]
    province = resolve_unit("01")
    assert selectors.trained_officials(province, 2021, 2025).count() == 2
    assert selectors.unit_officials(province).count() == 3  # province_p, commune_x, commune_y


def _allocate(pw, year: int, content: str, amount: int) -> Allocation:
    return Allocation.objects.create(
        province=pw.plan.province, historic_unit=pw.district, year=year, source="district",
        content=content, amount=amount,
    )  # fmt: skip


def test_budget_summary_totals_by_content_source_and_year_in_constant_queries(pw):
    def add(year, content, amounts):
        allocation = _allocate(pw, year, content, sum(amounts))
        for amount in amounts:
            Disbursement.objects.create(
                allocation=allocation, paid_on=date(year, 6, 1), amount=amount, description="Chi"
            )

    add(2018, "surveys", [100_000_000, 20_000_000])
    unit = resolve_unit("280")
    with CaptureQueriesContext(connection) as few:
        selectors.budget_summary(unit, 2018, 2020)
    add(2019, "dossier", [300_000_000])
    add(2020, "promotion", [500_000_000, 48_721_000])
    add(2021, "promotion", [1_000])  # outside the years asked
    with CaptureQueriesContext(connection) as more:
        summary = selectors.budget_summary(unit, 2018, 2020)

    assert len(more) == len(few)
    assert (summary.allocated, summary.disbursed) == (968_721_000, 968_721_000)
    assert summary.by_content == {
        "dossier": 300_000_000, "promotion": 548_721_000, "surveys": 120_000_000
    }  # fmt: skip
    assert summary.by_source == {"district": 968_721_000}
    assert summary.by_year == {2018: 120_000_000, 2019: 300_000_000, 2020: 548_721_000}
    assert selectors.budget_summary(resolve_unit("10279")).disbursed == 0
