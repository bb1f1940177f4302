"""The export workbooks written by XlsxWriter: they read back with openpyxl, styled like every
other workbook of the system."""

import io
from decimal import Decimal

from openpyxl import load_workbook

from ocop.core.testing import assert_styled_sheet
from ocop.core.xlsx_export import Sheet, workbook


def read(content: bytes):
    return load_workbook(io.BytesIO(content))


def values(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_sheets_read_back_with_their_values_in_order():
    content = workbook([
        Sheet("Kinh phí", ["Mục", "Phân bổ (đồng)"], [["Tập huấn", 1_500_000], ["Khác", 0]],
              number_format="#,##0"),
        Sheet("GCN 'A' & <B>", ["Số", "Sao", "Tỷ lệ"], [["01/GCN", 4, 25.5], ["02/GCN", None, True]]),
    ])  # fmt: skip
    book = read(content)
    assert book.sheetnames == ["Kinh phí", "GCN 'A' & <B>"]
    assert values(book["Kinh phí"]) == [
        ["Mục", "Phân bổ (đồng)"], ["Tập huấn", 1_500_000], ["Khác", 0]
    ]  # fmt: skip
    assert values(book["GCN 'A' & <B>"]) == [
        ["Số", "Sao", "Tỷ lệ"], ["01/GCN", 4, 25.5], ["02/GCN", None, True]
    ]  # fmt: skip
    assert book["Kinh phí"]["B2"].number_format == "#,##0"
    assert book["GCN 'A' & <B>"]["B2"].number_format == "0"


def test_every_sheet_is_styled_frozen_filtered_and_printed_a4_landscape():
    book = read(workbook([
        Sheet("Một", ["Số giấy chứng nhận", "Hiệu lực đến"], [["1", "01/01/2026"]] * 3,
              widths=[30, 14]),
        Sheet("Trống", ["Tên sự kiện", "Loại"], []),
    ]))  # fmt: skip
    for sheet in book.worksheets:
        assert_styled_sheet(sheet)
    first = book["Một"]
    assert first.auto_filter.ref == "A1:B4"
    # XlsxWriter stores Excel's padded width: 30 characters shown is 30.71 stored.
    widths = first.column_dimensions["A"].width, first.column_dimensions["B"].width
    assert (round(widths[0]), round(widths[1])) == (31, 15)
    assert widths[0] >= 30 and widths[1] >= 14
    header = first["A1"]
    assert (header.font.b, header.fill.fgColor.rgb, header.alignment.vertical) == (
        True, "FFDDEEDD", "top"
    )  # fmt: skip
    assert book["Trống"].auto_filter.ref == "A1:B1"


def test_text_keeps_its_characters_and_drops_those_xml_refuses():
    book = read(workbook([Sheet("A", ["Tên"], [["  Mật ong <Phú Xuyên> & “Hà Nội”\x01\x1f "]])]))
    assert book["A"]["A2"].value == "  Mật ong <Phú Xuyên> & “Hà Nội” "


def test_decimals_are_numbers_and_a_format_of_its_own_gets_an_id():
    book = read(workbook([Sheet("A", ["Số"], [[Decimal("12000")], [Decimal("1.5")]],
                                number_format="#,##0 ₫")]))  # fmt: skip
    sheet = book["A"]
    assert (sheet["A2"].value, sheet["A2"].number_format) == (12000, "#,##0 ₫")
    assert sheet["A3"].value == 1.5


def test_text_is_never_read_as_a_formula_a_number_or_a_link():
    row = ["=1+1", "0123", "https://ocop.gov.vn"]
    book = read(workbook([Sheet("A", ["X", "Y", "Z"], [row])]))
    cells = book["A"][2]
    assert [(cell.value, cell.data_type) for cell in cells] == [
        ("=1+1", "s"), ("0123", "s"), ("https://ocop.gov.vn", "s")
    ]  # fmt: skip
    assert book["A"]["C2"].hyperlink is None


def test_an_infinite_number_is_written_as_its_text():
    book = read(workbook([Sheet("A", ["Số"], [[float("inf")]])]))
    assert book["A"]["A2"].value == "inf"
