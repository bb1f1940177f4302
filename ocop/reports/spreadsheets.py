"""The programme report as a workbook: one styled sheet per part (Vietnamese headers, frozen
header row, đồng as whole numbers with thousands separators)."""

from collections.abc import Callable, Sequence
from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ocop.core.dates import format_date
from ocop.core.spreadsheet import safe_row
from ocop.core.xlsx_export import Sheet, workbook
from ocop.programme import targets

from .figures import STARS
from .programme import Money, ProgrammeReport

STATUS = {
    targets.ON_TRACK: gettext_lazy("Đúng tiến độ"),
    targets.AT_RISK: gettext_lazy("Có nguy cơ chậm"),
    targets.BEHIND: gettext_lazy("Chậm tiến độ"),
}
DONG = "#,##0"  # whole đồng; the header says the unit
COUNT = "0"
SHEETS = 9  # the parts of report_workbook, for a job's progress


def report_workbook(
    report: ProgrammeReport, progress: Callable[[int], None] | None = None
) -> bytes:
    """The workbook; `progress(sheets done)` after each of its SHEETS sheets (a job's counter).
    Written by XlsxWriter (ocop.core.xlsx_export): one Format per kind of cell, in memory (the
    certificates of a province run to thousands of rows)."""
    parts: list[tuple[str, Sequence[str], Callable[[], list[list]], str]] = [
        (_("Xếp hạng theo năm"), _ranked_headers(), lambda: _ranked_rows(report), COUNT),
        (_("GCN còn hiệu lực"), _certificate_headers(), lambda: _certificate_rows(report), COUNT),
        (_("Tập huấn"), [_("Nội dung"), _("Số lượng")], lambda: _training_rows(report), COUNT),
        *((title, _money_headers(), partial(_money_rows, lines), DONG)
          for title, lines in ((_("Kinh phí theo nguồn"), report.by_source),
                               (_("Kinh phí theo nội dung"), report.by_content),
                               (_("Kinh phí theo năm"), report.by_year))),
        (_("Sự kiện"), _event_headers(), lambda: _event_rows(report), COUNT),
        (_("Điểm bán"), _showroom_headers(), lambda: _showroom_rows(report), COUNT),
        (_("Chỉ tiêu"), _target_headers(), lambda: _target_rows(report), COUNT),
    ]  # fmt: skip
    sheets = []
    for done, (title, headers, rows, number_format) in enumerate(parts, start=1):
        sheets.append(Sheet(title[:31], headers, [safe_row(row) for row in rows()],
                            widths=[30] + [14] * (len(headers) - 1), number_format=number_format))  # fmt: skip
        if progress is not None:
            progress(done)
    return workbook(sheets)


def _ranked_headers() -> list[str]:
    stars = [_("Số sản phẩm %(stars)s sao") % {"stars": s} for s in STARS]
    return [_("Năm"), *stars, _("Được công nhận (từ 3 sao)"), _("Lũy kế được công nhận")]


def _ranked_rows(report: ProgrammeReport) -> list[list]:
    return [[str(y.year), *y.stars_row(), y.recognised, y.cumulative] for y in report.per_year]


def _certificate_headers() -> list[str]:
    return [_("Số giấy chứng nhận"), _("Sản phẩm"), _("Chủ thể"), _("Số sao"),
            _("Ngày cấp"), _("Hiệu lực đến")]  # fmt: skip


def _certificate_rows(report: ProgrammeReport) -> list[list]:
    return [
        [number, product, producer, stars, format_date(issued), format_date(until)]
        for number, product, producer, stars, issued, until in report.in_force_rows
    ]


def _training_rows(report: ProgrammeReport) -> list[list]:
    t = report.training
    assert t is not None
    return [
        [_("Lớp tập huấn"), t.courses],
        [_("Lượt học viên"), t.attendances],
        [_("Chủ thể của đơn vị"), t.producers],
        [_("Chủ thể đã được tập huấn"), t.producers_trained],
        [_("Cán bộ OCOP của đơn vị"), t.officials],
        [_("Cán bộ OCOP đã được tập huấn"), t.officials_trained],
    ]


def _money_headers() -> list[str]:
    return [_("Mục"), _("Phân bổ (đồng)"), _("Giải ngân (đồng)"), _("Còn lại (đồng)")]


def _money_rows(lines: list[Money]) -> list[list]:
    rows: list[list] = [
        [m.label, m.allocated, m.disbursed, m.allocated - m.disbursed] for m in lines
    ]
    allocated, disbursed = sum(m.allocated for m in lines), sum(m.disbursed for m in lines)
    return [*rows, [_("Tổng cộng"), allocated, disbursed, allocated - disbursed]]


def _event_headers() -> list[str]:
    return [_("Tên sự kiện"), _("Loại"), _("Từ ngày"), _("Đến ngày"), _("Địa điểm"),
            _("Đơn vị tổ chức"), _("Số sản phẩm tham gia")]  # fmt: skip


def _event_rows(report: ProgrammeReport) -> list[list]:
    return [
        [
            e.name,
            e.get_kind_display(),
            format_date(e.start_date),
            format_date(e.end_date),
            e.place,
            e.organiser,
            e.product_count,
        ]  # fmt: skip
        for e in report.events
    ]


def _showroom_headers() -> list[str]:
    return [_("Tên"), _("Loại"), _("Địa chỉ"), _("Đơn vị vận hành"), _("Ngày khai trương"),
            _("Ngày đóng cửa"), _("Số sản phẩm trưng bày")]  # fmt: skip


def _showroom_rows(report: ProgrammeReport) -> list[list]:
    return [
        [
            s.name,
            s.get_kind_display(),
            s.address,
            s.operator,
            format_date(s.opened_on),
            format_date(s.closed_on) if s.closed_on else "",
            s.product_count,
        ]  # fmt: skip
        for s in report.showrooms
    ]


def _target_headers() -> list[str]:
    return [_("Kế hoạch"), _("Chỉ tiêu"), _("Giai đoạn"), _("Mục tiêu"), _("Thực hiện"),
            _("Tỷ lệ (%)"), _("Tình trạng")]  # fmt: skip


def _target_rows(report: ProgrammeReport) -> list[list]:
    return [
        [
            str(t.plan),
            t.label,
            t.period,
            t.target_value,
            t.actual,
            t.percent,
            status_label(t.status),
        ]
        for t in report.targets
    ]


def status_label(status: str) -> str:
    return str(STATUS.get(status, status))
