"""The printable blank score sheet (PDF via typst), laid out like the decision's own form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from ocop.core.pdf import compile_pdf
from ocop.criteria.presenters import RULE_TEXT_LABELS
from ocop.criteria.rules import Criterion, RuleSet, Sheet

TEMPLATE = Path(__file__).resolve().parent / "typst" / "score_sheet.typ"


def blank_sheet_pdf(rule_set: RuleSet, sheet: Sheet) -> bytes:
    payload = {"title": _("Phiếu đánh giá sản phẩm OCOP"), "labels": _labels()}
    payload.update(_sheet_data(rule_set, sheet))
    return compile_pdf(TEMPLATE, payload)


def _labels() -> dict[str, str]:
    return {
        "form_title": _("Phiếu đánh giá sản phẩm OCOP"),
        "set_label": _("Bộ sản phẩm"),
        "product_name": _("Tên sản phẩm"),
        "product_code": _("Mã số sản phẩm"),
        "code_hint": _(
            "T: Mã tỉnh - X: Mã xã - STT: Số thứ tự sản phẩm do xã lập thống kê - Năm đánh giá"
        ),
        "producer": _("Tên chủ thể sản xuất"),
        "phone": _("Số điện thoại"),
        "address": _("Địa chỉ"),
        "criteria": _("Các tiêu chí"),
        "scale": _("Thang điểm"),
        "score": _("Điểm chấm"),
        "part": _("Phần"),
        "points": _("điểm"),
        "part_total": _("Cộng phần"),
        "grand_total": _("Tổng cộng"),
        "star_note": _(
            "Ghi chú: Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao "
            "(*** - 3 sao; **** - 4 sao; ***** - 5 sao)"
        ),
        "comments": _("Ý kiến của người đánh giá"),
        "date_line": _("..., ngày ... tháng ... năm ..."),
        "evaluator": _("Người đánh giá"),
        "sign_hint": _("(Ký và ghi rõ họ tên)"),
    }


def _sheet_data(rule_set: RuleSet, sheet: Sheet) -> dict[str, Any]:
    product_set = rule_set.product_set(sheet.set)
    return {
        "set_name": sheet.name,
        "classification": _classification(rule_set, product_set.group if product_set else ""),
        # The form prints rules above the table and its general notes (the asterisk key) below.
        "rules": [
            {"label": str(RULE_TEXT_LABELS[r.kind]), "text": r.text}
            for r in sheet.rules_text
            if not r.criterion and r.kind != "note"
        ]
        + ([{"label": str(_("Lưu ý")), "text": sheet.provisional}] if sheet.provisional else []),
        "notes": [
            f"{RULE_TEXT_LABELS[r.kind]}: {r.text}"
            for r in sheet.rules_text
            if not r.criterion and r.kind == "note"
        ],
        "parts": [
            {
                "code": part.code,
                "name": part.name,
                "max": part.max,
                "groups": [
                    {
                        "number": g.number,
                        "name": g.name,
                        "max": g.max,
                        "criteria": [
                            _criterion(sheet, c) for c in sheet.criteria if c.group == g.number
                        ],
                    }
                    for g in sheet.groups
                    if g.part == part.code
                ],
            }
            for part in sheet.parts
        ],
    }


def _criterion(sheet: Sheet, criterion: Criterion) -> dict[str, Any]:
    return {
        "code": criterion.code,
        # A group that is itself a criterion ("9") prints its options right under the group row.
        "own": criterion.code == str(criterion.group),
        "text": criterion.text,
        "max": criterion.max,
        "marker": criterion.marker,
        "notes": [
            f"{RULE_TEXT_LABELS[r.kind]}: {r.text}"
            for r in sheet.rules_text
            if r.criterion == criterion.code
        ],
        "options": [
            {"text": o.text, "points": o.points, "marker": o.marker} for o in criterion.options
        ],
    }


def _classification(rule_set: RuleSet, group_code: str) -> str:
    group = next((g for g in rule_set.groups if g.code == group_code), None)
    if group is None:
        return ""
    type_name = next((t.name for t in rule_set.types if t.code == group.type), "")
    return _("Loại: %(type)s. Nhóm: %(group)s") % {"type": type_name, "group": group.name}
