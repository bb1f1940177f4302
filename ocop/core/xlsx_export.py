"""Styled workbooks for large read-only exports, written by XlsxWriter. Pure: no Django.

For the programme report (a province lists thousands of certificates) openpyxl builds an object
per cell and a temporary file per sheet, which made the report two to three times slower than
the queries behind it. XlsxWriter writes the package in memory (`in_memory`: no temporary file)
with one `Format` per kind of cell, created once per workbook, in the look of
`ocop.core.spreadsheet_style` (bold, shaded, wrapped header row, frozen and repeated on every
printed page, an auto-filter over the table, A4 landscape one page wide, column widths fitted to
the headers). The tests read it back with openpyxl (`assert_styled_sheet`).

Cells: text, whole numbers (styled with the sheet's number format), other numbers, booleans;
None leaves the cell empty. Text is written as text, never as a formula or a link; the caller
still makes it formula-safe for other programs (ocop.core.spreadsheet.safe_row).
"""

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from math import ceil, isfinite

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from .spreadsheet_style import HEADER_RGB, LINE_HEIGHT, PAPER_A4, fit_width

# XML 1.0 refuses these characters even escaped (openpyxl raises on them): dropped.
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
OPTIONS = {
    "in_memory": True,  # the package is assembled in memory, no temporary file per sheet
    "strings_to_numbers": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
}


@dataclass(frozen=True)
class Sheet:
    title: str  # at most 31 characters, none of []:*?/\
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]
    widths: Sequence[float] = ()  # minimum widths, column by column
    number_format: str = "0"  # of the whole numbers


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """The .xlsx file of these sheets, in this order."""
    out = io.BytesIO()
    book = Workbook(out, OPTIONS)
    header = book.add_format({"bold": True, "pattern": 1, "bg_color": f"#{HEADER_RGB}",
                              "text_wrap": True, "valign": "top"})  # fmt: skip
    numbers: dict[str, Format] = {}
    for sheet in sheets:
        if sheet.number_format not in numbers:
            numbers[sheet.number_format] = book.add_format({"num_format": sheet.number_format})
        _write_sheet(book.add_worksheet(sheet.title), sheet, header, numbers[sheet.number_format])
    book.close()
    return out.getvalue()


def _write_sheet(ws: Worksheet, sheet: Sheet, header: Format, number: Format) -> None:
    count = len(sheet.headers)
    widths = [fit_width(h, sheet.widths[i] if i < len(sheet.widths) else 0)
              for i, h in enumerate(sheet.headers)]  # fmt: skip
    for column, width in enumerate(widths):
        ws.set_column(column, column, width)
    lines = max([1, *(ceil(len(h) / w) for h, w in zip(sheet.headers, widths, strict=True))])
    ws.set_row(0, LINE_HEIGHT * lines)
    for column, text in enumerate(sheet.headers):
        ws.write_string(0, column, _legal(str(text)), header)
    row = 0
    # One library call per cell and little else: a province lists thousands of certificates.
    text, num = ws.write_string, ws.write_number
    for row, values in enumerate(sheet.rows, 1):
        for column, value in enumerate(values[:count]):
            if type(value) is str:  # exact types first (bool is an int), the rest below
                text(row, column, value if value.isprintable() else _legal(value))
            elif type(value) is int:
                num(row, column, value, number)
            elif value is not None:
                _write_other(ws, row, column, value, number)
    ws.freeze_panes(1, 0)
    ws.repeat_rows(0)
    ws.autofilter(0, 0, row, max(count, 1) - 1)
    ws.set_landscape()
    ws.set_paper(PAPER_A4)
    ws.fit_to_pages(1, 0)  # one page wide, as many down as the rows need


def _write_other(ws: Worksheet, row: int, column: int, value: object, number: Format) -> None:
    """A cell that is neither text nor a whole number, nor empty."""
    if isinstance(value, bool):
        ws.write_boolean(row, column, value)
        return
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int):
        ws.write_number(row, column, value, number)
    elif isinstance(value, float) and isfinite(value):
        ws.write_number(row, column, value)
    else:
        ws.write_string(row, column, _legal(str(value)))


def _legal(text: str) -> str:
    """Without the characters XML refuses (isprintable() is False for them: the fast check)."""
    return ILLEGAL.sub("", text)
