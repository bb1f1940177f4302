"""Reading the CLI's inputs: rule set, product set, answers file. Errors are one Vietnamese line."""

from __future__ import annotations

import json
from pathlib import Path

from django.utils.translation import gettext as _

from ocop.criteria.rules import RuleSet, Sheet, load_all, load_rule_set


class InputError(ValueError):
    """Bad input from the command line; the message is shown after "Lỗi: "."""


def find_rule_set(code: str) -> RuleSet:
    try:
        return load_rule_set(code)
    except KeyError:
        known = ", ".join(r.code for r in load_all())
        raise InputError(
            _("không có bộ tiêu chí %(code)s (các bộ: %(known)s)") % {"code": code, "known": known}
        ) from None


def find_sheet(rule_set: RuleSet, number: str) -> Sheet:
    if not rule_set.has_sheets:
        raise InputError(
            _("bộ tiêu chí %(code)s chỉ lưu tổng điểm và số sao, không có phiếu chấm")
            % {"code": rule_set.code}
        )
    sheet = rule_set.sheets.get(int(number)) if number.isdigit() else None
    if sheet is None:
        numbers = sorted(rule_set.sheets)
        raise InputError(
            _("bộ tiêu chí %(code)s không có bộ sản phẩm %(set)s (các bộ: %(first)s–%(last)s)")
            % {"code": rule_set.code, "set": number, "first": numbers[0], "last": numbers[-1]}
        )
    return sheet


def read_answers(path: str) -> dict[str, int]:
    """A JSON object mapping criterion codes to whole points."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        raise InputError(_("không tìm thấy tệp %(path)s") % {"path": path}) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            _("không đọc được tệp %(path)s (%(error)s)") % {"path": path, "error": error}
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            _("tệp %(path)s không phải JSON hợp lệ (dòng %(line)s, cột %(column)s)")
            % {"path": path, "line": error.lineno, "column": error.colno}
        ) from None
    if not isinstance(data, dict):
        raise InputError(
            _('tệp %(path)s phải là một đối tượng JSON {"mã tiêu chí": điểm}') % {"path": path}
        )
    for code, points in data.items():
        if type(points) is not int:
            raise InputError(
                _("điểm của tiêu chí %(code)s phải là số nguyên, không phải %(value)s")
                % {"code": code, "value": json.dumps(points, ensure_ascii=False)}
            )
    return data
