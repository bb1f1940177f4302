"""The Excel columns of the producer and product sheets: Vietnamese headers and value converters.

Each converter reads a cell into a model value (MessageError, a ValueError, with a code worded in
registry.messages) and writes a model value back into the cell form, so that an exported file
re-imports unchanged. Headers are the workbook's own Vietnamese content, not messages.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ocop.core.messages import MessageError
from ocop.core.text import clean_long_text, nfc, search_key

from .choices import CooperativeClass, Gender, LegalForm, SalesChannel, Trademark
from .identifiers import clean_email, clean_gtin, clean_phone, clean_tax_code
from .product_sets import find_set, rules_with_sets, sets_of

YES, NO = "Có", "Không"


def text(value: Any) -> str:
    """A cell as composed-Unicode text without invisible characters; line breaks are kept."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_long_text(str(value))


def name(value: Any) -> str:
    return nfc(text(value))


def _digits(value: Any, width: int) -> str:
    """Codes Excel may have turned into numbers, losing leading zeros."""
    raw = text(value)
    return raw.zfill(width) if raw.isdigit() and len(raw) < width else raw


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    read: Callable[[Any], Any] = text
    write: Callable[[Any], Any] = lambda v: v if v not in (None, "") else None
    choices: Callable[[], list[str]] | None = None
    example: Any = None
    width: int = 18
    extra: dict = field(default_factory=dict)


def choice(options) -> tuple[Callable, Callable, Callable]:
    """Converters for a TextChoices: the cell holds the Vietnamese label (or the stored code)."""

    def labels() -> dict[str, str]:
        return {search_key(str(label)): value for value, label in options.choices if value}

    def read(cell: Any) -> str:
        raw = text(cell)
        if not raw:
            return ""
        if raw in options.values:
            return raw
        found = labels().get(search_key(raw))
        if found is None:
            raise MessageError("cell.not_in_list", value=raw)
        return found

    def write(value: str) -> str | None:
        return str(options(value).label) if value else None

    return read, write, lambda: [str(label) for value, label in options.choices if value]


# Vietnamese writes thousands with dots (15.000 is fifteen thousand) and decimals with a comma,
# so a dot or space is read as a thousands separator only between groups of three digits;
# 1.5, 1,5 and 15.000,5 are refused rather than guessed.
_GROUPED = re.compile(r"[0-9]{1,3}(?:[. ][0-9]{3})+")
TOO_MANY_DIGITS = 100  # far past any field's range, short of Python's limit on int("…")
WHOLE_NUMBER = "cell.whole_number"


def read_int(cell: Any) -> int | None:
    if isinstance(cell, float) and not cell.is_integer():
        raise MessageError(WHOLE_NUMBER)
    raw = text(cell).replace("\u00a0", " ").replace("\u202f", " ")
    if not raw:
        return None
    digits = re.sub(r"[. ]", "", raw) if _GROUPED.fullmatch(raw) else raw
    if re.fullmatch(r"[0-9]+", digits):
        if len(digits) > TOO_MANY_DIGITS:
            raise MessageError("cell.too_many_digits")
        return int(digits)
    if re.fullmatch(r"[0-9., ]+", raw):
        raise MessageError(WHOLE_NUMBER)
    raise MessageError("cell.not_integer")


def read_percent(cell: Any) -> int | None:
    value = read_int(text(cell).rstrip("%"))
    if value is not None and value > 100:
        raise MessageError("cell.percent")
    return value


def read_year(cell: Any) -> int | None:
    value = read_int(cell)
    if value is not None and not 1900 <= value <= date.today().year:
        raise MessageError("cell.year")
    return value


def read_date(cell: Any) -> date | None:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    raw = text(cell)
    if not raw:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise MessageError("cell.date")


def read_bool(cell: Any) -> bool:
    raw = search_key(text(cell))
    if raw in ("", "khong", "0", "false", "no"):
        return False
    if raw in ("co", "1", "true", "yes", "x"):
        return True
    raise MessageError("cell.yes_no")


def write_bool(value: bool) -> str:
    return YES if value else NO


def read_optional(clean: Callable[[str], str], width: int = 0) -> Callable[[Any], str]:
    def read(cell: Any) -> str:
        raw = _digits(cell, width) if width else text(cell)
        return clean(raw) if raw else ""

    return read


def read_set(cell: Any) -> int:
    """“7. Sản phẩm chế biến …” or just 7."""
    raw = text(cell)
    number = raw.split(".", 1)[0].strip()
    if not (number.isascii() and number.isdigit() and len(number) < 4):
        raise MessageError("cell.set_number")
    return int(number)


def read_channels(cell: Any) -> list[str]:
    read, _write, _labels = choice(SalesChannel)
    return [read(part) for part in text(cell).split(";") if part.strip()]


def write_channels(values: list[str]) -> str | None:
    return "; ".join(str(SalesChannel(v).label) for v in values) or None


def set_labels() -> list[str]:
    return [s.label for rules in rules_with_sets()[:1] for s in sets_of(rules).values()]


def write_set_label(number: int, rules: str) -> str:
    found = find_set(rules, number)
    return found.label if found else str(number)


