"""The offline workbook: one worksheet per product, a row per criterion with its allowed points
in a drop-down. `read_workbook` checks every cell and reports each problem by sheet, row and
column, as message codes worded in evaluation.messages. No Django: items come in as WorkbookItem
values."""

import io
import re
from dataclasses import dataclass

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from ocop.core.messages import Message
from ocop.core.spreadsheet import safe_cell
from ocop.core.spreadsheet_style import WRAP, list_validation, protect_sheet, style_sheet
from ocop.core.text import whole_number
from ocop.criteria.rules import Sheet

MAX_WORKBOOK_BYTES = 10 * 1024 * 1024
TOO_BIG = Message("workbook.too_big", {"mb": MAX_WORKBOOK_BYTES // (1024 * 1024)})
NOT_XLSX = Message("workbook.not_xlsx")
HEADER_ROW = 6
FIRST_ROW = 7
POINTS_COLUMN = "E"
HEADERS = ("Mã tiêu chí", "Nội dung tiêu chí", "Các mức điểm", "Chủ thể tự chấm", "Điểm chấm")
WIDTHS = (26, 70, 14, 12, 12)  # column A also holds the labels of rows 1–4


@dataclass(frozen=True)
class WorkbookItem:
    item_id: int
    product: str
    sheet: Sheet
    answers: dict[str, int]
    self_scores: dict[str, int]


def _title(index: int, product: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", f"{index}. {product}")[:31]


def build_workbook(member_name: str, session_label: str, items: list[WorkbookItem]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for index, entry in enumerate(items, 1):
        ws = book.create_sheet(_title(index, entry.product))
        head = [
            ("Mã mục (không sửa)", entry.item_id), ("Sản phẩm", entry.product),
            ("Bộ sản phẩm / bộ tiêu chí", f"{entry.sheet.set} / {entry.sheet.rules}"),
            ("Thành viên / phiên họp", f"{member_name} – {session_label}"),
        ]  # fmt: skip
        for row, values in enumerate(head, 1):
            _put(ws, row, values)
        for row in range(1, len(head) + 1):
            ws.cell(row=row, column=1).font = Font(bold=True)
        _put(ws, HEADER_ROW, HEADERS)
        for row, criterion in enumerate(entry.sheet.criteria, FIRST_ROW):
            levels = ",".join(str(p) for p in criterion.allowed)
            _put(ws, row, (criterion.code, criterion.text, levels,
                           entry.self_scores.get(criterion.code), entry.answers.get(criterion.code)))  # fmt: skip
            ws.cell(row=row, column=2).alignment = WRAP
            list_validation(ws, f'"{levels}"', f"{POINTS_COLUMN}{row}",
                            message=f"Tiêu chí {criterion.code} chỉ có các mức: {levels}")  # fmt: skip
        _guard(ws, FIRST_ROW + len(entry.sheet.criteria) - 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _guard(ws, last_row: int) -> None:
    """Frozen bold header, filter and print setup; only the points column may be edited (the
    item id and criterion codes are how the upload finds each answer)."""
    style_sheet(ws, header_row=HEADER_ROW, widths=WIDTHS, last_row=last_row)
    protect_sheet(ws, editable=[f"{POINTS_COLUMN}{FIRST_ROW}:{POINTS_COLUMN}{last_row}"])


def _put(ws, row: int, values) -> None:
    # Product and member names are typed by people; Excel must not run them as formulas.
    for column, value in enumerate(values, 1):
        ws.cell(row=row, column=column, value=safe_cell(value))


def read_workbook(
    data: bytes, expected: dict[int, Sheet]
) -> tuple[dict[int, dict[str, int]], list[Message]]:
    """({item id: answers}, errors). A blank points cell leaves the criterion unscored."""
    if len(data) > MAX_WORKBOOK_BYTES:
        return {}, [TOO_BIG]
    try:
        # Read-only streams the sheets instead of building every cell in memory.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a file that is not a workbook
        return {}, [NOT_XLSX]
    try:
        return _read_book(book, expected)
    except Exception:  # a damaged sheet inside a valid package fails only while streaming
        return {}, [NOT_XLSX]
    finally:
        book.close()


def _read_book(book, expected: dict[int, Sheet]) -> tuple[dict[int, dict[str, int]], list[Message]]:
    found: dict[int, dict[str, int]] = {}
    errors: list[Message] = []
    for ws in book.worksheets:
        item_id = _cells(ws, 1, 1).get((1, "B"))
        if not isinstance(item_id, int) or item_id not in expected:
            errors.append(Message("workbook.unknown_item", {"sheet": ws.title}))
            continue
        if item_id in found:
            errors.append(Message("workbook.duplicate", {"sheet": ws.title}))
            continue
        found[item_id] = _read_rows(ws, expected[item_id], ws.title, errors)
    return found, errors


def _cells(ws, first: int, last: int) -> dict[tuple[int, str], object]:
    """{(row, column letter): value} for columns A–E of rows first..last, read in one pass."""
    cells = {}
    rows = ws.iter_rows(min_row=first, max_row=last, max_col=5, values_only=True)
    for row, values in enumerate(rows, first):
        for letter, value in zip("ABCDE", values, strict=False):
            cells[(row, letter)] = value
    return cells


def _read_rows(ws, sheet: Sheet, title: str, errors: list[Message]) -> dict[str, int]:
    answers: dict[str, int] = {}
    cells = _cells(ws, FIRST_ROW, FIRST_ROW + len(sheet.criteria) - 1)
    for offset, criterion in enumerate(sheet.criteria):
        row = FIRST_ROW + offset
        code = cells.get((row, "A"))
        if str(code or "").strip() != criterion.code:
            errors.append(Message("workbook.wrong_criterion",
                                  {"sheet": title, "row": row, "criterion": criterion.code}))  # fmt: skip
            continue
        value = cells.get((row, POINTS_COLUMN))
        if value is None or str(value).strip() == "":
            continue
        points = _as_int(value)
        if points is None or points not in criterion.allowed_set:
            levels = ", ".join(str(p) for p in criterion.allowed)
            errors.append(Message("workbook.bad_points", {
                "sheet": title, "row": row, "column": POINTS_COLUMN, "value": value,
                "criterion": criterion.code, "levels": levels,
            }))  # fmt: skip
            continue
        answers[criterion.code] = points
    return answers


def _as_int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return whole_number(str(value))
