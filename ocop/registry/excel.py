"""Workbooks: the blank template (headers, an example row, drop-down lists), the export of a list,
and reading an uploaded sheet into raw rows. openpyxl only; no database access here."""

import io
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ocop.core.messages import MessageError
from ocop.core.spreadsheet import FORMULA_STARTS, safe_row
from ocop.core.spreadsheet_style import list_validation, style_sheet, table_workbook
from ocop.core.text import search_key

from .columns import COLUMNS, EXPORT_COLUMNS, SHEET_TITLES, Column

LISTS_TITLE = "Danh mục"
GUIDE_TITLE = "Hướng dẫn"
EXAMPLE_FONT = Font(italic=True, color="777777")
FIRST_DATA_ROW = 2
DATA_ROWS = 5000  # drop-down lists reach this far down the sheet
# An .xlsx is a zip: a small upload can unpack into gigabytes of XML, so both sizes are capped.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 50_000


def example_values(kind: str) -> list[Any]:
    return [column.example for column in COLUMNS[kind]]


def template_workbook(kind: str) -> bytes:
    """The blank template: headers, one example row (skipped on import), drop-down lists."""
    columns = COLUMNS[kind]
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLES[kind]
    sheet.append([column.header for column in columns])
    sheet.append(example_values(kind))
    for index in range(1, len(columns) + 1):
        cell = sheet.cell(row=2, column=index)
        cell.font = EXAMPLE_FONT
        if cell.value is not None and hasattr(cell.value, "year"):
            cell.number_format = "dd/mm/yyyy"
    lists = book.create_sheet(LISTS_TITLE)
    for index, column in enumerate(columns, start=1):
        if column.choices is None:
            continue
        values = column.choices()
        letter = get_column_letter(index)
        lists.cell(row=1, column=index, value=column.header)
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=index, value=value)
        list_validation(
            sheet, f"'{LISTS_TITLE}'!${letter}$2:${letter}${len(values) + 1}",
            f"{letter}{FIRST_DATA_ROW}:{letter}{DATA_ROWS}",
            message=f"Cột “{column.header}”: chọn một giá trị trong danh sách thả xuống.",
        )  # fmt: skip
    style_sheet(sheet, widths=[column.width for column in columns])
    lists.sheet_state = "hidden"
    guide = book.create_sheet(GUIDE_TITLE)
    for line in _guide_lines(kind):
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    return _save(book)


def _guide_lines(kind: str) -> list[str]:
    match = "mã số thuế" if kind == "producers" else "mã sản phẩm, hoặc MST chủ thể và tên sản phẩm"
    return [
        "Cách điền mẫu",
        "Mỗi dòng là một " + ("chủ thể." if kind == "producers" else "sản phẩm."),
        "Cột có dấu (*) là bắt buộc. Dòng 2 là dòng ví dụ: hệ thống bỏ qua nếu giữ nguyên, hãy ghi đè hoặc xóa.",
        f"Dòng đã có trong hệ thống (khớp theo {match}) sẽ được cập nhật; dòng mới sẽ được tạo.",
        "Mã số thuế, mã xã/phường, mã GTIN: nên để ô dạng văn bản để giữ số 0 ở đầu.",
        "Ngày ghi dạng dd/mm/yyyy. Có/Không cho các cột đánh dấu.",
        "Giá bán ghi số nguyên đồng; hàng nghìn ghi bằng dấu chấm hoặc liền (15.000 hay 15000). "
        "Không ghi phần lẻ: 1,5 hay 1.5 bị từ chối.",
        "Độ dài chữ có giới hạn theo cột (tên tối đa 255 ký tự); ký tự ẩn (khoảng trắng độ rộng 0, "
        "dấu gạch mềm) được bỏ đi.",
        "Hệ thống kiểm tra tất cả các dòng trước; chỉ khi không còn lỗi mới ghi, và ghi tất cả cùng lúc.",
    ]


