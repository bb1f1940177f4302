"""A plan's results as a styled .xlsx (one row per inspected product)."""

from collections.abc import Iterable
from datetime import date

from django.utils.translation import gettext as _

from ocop.core.dates import format_date
from ocop.core.spreadsheet import safe_row
from ocop.core.spreadsheet_style import table_workbook

from .models import Inspection, Plan

WIDTHS = (22, 34, 6, 28, 14, 14, 14, 40, 14, 40, 24, 14, 12)


def _kept(value: bool | None) -> str:
    if value is None:
        return _("Chưa kiểm tra")
    return _("Đạt") if value else _("Không đạt")


def _day(value: date | None) -> str:
    return format_date(value) if value else ""


def plan_headers() -> list[str]:
    return [
        _("Số giấy chứng nhận"), _("Sản phẩm"), _("Sao"), _("Chủ thể"),
        _("Tiêu chí (9.3.a)"), _("Nhãn hiệu OCOP (9.3.b)"), _("Thông tin, quảng bá (9.3.b)"),
        _("Phát hiện"), _("Ngày kết luận"), _("Kết luận"), _("Đề nghị thu hồi"),
        _("Hạn thu hồi (8.4)"), _("Quá hạn"),
    ]  # fmt: skip


def plan_rows(inspections: Iterable[Inspection], today: date) -> Iterable[list[object]]:
    for inspection in inspections:
        certificate = inspection.certificate
        ground = inspection.get_revocation_ground_display() if inspection.revocation_ground else ""
        overdue = inspection.revocation_overdue_on(today)
        yield safe_row([
            certificate.number, certificate.product_name, certificate.stars,
            certificate.producer_name, _kept(inspection.criteria_kept), _kept(inspection.mark_kept),
            _kept(inspection.information_kept), inspection.findings, _day(inspection.concluded_on),
            inspection.conclusion, ground, _day(inspection.revocation_due),
            _("Quá hạn") if overdue else "",
        ])  # fmt: skip


def plan_workbook(plan: Plan, inspections: Iterable[Inspection], today: date) -> bytes:
    return table_workbook(
        _("Kết quả kiểm tra"), plan_headers(), plan_rows(inspections, today), WIDTHS
    )
