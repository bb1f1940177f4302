import io

from openpyxl import load_workbook

from ocop.core.testing import assert_styled_sheet
from ocop.programme.models import Plan, Showroom, Target
from ocop.programme.units import resolve_unit
from ocop.reports.programme import programme_report
from ocop.reports.spreadsheets import report_workbook

from .conftest import TODAY

SHEETS = [
    "Xếp hạng theo năm", "GCN còn hiệu lực", "Tập huấn", "Kinh phí theo nguồn",
    "Kinh phí theo nội dung", "Kinh phí theo năm", "Sự kiện", "Điểm bán", "Chỉ tiêu",
]  # fmt: skip


def values(sheet):
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_every_sheet_is_styled_with_vietnamese_headers_and_dong_formats(programme):
    book = load_workbook(io.BytesIO(report_workbook(
        programme_report(resolve_unit("10273"), 2019, 2025, TODAY))))  # fmt: skip
    assert book.sheetnames == SHEETS
    for sheet in book.worksheets:
        assert_styled_sheet(sheet)
    ranked = values(book["Xếp hạng theo năm"])
    assert ranked[0] == ["Năm", "Số sản phẩm 5 sao", "Số sản phẩm 4 sao", "Số sản phẩm 3 sao",
                         "Số sản phẩm 2 sao", "Số sản phẩm 1 sao", "Được công nhận (từ 3 sao)",
                         "Lũy kế được công nhận"]  # fmt: skip
    assert ranked[1:3] == [["2019", 0, 0, 0, 1, 0, 0, 0], ["2020", 0, 0, 1, 0, 0, 1, 1]]
    content = book["Kinh phí theo nội dung"]
    assert values(content)[1] == ["Điều tra, khảo sát, thống kê", 50_000_000, 50_000_000, 0]
    assert content["B2"].number_format == "#,##0"
    [_header, certificate] = values(book["GCN còn hiệu lực"])
    assert certificate == [programme.honey_certificate.number, "Mật ong Phú Xuyên",
                           "HTX Phú Xuyên", 4, "01/03/2024", "01/03/2027"]  # fmt: skip
    assert values(book["Điểm bán"])[1][0] == "Điểm OCOP Phú Xuyên"
    assert values(book["Tập huấn"])[1:] == [
        ["Lớp tập huấn", 1], ["Lượt học viên", 2], ["Chủ thể của đơn vị", 1],
        ["Chủ thể đã được tập huấn", 1], ["Cán bộ OCOP của đơn vị", 1],
        ["Cán bộ OCOP đã được tập huấn", 1],
    ]  # fmt: skip


def test_a_name_that_looks_like_a_formula_stays_text(programme):
    Showroom.objects.update(name="=HYPERLINK(1)")
    book = load_workbook(io.BytesIO(report_workbook(
        programme_report(resolve_unit("10273"), 2019, 2025, TODAY))))  # fmt: skip
    assert book["Điểm bán"]["A2"].value == "'=HYPERLINK(1)"


def test_targets_sheet_shows_each_target_against_its_live_actual(programme, territory):
    plan = Plan.objects.create(province=territory.province_p, commune=territory.commune_x,
                               name="Kế hoạch OCOP xã", start_year=2021, end_year=2025)  # fmt: skip
    Target.objects.create(plan=plan, indicator="products_stars", stars=3, value=4)
    book = load_workbook(io.BytesIO(report_workbook(
        programme_report(resolve_unit("10273"), 2021, 2025, TODAY))))  # fmt: skip
    assert values(book["Chỉ tiêu"])[1:] == [
        ["Kế hoạch OCOP xã (2021–2025)", "Sản phẩm được công nhận từ 3 sao trở lên", "2021-2025",
         4, 1, 25.0, "Chậm tiến độ"],
    ]  # fmt: skip
