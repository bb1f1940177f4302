"""Reading and checking a file of historic results (.csv or .xlsx). No writes: the service
`historic_results_import` writes the rows this module has checked, all or nothing.

The first row names the columns (any order, extra columns ignored):

    product_id or product_code   the product in the registry (system id, or its (T)-(X)-(STT)-YYYY code)
    year                         year ranked, 2018–2026
    rules                        1048-2019 or 148-2023
    total                        average total score 0–100, may be empty (some results are stars only)
    stars                        1–5, not above the band of the total (85 → at most 4)
    authority_name               e.g. UBND thành phố Hà Nội
    authority_level              central / province / district_historic; must fit the stars and
                                 the decision date (or year): see recognition.py
    historic_unit_code           optional: old district code (e.g. 280) or old commune code
    decision_number              optional
    decision_date                optional: 31/12/2020 or 2020-12-31
"""

import csv
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.utils.translation import gettext as _

from ocop.core.text import whole_number
from ocop.criteria.engine import band_for
from ocop.places.models import HistoricUnit
from ocop.registry.models import Product

from .choices import HISTORIC_RULES, AuthorityLevel
from .models import HistoricResult
from .rules import recognition_errors

COLUMNS = [
    "product_id",
    "product_code",
    "year",
    "rules",
    "total",
    "stars",
    "authority_name",
    "authority_level",
    "historic_unit_code",
    "decision_number",
    "decision_date",
]
REQUIRED = ["year", "rules", "stars", "authority_name", "authority_level"]


@dataclass
class RowError:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return _("Dòng %(row)s, cột %(column)s: %(reason)s") % {
            "row": self.row,
            "column": self.column,
            "reason": self.reason,
        }