def export_workbook(kind: str, rows: Iterable[list[Any]]) -> bytes:
    """A list as a styled sheet with the template's headers, then the read-only ones (write-only
    mode: fast for large lists). Producer-typed text must not run as a formula when an officer
    opens the file."""
    columns = EXPORT_COLUMNS[kind]
    return table_workbook(
        SHEET_TITLES[kind], [column.header for column in columns],
        (safe_row(row) for row in rows), widths=[column.width for column in columns],
    )  # fmt: skip


def _save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class SheetError(MessageError):
    """The file itself is unusable (not xlsx, too large, broken, wrong headers); the code is
    worded in registry.messages."""


NOT_XLSX = "sheet.not_xlsx"
BROKEN = "sheet.broken"


def read_rows(kind: str, source) -> Iterator[tuple[int, dict[str, Any]]]:
    """(Excel row number, {column key: raw cell value}) for each non-empty row after the headers.
    The untouched example row of the template is skipped. SheetError for an unusable file: not an
    .xlsx, too large once unpacked, more than MAX_ROWS rows, or broken inside."""
    _check_unpacked_size(source)
    try:
        book = load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise SheetError(NOT_XLSX) from exc
    try:
        yield from _sheet_rows(kind, book)
    except SheetError:
        raise
    except Exception as exc:  # broken sheet XML surfaces only while the rows are read
        raise SheetError(BROKEN) from exc
    finally:
        book.close()


def _check_unpacked_size(source) -> None:
    """Refuses a zip whose members add up to more than MAX_UNPACKED_BYTES, from the central
    directory alone (zipfile never inflates a member past its declared size)."""
    try:
        with zipfile.ZipFile(source) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SheetError(NOT_XLSX) from exc
    source.seek(0)
    if unpacked > MAX_UNPACKED_BYTES:
        raise SheetError("sheet.too_big_unpacked", mb=MAX_UNPACKED_BYTES // (1024 * 1024))


def _sheet_rows(kind: str, book) -> Iterator[tuple[int, dict[str, Any]]]:
    columns = COLUMNS[kind]
    sheet = (
        book[SHEET_TITLES[kind]] if SHEET_TITLES[kind] in book.sheetnames else book.worksheets[0]
    )
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None) or ()
    positions = _column_positions(columns, header)
    example = example_values(kind)
    count = 0
    for number, values in enumerate(rows, start=2):
        cells = [
            unquote(values[p]) if p is not None and p < len(values) else None for p in positions
        ]
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        if number == FIRST_DATA_ROW and _is_example(cells, example):
            continue
        count += 1
        if count > MAX_ROWS:
            limit = f"{MAX_ROWS:,}".replace(",", ".")  # Vietnamese thousands separator
            raise SheetError("sheet.too_many_rows", limit=limit)
        yield number, {column.key: cell for column, cell in zip(columns, cells, strict=True)}


def unquote(value: Any) -> Any:
    """Undoes safe_cell of the export: exactly one apostrophe before text that would be a formula."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _column_positions(columns: list[Column], header: tuple) -> list[int | None]:
    found = {search_key(str(h)): i for i, h in enumerate(header) if h is not None}
    positions = [found.get(search_key(column.header)) for column in columns]
    missing = [
        c.header for c, p in zip(columns, positions, strict=True) if p is None and c.required
    ]
    if missing:
        raise SheetError("sheet.missing_columns", columns=", ".join(missing))
    return positions


def _is_example(cells: list[Any], example: list[Any]) -> bool:
    def same(a, b) -> bool:
        if hasattr(a, "date") and hasattr(b, "year"):
            return a.date() == b
        return (a in (None, "") and b in (None, "")) or str(a).strip() == str(b)

    return all(same(a, b) for a, b in zip(cells, example, strict=True))


def column_letter(kind: str, key: str) -> str:
    keys = [column.key for column in COLUMNS[kind]]
    return get_column_letter(keys.index(key) + 1) if key in keys else ""


def column_header(kind: str, key: str) -> str:
    return next((c.header for c in COLUMNS[kind] if c.key == key), key)
