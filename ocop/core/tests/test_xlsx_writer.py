"""The SpreadsheetML writer: what it writes reads back with openpyxl, styled like every other
workbook of the system."""

import io
import zipfile
from decimal import Decimal

from openpyxl import load_workbook

from ocop.core.testing import assert_styled_sheet
from ocop.core.xlsx_writer import Sheet, column_letter, workbook


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
        Sheet("Trống", ["Tên sự kiện"], []),
    ]))  # fmt: skip
    for sheet in book.worksheets:
        assert_styled_sheet(sheet)
    first = book["Một"]
    assert first.auto_filter.ref == "A1:B4"
    assert (first.column_dimensions["A"].width, first.column_dimensions["B"].width) == (30, 14)
    header = first["A1"]
    assert (header.font.b, header.fill.fgColor.rgb, header.alignment.vertical) == (
        True, "FFDDEEDD", "top"
    )  # fmt: skip
    assert book["Trống"].auto_filter.ref == "A1:A1"


def test_text_keeps_its_characters_and_drops_those_xml_refuses():
    book = read(workbook([Sheet("A", ["Tên"], [["  Mật ong <Phú Xuyên> & “Hà Nội”\x01\x1f "]])]))
    assert book["A"]["A2"].value == "  Mật ong <Phú Xuyên> & “Hà Nội” "


def test_decimals_are_numbers_and_a_format_of_its_own_gets_an_id():
    book = read(workbook([Sheet("A", ["Số"], [[Decimal("12000")], [Decimal("1.5")]],
                                number_format="#,##0 ₫")]))  # fmt: skip
    sheet = book["A"]
    assert (sheet["A2"].value, sheet["A2"].number_format) == (12000, "#,##0 ₫")
    assert sheet["A3"].value == 1.5


def test_the_package_holds_the_parts_excel_needs():
    with zipfile.ZipFile(io.BytesIO(workbook([Sheet("A", ["B"], [["c"]])]))) as archive:
        assert sorted(archive.namelist()) == [
            "[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels",
            "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml",
            "xl/worksheets/sheet1.xml",
        ]  # fmt: skip


def test_column_letters():
    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
