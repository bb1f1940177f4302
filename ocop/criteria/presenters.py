"""Turning rule sets and results into text and JSON for the CLI and the pages."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ocop.criteria.advisor import Advice
from ocop.criteria.engine import SheetResult
from ocop.criteria.messages import advice_text
from ocop.criteria.rules import RuleSet, RuleText, Sheet

RULE_TEXT_LABELS = {
    "reject": gettext_lazy("Hồ sơ bị loại khi"),
    "stop": gettext_lazy("Dừng đánh giá khi"),
    "not_evaluated": gettext_lazy("Không đánh giá"),
    "requirement": gettext_lazy("Yêu cầu"),
    "note": gettext_lazy("Ghi chú"),
}


def marker_stars(marker: int) -> str:
    return "★" * marker


def rule_text_line(rule: RuleText) -> str:
    return f"{RULE_TEXT_LABELS[rule.kind]}: {rule.text}"


def ruleset_lines(rule_set: RuleSet) -> list[str]:
    lines = [f"{rule_set.code}  {rule_set.name}"]
    if not rule_set.has_sheets:
        lines.append("  " + _("Chỉ lưu tổng điểm và số sao, không có phiếu chấm."))
    for product_set in rule_set.sets:
        lines.append(f"  {product_set.number:>2}  {product_set.code:<8} {product_set.name}")
    return lines


def sheet_lines(rule_set: RuleSet, sheet: Sheet) -> list[str]:
    """The sheet as readable text, in the printed order: parts, groups, criteria, options."""
    lines = [
        _("%(rules)s — bộ sản phẩm %(set)s: %(name)s")
        % {"rules": rule_set.name, "set": sheet.set, "name": sheet.name}
    ]
    if sheet.provisional:
        lines.append(_("Lưu ý: %(text)s") % {"text": sheet.provisional})
    lines += [rule_text_line(r) for r in sheet.rules_text if not r.criterion]
    for part in sheet.parts:
        lines.append(
            _("Phần %(code)s: %(name)s (%(max)s điểm)")
            % {"code": part.code, "name": part.name, "max": part.max}
        )
        for group in (g for g in sheet.groups if g.part == part.code):
            lines.append(f"  {group.number}. {group.name} ({group.max})")
            for criterion in (c for c in sheet.criteria if c.group == group.number):
                lines += _criterion_lines(sheet, criterion.code)
    return lines


def _criterion_lines(sheet: Sheet, code: str) -> list[str]:
    criterion = sheet.criterion(code)
    head = _("%(code)s %(text)s (tối đa %(max)s)") % {
        "code": criterion.code,
        "text": criterion.text,
        "max": criterion.max,
    }
    if criterion.marker:
        head += " " + marker_stars(criterion.marker)
    if criterion.yes_no:
        head += " " + _("[có/không: 0 hoặc %(max)s]") % {"max": criterion.max}
    lines = ["    " + head]
    lines += ["      " + rule_text_line(r) for r in sheet.rules_text if r.criterion == code]
    for option in criterion.options:
        mark = f" {marker_stars(option.marker)}" if option.marker else ""
        lines.append(f"      □ {option.text} — {option.points}{mark}")
    return lines


def summary_lines(result: SheetResult, advice: Advice) -> list[str]:
    parts = " · ".join(
        _("Phần %(code)s: %(points)s/%(max)s")
        % {"code": p.code, "points": result.parts[p.code], "max": p.max}
        for p in result.sheet.parts
    )
    lines = [
        _("Bộ tiêu chí %(rules)s — bộ sản phẩm %(set)s: %(name)s")
        % {"rules": result.rules, "set": result.set, "name": result.sheet.name},
        parts,
        _("Tổng điểm: %(total)s/100 — khung %(band)s sao")
        % {"total": result.total, "band": result.band_stars},
    ]
    status = _("được công nhận") if result.recognised else _("không được công nhận")
    lines.append(
        _("Xếp hạng: %(stars)s sao (%(status)s)") % {"stars": result.stars, "status": status}
    )
    for stars, codes in result.held_back.items():
        lines.append(
            _("Chưa đạt yêu cầu tối thiểu %(stars)s sao: tiêu chí %(codes)s")
            % {"stars": stars, "codes": ", ".join(codes)}
        )
    lines.append(_("Gợi ý: %(text)s") % {"text": advice_text(advice)})
    if result.sheet.provisional:
        lines.append(_("Lưu ý: %(text)s") % {"text": result.sheet.provisional})
    return lines


def result_payload(result: SheetResult, advice: Advice) -> dict[str, Any]:
    return {
        "rules": result.rules,
        "set": result.set,
        "total": result.total,
        "parts": dict(result.parts),
        "band_stars": result.band_stars,
        "stars": result.stars,
        "recognised": result.recognised,
        "provisional": result.sheet.provisional,
        "failed_minima": list(result.failed_minima),
        "held_back": {str(stars): codes for stars, codes in result.held_back.items()},
        "advice": {
            "text": advice_text(advice),
            "target": advice.target,
            "reachable": advice.reachable,
            "added_points": advice.added_points,
            "steps": [
                {
                    "criterion": s.criterion,
                    "from": s.from_points,
                    "to": s.to_points,
                    "option": s.option,
                }
                for s in advice.steps
            ],
        },
    }
