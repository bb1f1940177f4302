"""The report's statements are compiled once per unit and period and then re-run: the figures of a
later report still come from the live rows, and another unit or period gets its own statements."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.programme.models import Allocation, Disbursement, Showroom
from ocop.programme.units import resolve_unit
from ocop.registry.testing import make_product
from ocop.reports import statements
from ocop.reports.programme import product_count, programme_report
from ocop.reports.spreadsheets import report_workbook

from .conftest import TODAY


def _figures(code: str, start: int = 2019, end: int = 2025):
    report = programme_report(resolve_unit(code), start, end, TODAY)
    return (
        [(s.stars, s.count) for s in report.stars_now],
        report.disbursed,
        report.showroom_count,
        [s.name for s in report.showrooms],
        [row[0] for row in report.in_force_rows],
    )


def test_a_second_report_reruns_the_same_statements_over_the_live_rows(programme, territory):
    statements.clear()
    before = _figures("10273")
    kept = len(statements._compiled)
    assert kept >= 5  # stars, money, counts, showrooms, certificates…
    # What officers record between two views of the dashboard.
    make_product(programme.producer_a, "Miến Phú Xuyên", current_stars=5)
    allocation = Allocation.objects.get(commune=territory.commune_x)
    Disbursement.objects.create(allocation=allocation, paid_on=date(2024, 5, 1), amount=1_000,
                                description="Thêm")  # fmt: skip
    Showroom.objects.update(closed_on=date(2024, 1, 1))
    after = _figures("10273")
    assert len(statements._compiled) == kept  # nothing compiled again
    assert before[0][0] == (5, 0) and after[0][0] == (5, 1)
    assert after[1] == before[1] + 1_000
    assert (before[2], before[3]) == (1, ["Điểm OCOP Phú Xuyên"])
    assert (after[2], after[3]) == (0, [])
    assert after[4] == before[4] == [programme.honey_certificate.number]


def test_another_unit_or_period_gets_its_own_figures(programme):
    statements.clear()
    commune = _figures("10273")
    province = _figures("01")
    assert commune[1] == 50_000_000 and province[1] == 90_000_000
    assert commune[4] != province[4]
    narrow = programme_report(resolve_unit("01"), 2025, 2025, TODAY)
    assert narrow.disbursed == 0  # the 2024 payments fall outside 2025
    assert _figures("10273") == commune


def test_a_compiled_workbook_runs_five_queries_and_is_the_same_file(programme):
    statements.clear()
    unit = resolve_unit("10273")
    first = report_workbook(programme_report(unit, 2019, 2025, TODAY))
    with CaptureQueriesContext(connection) as queries:
        again = report_workbook(programme_report(unit, 2019, 2025, TODAY))
    assert len(again) > 1000 and len(first) == len(again)
    # per year, certificates, counts, money, showrooms; no event and no target of the commune,
    # which the counts say: neither read. No query compiles anything.
    assert len(queries) == 5
    assert product_count(unit) == 3 == product_count(unit)


def test_targets_are_read_when_a_plan_of_the_unit_holds_some(programme, territory):
    from ocop.programme.models import Plan, Target

    statements.clear()
    report = programme_report(resolve_unit("10273"), 2019, 2025, TODAY)
    assert report.targets == []
    plan = Plan.objects.create(province=territory.province_p, commune=territory.commune_x,
                               name="Đề án OCOP xã", start_year=2021, end_year=2025)  # fmt: skip
    Target.objects.create(plan=plan, indicator="products_stars", stars=3, value=5)
    report = programme_report(resolve_unit("10273"), 2019, 2025, TODAY)
    assert [(t.indicator, t.target_value, t.actual) for t in report.targets] == [
        ("products_stars", 5, 1)  # honey's 4★ of 2024 (rice's 3★ of 2020 is before the plan)
    ]
    assert programme_report(resolve_unit("10273"), 2019, 2020, TODAY).targets == []


def test_the_store_keeps_at_most_its_limit(programme, monkeypatch):
    statements.clear()
    monkeypatch.setattr(statements, "LIMIT", 3)
    for year in range(2019, 2025):
        programme_report(resolve_unit("10273"), year, year, TODAY).stars_now  # noqa: B018
    assert len(statements._compiled) == 3
