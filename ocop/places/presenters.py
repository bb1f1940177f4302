"""Administrative units as lines of text, for the `places` command."""

from datetime import timedelta

from django.utils.translation import gettext as _

from ocop.core.dates import format_date

from .models import Commune, HistoricUnit, Province
from .queries import Unit
from .services import LoadCount, LoadReport

GAP = "  "


def unit_line(unit: Unit, current: list[Commune] | None = None) -> str:
    """`10273  Xã Phú Xuyên  (xã)  thuộc Thành phố Hà Nội`; a former unit adds its date and
    today's communes: `280  Huyện Phú Xuyên  (huyện, trước 01/07/2025)  thuộc …  → nay: …`."""
    parts = [unit.code, unit.name, f"({_kind(unit)})"]
    parent = _parent_name(unit)
    if parent:
        parts.append(_("thuộc %(parent)s") % {"parent": parent})
    if isinstance(unit, HistoricUnit) and current:
        names = ", ".join(commune.name for commune in current)
        parts.append(_("→ nay: %(names)s") % {"names": names})
    return GAP.join(parts)


def _kind(unit: Unit) -> str:
    if isinstance(unit, HistoricUnit) and unit.valid_until:
        # valid_until is the last day in force; people say "before the day the change began".
        first_day_after = format_date(unit.valid_until + timedelta(days=1))
        return _("%(kind)s, trước %(date)s") % {"kind": unit.division_type, "date": first_day_after}
    return unit.division_type


def _parent_name(unit: Unit) -> str:
    if isinstance(unit, Province):
        return ""
    if isinstance(unit, HistoricUnit) and unit.parent:
        return f"{unit.parent.name}, {unit.province.name}"
    return unit.province.name


def load_summary(report: LoadReport) -> list[str]:
    rows = [
        (_("Tỉnh/thành phố"), report.provinces),
        (_("Xã/phường/đặc khu"), report.communes),
        (_("Đơn vị hành chính cũ"), report.historic_units),
    ]
    lines = [f"{label}: {_count_text(count)}" for label, count in rows]
    if not report.changed:
        lines.append(_("Không có thay đổi: dữ liệu đã khớp với nguồn."))
    return lines


def _count_text(count: LoadCount) -> str:
    return _("%(total)d (thêm mới %(created)d, cập nhật %(updated)d, giữ nguyên %(unchanged)d)") % {
        "total": count.total,
        "created": count.created,
        "updated": count.updated,
        "unchanged": count.unchanged,
    }
