"""The dashboard's charts as tables: each chart is drawn by static/js/charts.js from the table
that shows its numbers (readable without JavaScript and by screen readers)."""

import hashlib
from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .programme import ProgrammeReport


@dataclass(frozen=True)
class Series:
    label: str
    kind: str = "bar"  # how charts.js draws this column: "bar" or "line"
    money: bool = False


@dataclass(frozen=True)
class ChartTable:
    key: str
    title: str
    row_header: str
    series: list[Series]
    rows: list[tuple[str, list[int]]]
    kind: str = "bar"  # "bar", "hbar" (horizontal, for long labels) or "doughnut"


def content_key(tables: list[ChartTable]) -> str:
    """A digest of the tables' every label and number and of the language: the rendered tables
    are kept under it (the dashboard's template), so a changed figure is a new key, never a
    stale table."""
    return hashlib.sha256(repr((get_language(), tables)).encode()).hexdigest()


def dashboard(report: ProgrammeReport) -> list[ChartTable]:
    return [recognised(report), stars(report), budget_by_content(report),
            budget_by_year(report), training(report)]  # fmt: skip


def recognised(report: ProgrammeReport) -> ChartTable:
    return ChartTable(
        "recognised",
        _("Sản phẩm được công nhận theo năm"),
        _("Năm"),
        [
            Series(_("Được công nhận trong năm (từ 3 sao)")),
            Series(_("Lũy kế sản phẩm được công nhận"), kind="line"),
        ],  # fmt: skip
        [(str(y.year), [y.recognised, y.cumulative]) for y in report.per_year],
    )


def stars(report: ProgrammeReport) -> ChartTable:
    rows = [
        (_("%(stars)s sao") % {"stars": s.stars} if s.stars else _("Chưa xếp hạng"), [s.count])
        for s in report.stars_now
    ]
    return ChartTable("stars", _("Sản phẩm theo số sao hiện tại"), _("Hạng"),
                      [Series(_("Số sản phẩm"))], rows)  # fmt: skip


def _money_series() -> list[Series]:
    return [Series(_("Phân bổ (đồng)"), money=True), Series(_("Giải ngân (đồng)"), money=True)]


def budget_by_content(report: ProgrammeReport) -> ChartTable:
    rows = [(m.label, [m.allocated, m.disbursed]) for m in report.by_content]
    return ChartTable("content", _("Kinh phí theo nội dung hỗ trợ"), _("Nội dung"),
                      _money_series(), rows, kind="hbar")  # fmt: skip


def budget_by_year(report: ProgrammeReport) -> ChartTable:
    rows = [(m.label, [m.allocated, m.disbursed]) for m in report.by_year]
    return ChartTable("years", _("Kinh phí theo năm"), _("Năm"), _money_series(), rows)


def training(report: ProgrammeReport) -> ChartTable:
    t = report.training
    assert t is not None
    rows = [
        (_("Chủ thể đã được tập huấn"), [t.producers_trained]),
        (_("Chủ thể chưa được tập huấn"), [max(t.producers - t.producers_trained, 0)]),
    ]
    return ChartTable("training", _("Tập huấn chủ thể"), _("Chủ thể"),
                      [Series(_("Số chủ thể"))], rows, kind="doughnut")  # fmt: skip