class FileError(Exception):
    pass


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows as {column: text}, header names lower-cased and stripped."""
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path)
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [_clean(row) for row in csv.DictReader(handle)]
    raise FileError(_("Chỉ nhận tệp .csv hoặc .xlsx."))


def _read_xlsx(path: Path) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        return []
    header = [str(cell or "") for cell in rows[0]]
    return [_clean(dict(zip(header, row, strict=False))) for row in rows[1:] if any(row)]


def _clean(row: dict) -> dict[str, str]:
    out = {}
    for key, value in row.items():
        if key is None:
            continue
        if isinstance(value, datetime):
            value = value.date().isoformat()
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        out[str(key).strip().lower()] = "" if value is None else str(value).strip()
    return out


def validate(rows: list[dict[str, str]]) -> tuple[list[dict], list[RowError]]:
    """Every row checked; returns the clean values (ready for HistoricResult) and every error.
    Row numbers count the header as row 1, as a spreadsheet shows them."""
    products = _products(rows)
    units = {u.code: u for u in HistoricUnit.objects.filter(level__in=["district", "commune"])}
    stored = set(
        HistoricResult.objects.filter(product__in=products.values()).values_list(
            "product_id", "year", "rules"
        )
    )
    clean, errors, seen = [], [], set()
    for number, row in enumerate(rows, start=2):
        values, row_errors = _validate_row(number, row, products, units)
        product = values.get("product")
        key = (product.pk if product else None, values.get("year"), values.get("rules"))
        if not row_errors and key in seen:
            row_errors.append(RowError(number, "product_id", _("trùng với một dòng phía trên.")))
        elif not row_errors and key in stored:
            row_errors.append(
                RowError(number, "product_id", _("kết quả năm này đã có trong hệ thống."))
            )
        seen.add(key)
        errors += row_errors
        clean.append(values)
    return clean, errors


def _products(rows) -> dict[str, Product]:
    ids = [n for r in rows if (n := whole_number(r.get("product_id", ""), 18)) is not None]
    codes = [r.get("product_code", "") for r in rows if r.get("product_code")]
    found = {f"id:{p.pk}": p for p in Product.objects.filter(pk__in=ids)}
    found |= {f"code:{p.code}": p for p in Product.objects.filter(code__in=codes)}
    return found


def _validate_row(number: int, row: dict, products: dict, units: dict):
    errors: list[RowError] = []

    def fail(column: str, reason: str) -> None:
        errors.append(RowError(number, column, reason))

    for column in REQUIRED:
        if not row.get(column):
            fail(column, _("không được để trống."))
    product = _product(row, products, fail)
    values = {
        "product": product,
        "year": _integer(row.get("year", ""), 2018, date.today().year, "year", fail),
        "rules": row.get("rules", ""),
        "total": _total(row.get("total", ""), fail),
        "stars": _integer(row.get("stars", ""), 1, 5, "stars", fail),
        "authority_name": row.get("authority_name", ""),
        "authority_level": row.get("authority_level", ""),
        "historic_unit": None,
        "decision_number": row.get("decision_number", ""),
        "decision_date": _date(row.get("decision_date", ""), fail),
    }
    if values["rules"] and values["rules"] not in HISTORIC_RULES:
        fail("rules", _("chỉ nhận 1048-2019 hoặc 148-2023."))
    if values["authority_level"] and values["authority_level"] not in AuthorityLevel.values:
        fail("authority_level", _("chỉ nhận central, province hoặc district_historic."))
    _check_stars(values, fail)
    unit_code = row.get("historic_unit_code", "")
    if unit_code:
        values["historic_unit"] = units.get(unit_code.zfill(3)) or units.get(unit_code.zfill(5))
        if values["historic_unit"] is None:
            fail(
                "historic_unit_code",
                _("không có đơn vị hành chính cũ mã %(code)s.") % {"code": unit_code},
            )
    return values, errors


def _check_stars(values: dict, fail) -> None:
    """Stars within the band of the total, and an authority level and rule set that fit the stars
    and the decision date (or, without one, the year)."""
    stars, total = values["stars"], values["total"]
    if stars is not None and total is not None and stars > band_for(total):
        # The minimum requirements can only lower the band's class, never raise it.
        fail(
            "stars",
            _("tổng điểm %(total)s chỉ đạt hạng %(band)s sao, không thể xếp %(stars)s sao.")
            % {"total": total, "band": band_for(total), "stars": stars},
        )
    first, last = _decision_span(values)
    if stars is None or first is None or values["rules"] not in HISTORIC_RULES:
        return
    level = values["authority_level"]
    for column, reason in recognition_errors(
        stars=stars, level=level, rules=values["rules"], first=first, last=last
    ):
        # Below 3★ nothing was recognised: the level only names who ran the evaluation.
        if column == "authority_level" and (stars < 3 or level not in AuthorityLevel.values):
            continue
        fail(column, reason)


def _decision_span(values: dict) -> tuple[date | None, date | None]:
    if values["decision_date"] is not None:
        return values["decision_date"], values["decision_date"]
    if values["year"] is not None:
        return date(values["year"], 1, 1), date(values["year"], 12, 31)
    return None, None


def _product(row, products, fail):
    if row.get("product_id"):
        found = products.get(f"id:{row['product_id']}")
        if found is None:
            fail(
                "product_id", _("không có sản phẩm mã hệ thống %(id)s.") % {"id": row["product_id"]}
            )
        return found
    if row.get("product_code"):
        found = products.get(f"code:{row['product_code']}")
        if found is None:
            fail(
                "product_code", _("không có sản phẩm mã %(code)s.") % {"code": row["product_code"]}
            )
        return found
    fail("product_id", _("cần product_id hoặc product_code."))
    return None


def _integer(text: str, low: int, high: int, column: str, fail) -> int | None:
    if not text:
        return None
    number = whole_number(text)
    if number is None or not low <= number <= high:
        fail(column, _("phải là số nguyên từ %(low)s đến %(high)s.") % {"low": low, "high": high})
        return None
    return number


def _total(text: str, fail) -> Decimal | None:
    if not text:
        return None
    try:
        total = Decimal(text.replace(",", "."))
    except InvalidOperation:
        fail("total", _("“%(text)s” không phải là số.") % {"text": text})
        return None
    if not total.is_finite() or not 0 <= total <= 100 or total != total.quantize(Decimal("0.01")):
        fail("total", _("phải từ 0 đến 100, tối đa 2 chữ số thập phân."))
        return None
    return total


def _date(text: str, fail) -> date | None:
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    fail("decision_date", _("ngày “%(text)s” không đúng dạng ngày/tháng/năm.") % {"text": text})
    return None
