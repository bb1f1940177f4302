"""Cells that spreadsheets must not run. Pure, no Django.

Text typed by producers ends up in exported .xlsx and .csv files that officers open in Excel; a
value starting with = + - @ (or a tab or carriage return) would be read as a formula there.
"""

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would take for a formula gets a leading apostrophe; numbers,
    dates and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: list[object] | tuple[object, ...]) -> list[object]:
    return [safe_cell(value) for value in values]


def table_workbook(
    title: str, header: list[str], rows: Iterable[list[object]], widths: list[int] | None = None
) -> bytes:
    """A list as one sheet: a header row, then the rows (formula-safe), in openpyxl's write-only
    mode so that a long list streams. For exports that have no import template of their own."""
    import io

    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])  # Excel's limit on sheet names
    for index, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append(header)
    for row in rows:
        sheet.append(safe_row(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
