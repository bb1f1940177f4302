"""What the programme commands share: resolving a unit code and a year, failing with exit 2."""

import sys
from typing import NoReturn

from django.utils.translation import gettext as _

from ocop.programme.units import Unit, UnknownUnit, resolve_unit

FIRST_YEAR, LAST_YEAR = 2000, 2100


def fail(message: str) -> NoReturn:
    """A Vietnamese message on stderr, nothing on stdout, exit status 2."""
    sys.stderr.write(_("Lỗi: %(message)s") % {"message": message} + "\n")
    sys.exit(2)


def unit_or_fail(code: str) -> Unit:
    try:
        return resolve_unit(code)
    except UnknownUnit:
        fail(_("không có tỉnh, xã hay đơn vị hành chính cũ nào có mã “%(code)s”.") % {"code": code})


def year_or_fail(text: str | None) -> int | None:
    if text is None:
        return None
    value = text.strip()
    if not (value.isascii() and value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR):
        fail(
            _("năm “%(year)s” không hợp lệ: nhập một năm từ %(first)s đến %(last)s.")
            % {"year": text, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return int(value)
