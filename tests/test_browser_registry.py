"""Browser journey (issue 4): an officer fills the Excel template, imports, fixes a reported
error, imports again, and finds a product by a search without diacritics. Phone width."""

import pytest
from openpyxl import load_workbook

from ocop.accounts.testing import PASSWORD
from ocop.registry.testing import make_producer

from .browser import screenshot

pytestmark = pytest.mark.browser


def log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def fill_template(path, producer, gtin: str) -> None:
    book = load_workbook(path)
    sheet = book["Sản phẩm"]
    rows = [
        ["", producer.tax_code, "Bánh tẻ Phú Xuyên", "26-2026", "6. Sản phẩm chế biến từ gạo, ngũ cốc", gtin, 6000, "chiếc"],
        ["", producer.tax_code, "Miến dong Phú Xuyên", "26-2026", "6", None, 70000, "kg"],
        ["", producer.tax_code, "Giò lụa Phú Xuyên", "26-2026", "8", None, 220000, "kg"],
    ]  # fmt: skip
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=2 + offset, column=column, value=value)
    for column in range(len(rows[0]) + 1, sheet.max_column + 1):
        sheet.cell(row=2, column=column, value=None)  # clear the rest of the example row
    book.save(path)


def test_officer_imports_fixes_and_finds(phone_page, personas, territory, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    producer = make_producer(territory.commune_x, "HTX Nông nghiệp Phú Xuyên", 1)
    page = phone_page
    log_in(page, "commune_x")
    page.goto("/products/import/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tệp mẫu (.xlsx)").click()
    path = tmp_path / "mau.xlsx"
    download.value.save_as(path)

    fill_template(path, producer, gtin="8934567890121")  # wrong check digit
    page.set_input_files("input[name=file]", str(path))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    errors = page.locator("#import-errors tbody tr")
    assert errors.count() == 1
    assert errors.first.inner_text().split("\t") == [
        "2", "F · Mã GTIN (mã vạch)", "Mã GTIN sai chữ số kiểm tra GS1."
    ]  # fmt: skip
    screenshot(page, "registry-import-errors")

    fill_template(path, producer, gtin="8934567890120")
    page.set_input_files("input[name=file]", str(path))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    assert "Tạo mới: 3" in page.locator("#import-preview").inner_text()
    screenshot(page, "registry-import-preview")
    page.get_by_role("button", name="Xác nhận ghi vào hệ thống").click()
    page.wait_for_url("**/products/")
    assert "Đã nhập: 3 tạo mới, 0 cập nhật." in page.locator(".messages").inner_text()

    page.fill("input[name=q]", "banh te phu xuyen")
    page.get_by_role("button", name="Tìm", exact=True).click()
    rows = page.locator("table tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("td").first.inner_text() == "Bánh tẻ Phú Xuyên"
    screenshot(page, "registry-search-without-diacritics")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
