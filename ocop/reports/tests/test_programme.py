from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.certificates.models import HistoricResult
from ocop.programme.models import Allocation, Attendance, Course, Disbursement
from ocop.programme.units import resolve_unit
from ocop.registry.testing import make_producer, make_product
from ocop.reports import figures
from ocop.reports.programme import programme_report
from ocop.reports.spreadsheets import report_workbook

from .conftest import TODAY


def test_commune_report_counts_its_own_products_money_and_training(programme):
    report = programme_report(resolve_unit("10273"), 2019, 2025, TODAY)
    assert [(s.stars, s.count) for s in report.stars_now] == [
        (5, 0), (4, 1), (3, 1), (2, 0), (1, 0), (None, 1)
    ]  # fmt: skip
    assert [(y.year, y.by_stars, y.recognised, y.cumulative) for y in report.per_year] == [
        (2019, {2: 1}, 0, 0), (2020, {3: 1}, 1, 1), (2021, {}, 0, 1), (2022, {}, 0, 1),
        (2023, {}, 0, 1), (2024, {4: 1}, 1, 2), (2025, {}, 0, 2),
    ]  # fmt: skip
    assert [row[0] for row in report.in_force_rows] == [programme.honey_certificate.number]
    assert report.in_force_by_stars == [(5, 0), (4, 1), (3, 0)]
    t = report.training
    assert (t.courses, t.attendances, t.producers, t.producers_trained) == (1, 2, 1, 1)
    assert (t.officials, t.officials_trained, t.officials_percent) == (1, 1, 100)
    assert t.producers_percent == 100
    assert [(m.key, m.allocated, m.disbursed) for m in report.by_source] == [
        ("commune", 50_000_000, 50_000_000)
    ]
    assert (report.allocated, report.disbursed) == (50_000_000, 50_000_000)
    assert report.events == []  # the fair is the province's
    assert [s.name for s in report.showrooms] == ["Điểm OCOP Phú Xuyên"]


def test_province_report_adds_up_its_communes_and_leaves_other_provinces_out(programme):
    report = programme_report(resolve_unit("01"), 2024, 2025, TODAY)
    assert [(y.year, y.by_stars, y.recognised, y.cumulative) for y in report.per_year] == [
        (2024, {4: 1}, 1, 2), (2025, {3: 1}, 1, 3),  # rice's 2020 result counts before the period
    ]  # fmt: skip
    assert report.in_force_by_stars == [(5, 0), (4, 1), (3, 1)]
    assert [(m.key, m.allocated, m.disbursed) for m in report.by_source] == [
        ("province", 100_000_000, 40_000_000), ("commune", 50_000_000, 50_000_000)
    ]  # fmt: skip
    assert [(m.key, m.allocated, m.disbursed) for m in report.by_year] == [
        ("2024", 150_000_000, 90_000_000), ("2025", 0, 0)
    ]  # fmt: skip
    assert [(e.name, e.product_count) for e in report.events] == [("Hội chợ OCOP Hà Nội", 2)]
    assert report.training.producers == 2


def test_a_product_counts_once_a_year_at_its_best_result(programme):
    HistoricResult.objects.create(
        product=programme.honey, year=2024, rules="148-2023", stars=3,
        authority_name="UBND huyện Phú Xuyên", authority_level="district_historic",
    )  # fmt: skip
    [year] = figures.ranked_per_year(programme.honey.producer.products.all(), 2024, 2024)
    assert (year.by_stars, year.recognised, year.cumulative) == ({4: 1}, 1, 2)


def _grow(territory, n: int) -> None:
    """n more producers in X, each with a product, a historic 3★, a paid allocation, a course."""
    for i in range(n):
        producer = make_producer(territory.commune_x, f"Chủ thể {i}", 100 + i)
        product = make_product(producer, f"Sản phẩm {i}", current_stars=3)
        HistoricResult.objects.create(product=product, year=2022, rules="1048-2019", stars=3,
                                      authority_name="UBND", authority_level="province")  # fmt: skip
        allocation = Allocation.objects.create(
            province=territory.province_p, commune=territory.commune_x, year=2024,
            source="commune", content="training", amount=1_000_000,
        )  # fmt: skip
        Disbursement.objects.create(allocation=allocation, paid_on=date(2024, 6, 1),
                                    amount=500_000, description="Chi")  # fmt: skip
        course = Course.objects.create(
            province=territory.province_p, commune=territory.commune_x, title=f"Lớp {i}",
            audience="producers", start_date=date(2024, 6, 1), end_date=date(2024, 6, 1),
            place="Xã", organiser="Xã",
        )  # fmt: skip
        Attendance.objects.create(course=course, kind="producer", producer=producer, name="A")


def _queries(code: str) -> int:
    """The queries of every figure of the report (each is read when first asked for)."""
    with CaptureQueriesContext(connection) as queries:
        report = programme_report(resolve_unit(code), 2019, 2025, TODAY)
        report_workbook(report)
        assert report.stars_now and report.in_force_total >= 0
    return len(queries)


def test_the_report_takes_the_same_number_of_queries_as_the_data_grows(programme, territory):
    small = {code: _queries(code) for code in ("01", "10273")}
    assert min(small.values()) >= 8  # the figures were read
    _grow(territory, 12)
    assert {code: _queries(code) for code in ("01", "10273")} == small
    report = programme_report(resolve_unit("10273"), 2019, 2025, TODAY)
    assert report.per_year[3].by_stars == {3: 12}  # 2022: the dozen new products
    assert (report.training.producers, report.training.producers_trained) == (13, 13)


def test_a_figure_is_read_only_when_asked_for(programme):
    report = programme_report(resolve_unit("10273"), 2019, 2025, TODAY)
    with CaptureQueriesContext(connection) as queries:
        report.training  # noqa: B018
        report.training  # noqa: B018 -- kept
    assert len(queries) == 1  # every training count in one query
