"""Vietnamese identifiers: tax codes (MST), GTINs, phone numbers, product codes. Pure, no Django.

Each `clean_*` returns the normalised value or raises MessageError (a ValueError) with a message
code worded in registry.messages, so the same checks serve forms, the Excel import and the CLI.
"""

import re

from ocop.core.messages import MessageError

# Tax code check digit (Tổng cục Thuế): weights over the first nine digits, check = 10 − (sum mod 11);
# a remainder of 0 would need a check digit of 10, so no valid code has it. Checked against real
# codes 0100109106 and 0300588569.
TAX_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_TAX_CODE = re.compile(r"^(\d{10})(?:-?(\d{3}))?$", re.ASCII)
_SEPARATORS = re.compile(r"[\s.\-()]")
_MOBILE = re.compile(r"^0[35789]\d{8}$", re.ASCII)
_LANDLINE = re.compile(r"^02\d{9}$", re.ASCII)
_SERVICE = re.compile(r"^1[89]00\d{4}(\d{2})?$", re.ASCII)
# The shape of an address (Django's EmailValidator checks forms; imports are pure code).
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")
_PRODUCT_CODE = re.compile(r"^(\d{2})-(\d{5})-(\d{3,})-(\d{4})$", re.ASCII)


def tax_check_digit(first_nine: str) -> int | None:
    """The check digit of a 10-digit tax code, or None when no digit can be valid."""
    total = sum(int(d) * w for d, w in zip(first_nine, TAX_WEIGHTS, strict=True))
    check = 10 - total % 11
    return None if check == 10 else check


def make_tax_code(serial: int, province: str = "01") -> str:
    """A checksum-valid 10-digit tax code for demos and tests (the next valid one from serial)."""
    while True:
        body = f"{province}{serial:07d}"
        check = tax_check_digit(body)
        if check is not None:
            return f"{body}{check}"
        serial += 1


def clean_tax_code(value: str) -> str:
    """'0100109106' or '0100109106-001' (a branch); spaces are ignored, '0100109106001' gains its dash."""
    text = re.sub(r"\s", "", value or "")
    match = _TAX_CODE.match(text)
    if not match:
        raise MessageError("id.tax_code_length")
    main, branch = match.groups()
    if tax_check_digit(main[:9]) != int(main[9]):
        raise MessageError("id.tax_code_check")
    if branch == "000":
        raise MessageError("id.branch_range")
    return f"{main}-{branch}" if branch else main


def gtin_check_digit(body: str) -> int:
    """GS1 mod-10: weights 3,1,3,… from the right over the digits before the check digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def clean_gtin(value: str) -> str:
    """A GTIN-8, -12, -13 or -14 with a correct GS1 check digit."""
    text = re.sub(r"\s", "", value or "")
    if not (text.isascii() and text.isdigit()) or len(text) not in (8, 12, 13, 14):
        raise MessageError("id.gtin_length")
    if gtin_check_digit(text[:-1]) != int(text[-1]):
        raise MessageError("id.gtin_check")
    return text


def clean_phone(value: str) -> str:
    """A Vietnamese mobile (0912345678, +84 912 345 678), landline (024 3826 1234) or 1800/1900 number,
    returned in national form without separators."""
    text = _SEPARATORS.sub("", value or "")
    if text.startswith("+84"):
        text = "0" + text[3:]
    elif text.startswith("84") and len(text) in (11, 12):
        text = "0" + text[2:]
    if _MOBILE.match(text) or _LANDLINE.match(text) or _SERVICE.match(text):
        return text
    raise MessageError("id.phone")


def clean_email(value: str) -> str:
    """An e-mail address as typed (outer spaces dropped); a cell such as 200 is refused."""
    text = (value or "").strip()
    if len(text) <= 254 and _EMAIL.match(text):
        return text
    raise MessageError("id.email")


def format_product_code(province_code: str, commune_code: str, serial: int, year: int) -> str:
    """(T)-(X)-(STT)-YYYY; the serial is written with at least three digits."""
    return f"{province_code}-{commune_code}-{serial:03d}-{year}"


def parse_product_code(value: str) -> tuple[str, str, int, int]:
    """(province code, commune code, serial, year) of a product code, or ValueError."""
    match = _PRODUCT_CODE.match((value or "").strip())
    if not match:
        raise MessageError("id.product_code")
    province, commune, serial, year = match.groups()
    return province, commune, int(serial), int(year)