_legal = choice(LegalForm)
_gender = choice(Gender)
_coop = choice(CooperativeClass)
_trademark = choice(Trademark)
_yes_no = (read_bool, write_bool, lambda: [YES, NO])

PRODUCER_COLUMNS = [
    Column(
        "tax_code", "Mã số thuế (*)", True, read_optional(clean_tax_code, 10), example="0100109106"
    ),
    Column(
        "name", "Tên chủ thể (*)", True, name, example="Hợp tác xã Nông nghiệp Phú Xuyên", width=36
    ),
    Column("legal_form", "Loại hình (*)", True, _legal[0], _legal[1], _legal[2], "Hợp tác xã", 28),
    Column("commune", "Mã xã/phường (*)", True, lambda v: _digits(v, 5), example="10273"),
    Column("street_address", "Địa chỉ", example="Thôn Thượng, xã Phú Xuyên", width=30),
    Column("phone", "Điện thoại", read=read_optional(clean_phone), example="0912345678"),
    Column("email", "Email", read=read_optional(clean_email), example="htxphuxuyen@example.vn"),
    Column("website", "Trang web"),
    Column("registration_number", "Số đăng ký kinh doanh", example="0100109106"),
    Column(
        "registration_date", "Ngày đăng ký kinh doanh", read=read_date, example=date(2018, 3, 15)
    ),
    Column("representative_name", "Người đại diện pháp luật", example="Nguyễn Thị Hợp", width=24),
    Column("representative_gender", "Giới tính người đại diện", False, *_gender, example="Nữ"),
    Column("representative_ethnic_group", "Dân tộc người đại diện", example="Kinh"),
    Column("representative_disabled", "Người đại diện khuyết tật", False, *_yes_no, example=NO),
    Column("founded_year", "Năm thành lập", read=read_year, example=2018),
    Column("workforce", "Số lao động", read=read_int, example=25),
    Column("local_labour_percent", "Tỷ lệ lao động địa phương (%)", read=read_percent, example=90),
    Column("cooperative_class", "Xếp loại hợp tác xã", False, *_coop, example="Khá"),
]

PRODUCT_COLUMNS = [
    Column("code", "Mã sản phẩm", example=None),
    Column("producer_tax_code", "MST chủ thể (*)", True, read_optional(clean_tax_code, 10), example="0100109106"),
    Column("name", "Tên sản phẩm (*)", True, name, example="Gà Lạc Thủy", width=32),
    Column("rules", "Bộ tiêu chí (*)", True, choices=rules_with_sets, example="26-2026"),
    Column("set_number", "Bộ sản phẩm (*)", True, read_set, choices=set_labels, example="2. Thịt, thủy sản, trứng, sữa tươi", width=36),
    Column("gtin", "Mã GTIN (mã vạch)", read=read_optional(clean_gtin), example="8934567890120"),
    Column("price", "Giá bán (đồng)", read=read_int, example=180000),
    Column("price_unit", "Đơn vị tính", example="kg"),
    Column("packaging", "Quy cách đóng gói", example="Túi hút chân không 1 kg"),
    Column("local_material_percent", "Tỷ lệ nguyên liệu địa phương (%)", read=read_percent, example=100),
    Column("raw_materials", "Nguyên liệu", example="Gà ri nuôi thả vườn tại địa phương", width=30),
    Column("description", "Mô tả", width=30),
    Column("quality_declaration", "Công bố chất lượng (số, ngày)"),
    Column("trademark", "Nhãn hiệu", False, *_trademark, example="Đã nộp đơn đăng ký nhãn hiệu", width=26),
    Column("trademark_number", "Số đơn/văn bằng nhãn hiệu"),
    Column("bilingual_label", "Nhãn song ngữ", False, *_yes_no, example=NO),
    Column("traceability_code", "Mã truy xuất điện tử", False, *_yes_no, example=YES),
    Column("sales_channels", "Kênh bán hàng (cách nhau bởi ;)", read=read_channels, write=write_channels, example="Cửa hàng, điểm bán; Thương mại điện tử", width=30),
    Column("story", "Câu chuyện sản phẩm", width=30),
]  # fmt: skip

# Facts the export adds for reading; the import ignores them (it reads only PRODUCT_COLUMNS, found
# by header), so an exported file still re-imports unchanged.
PRODUCT_READ_ONLY_COLUMNS = [
    Column("current_stars", "Số sao (chỉ xem)", width=12),
    Column("certificate_number", "Số giấy chứng nhận (chỉ xem)", width=24),
    Column("certificate_status", "Tình trạng giấy chứng nhận (chỉ xem)", width=24),
    Column("producer_name", "Tên chủ thể (chỉ xem)", width=32),
    Column("commune_name", "Xã/phường (chỉ xem)", width=20),
]

COLUMNS = {"producers": PRODUCER_COLUMNS, "products": PRODUCT_COLUMNS}
EXPORT_COLUMNS = {
    "producers": PRODUCER_COLUMNS,
    "products": PRODUCT_COLUMNS + PRODUCT_READ_ONLY_COLUMNS,
}
SHEET_TITLES = {"producers": "Chủ thể", "products": "Sản phẩm"}
