"""Targets and budget figures from live records (selectors.py)."""

import random
from datetime import date

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from ocop.certificates.models import Certificate, HistoricResult
from ocop.evaluation.testing import make_product
from ocop.programme import selectors
from ocop.programme.models import Allocation, Attendance, Course, Disbursement, Target
from ocop.programme.units import resolve_unit
from ocop.registry.models import Product

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


def recognised_the_old_way(unit, min_stars: int, start: int, end: int) -> set[int]:
    """The former OR of two IN subqueries, kept here as the reference for the EXISTS."""
    certified = Certificate.objects.filter(
        stars__gte=min_stars, issue_date__year__gte=start, issue_date__year__lte=end
    ).values("product_id")
    historic = HistoricResult.objects.filter(
        stars__gte=min_stars, year__gte=start, year__lte=end
    ).values("product_id")
    products = Product.objects.filter(
        Q(pk__in=certified) | Q(pk__in=historic), producer__commune__in=unit.communes()
    )
    return set(products.values_list("pk", flat=True))


def test_recognised_products_by_exists_match_the_or_of_both_sources_on_mixed_data(pw):
    rng = random.Random(11)
    for n in range(24):
        product = make_product(pw.producer_a if n % 3 else pw.producer_b, f"Sản phẩm {n}")
        for k in range(rng.randint(0, 2)):  # none, one or two certificates
            issued = date(rng.randint(2019, 2026), rng.randint(1, 12), 1)
            certify(product, rng.randint(3, 5), issued, f"M{n}-{k}")
        for year in rng.sample(range(2018, 2027), rng.randint(0, 2)):  # none, one or two
            historic(product, rng.randint(1, 5), year)

    for code in ("280", "01", "10279"):
        unit = resolve_unit(code)
        for min_stars, start, end in ((3, 2021, 2025), (4, 2019, 2026), (5, 2022, 2022)):
            expected = recognised_the_old_way(unit, min_stars, start, end)
            products = selectors.recognised_products(unit, min_stars, start, end)

            assert set(products.values_list("pk", flat=True)) == expected
            assert products.count() == len(expected)
    # the data set does mix them: products recognised by both sources, and by only one
    both = set(Certificate.objects.values_list("product_id", flat=True)) & set(
        HistoricResult.objects.filter(stars__gte=3).values_list("product_id", flat=True)
    )
    assert len(recognised_the_old_way(resolve_unit("01"), 3, 2019, 2026)) > len(both) > 0


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


def test_target_rows_take_the_same_queries_whatever_the_number_of_records(pw):
    for indicator, stars in (("products_stars", 3), ("producers_trained_share", None),
                             ("officials_trained_share", None), ("showrooms_open", None),
                             ("events_held", None), ("budget_disbursed", None)):  # fmt: skip
        Target.objects.create(plan=pw.plan, indicator=indicator, stars=stars, value=10)
    unit = resolve_unit("280")
    with CaptureQueriesContext(connection) as few:
        selectors.target_rows(unit=unit, today=MID_2023)
    for n in range(20):
        product = make_product(pw.producer_a, f"Sản phẩm {n}")
        certify(product, 3, date(2022, 1, 1), f"N{n}")
        historic(product, 4, 2021)
    allocation = _allocate(pw, 2022, "training", 10_000)
    for _ in range(5):
        Disbursement.objects.create(
            allocation=allocation, paid_on=date(2022, 1, 2), amount=1_000, description="Chi"
        )
    with CaptureQueriesContext(connection) as more:
        rows = selectors.target_rows(unit=unit, today=MID_2023)
    assert len(more) == len(few)
    actuals = {r.indicator: r.actual for r in rows}
    assert (actuals["products_stars"], actuals["budget_disbursed"]) == (20, 5_000)
