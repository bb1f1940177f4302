import io

from openpyxl import Workbook, load_workbook

from ocop.core.spreadsheet_style import fit_width, protect_sheet, style_sheet, table_workbook
from ocop.core.testing import assert_styled_sheet


def test_widths_fit_the_longest_header_word_and_keep_wider_columns():
    assert fit_width("Mã số thuế") == 8
    assert fit_width("Chủ thể tự chấm", 12) == 12
    assert fit_width("Mã GTIN-14/GTIN-13") == 18
    assert fit_width("x" * 100) == 60
    assert fit_width("Nội dung tiêu chí", 70) == 70


def test_a_streamed_table_is_styled_and_filters_every_row():
    rows = [[f"Sản phẩm {n}", n] for n in range(112)]
    data = table_workbook("Danh sách", ["Tên sản phẩm", "Số thứ tự"], rows, widths=[40])
    ws = load_workbook(io.BytesIO(data))["Danh sách"]
    assert_styled_sheet(ws)
    assert ws.auto_filter.ref == "A1:B113"
    assert (ws.column_dimensions["A"].width, ws.max_row) == (40, 113)


def test_protection_locks_all_but_the_editable_range():
    book = Workbook()
    ws = book.active
    for row in range(1, 6):
        ws.append([f"K{row}", None])
    style_sheet(ws)
    protect_sheet(ws, editable=["B2:B5"])
    out = io.BytesIO()
    book.save(out)
    ws = load_workbook(io.BytesIO(out.getvalue())).active
    assert ws.protection.sheet is True
    assert [ws[f"A{r}"].protection.locked for r in range(1, 6)] == [True] * 5
    assert [ws[f"B{r}"].protection.locked for r in range(1, 6)] == [
        True,
        False,
        False,
        False,
        False,
    ]
