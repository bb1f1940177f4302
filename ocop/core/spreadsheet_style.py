"""How every workbook the system writes looks, prints and guards its cells. Pure: openpyxl only,
no Django.

A sheet gets a bold, wrapped, shaded header row that stays frozen on screen and repeats on every
printed page, an auto-filter over the table, columns at least as wide as their header's longest
word, and A4 landscape printing fitted to one page wide. Drop-down lists refuse other values with
a Vietnamese error alert. Sheets with key cells are protected without a password (Review →
Unprotect Sheet lifts it): it guards against slips, not against people, and the import checks
every cell anyway.

Write-only sheets (large exports) take rows in order, so `prepare_sheet` runs before the header
row is written, and `finish_sheet` once the last row is known."""

import io
from collections.abc import Iterable, Sequence
from math import ceil
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.datavalidation import DataValidation

HEADER_RGB = "DDEEDD"  # the header row's shade (also ocop.core.xlsx_export's)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor=HEADER_RGB)
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
WRAP = Alignment(wrap_text=True, vertical="top")
PAPER_A4 = 9  # the OOXML paperSize code of A4
MAX_WIDTH = 60
LINE_HEIGHT = 15  # points per line of a wrapped header
ERROR_TITLE = "Giá trị không hợp lệ"
Worksheet = Any  # openpyxl ships no type information: an ordinary or a write-only sheet


def fit_width(header: str, width: float = 0) -> float:
    """At least `width`, wide enough for the header's longest word (the rest wraps)."""
    longest = max((len(word) for word in header.split()), default=0)
    return max(width, min(MAX_WIDTH, max(longest + 3, 8)))


def prepare_sheet(
    ws: Worksheet, headers: Sequence[str], *, header_row: int = 1, widths: Sequence[float] = ()
) -> None:
    """Column widths, the header row's height, the frozen header and the print setup. Call it
    before any row is written (write-only sheets fix these when their first row goes out)."""
    lines = 1
    for index, header in enumerate(headers, 1):
        width = fit_width(header, widths[index - 1] if index <= len(widths) else 0)
        ws.column_dimensions[get_column_letter(index)].width = width
        lines = max(lines, ceil(len(header) / width))
    ws.row_dimensions[header_row].height = LINE_HEIGHT * lines
    ws.freeze_panes = f"A{header_row + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"


def header_cells(ws: Worksheet, headers: Sequence[str]) -> list[WriteOnlyCell]:
    """The header row of a write-only sheet, styled, to pass to `ws.append`."""
    cells = []
    for header in headers:
        cell = WriteOnlyCell(ws, value=header)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
        cells.append(cell)
    return cells


def style_header(ws: Worksheet, header_row: int, columns: int) -> None:
    """Bold, shaded and wrapped header cells of an ordinary sheet."""
    for index in range(1, columns + 1):
        cell = ws.cell(row=header_row, column=index)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT


def finish_sheet(ws: Worksheet, *, columns: int, last_row: int, header_row: int = 1) -> None:
    """The auto-filter over the header and every data row."""
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{max(last_row, header_row)}"


def style_sheet(
    ws: Worksheet, *, header_row: int = 1, widths: Sequence[float] = (), last_row: int | None = None
) -> None:
    """All of the above for an ordinary sheet whose rows are written: the headers are read from
    `header_row`, the filter runs to `last_row` (default: the sheet's last row)."""
    headers = [str(cell.value or "") for cell in ws[header_row] if cell.value not in (None, "")]
    prepare_sheet(ws, headers, header_row=header_row, widths=widths)
    style_header(ws, header_row, len(headers))
    finish_sheet(ws, columns=len(headers), last_row=last_row or ws.max_row, header_row=header_row)


def list_validation(
    ws: Worksheet, formula1: str, cells: str, *, message: str, title: str = ERROR_TITLE
) -> DataValidation:
    """A drop-down that refuses any other value with an error alert (Excel's "Stop" style)."""
    validation = DataValidation(type="list", formula1=formula1, allow_blank=True)
    validation.showErrorMessage = True
    validation.errorStyle = "stop"
    validation.errorTitle = title
    validation.error = message
    ws.add_data_validation(validation)
    validation.add(cells)
    return validation


def protect_sheet(ws: Worksheet, *, editable: Iterable[str]) -> None:
    """Lock every cell but the `editable` ranges ("E7:E40") and protect the sheet, no password;
    resizing columns and rows, filtering and sorting stay allowed."""
    for ref in editable:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        for row in ws.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col,
                                max_col=max_col):  # fmt: skip
            for cell in row:
                cell.protection = Protection(locked=False)
    protection = ws.protection
    protection.sheet = True
    protection.formatColumns = protection.formatRows = False
    protection.autoFilter = protection.sort = False


def table_workbook(
    title: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
    widths: Sequence[float] = (),
) -> bytes:  # fmt: skip
    """A list as a styled one-sheet workbook, streamed (write-only: fast for large lists). The
    caller makes the cells formula-safe (ocop.core.spreadsheet.safe_row)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    prepare_sheet(sheet, headers, widths=widths)
    sheet.append(header_cells(sheet, headers))
    count = 0
    for row in rows:
        sheet.append(list(row))
        count += 1
    finish_sheet(sheet, columns=len(headers), last_row=count + 1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
