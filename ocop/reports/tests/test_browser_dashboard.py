"""The programme dashboard and the home numbers in Chromium at 375 px, checked by axe-core: the
charts are drawn from their tables, and without JavaScript the tables still carry the numbers."""

import pytest

from tests.browser import close_page, log_in, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DASHBOARD = "/reports/programme/10273/?start=2019&end=2025"


def test_dashboard_draws_its_charts_and_fits_a_phone(phone_page, programme):
    log_in(phone_page, "commune_x")
    assert phone_page.get_by_role("heading", name="Số liệu của bạn").is_visible()
    screenshot(phone_page, "reports-home-commune-375")
    phone_page.goto(DASHBOARD)
    phone_page.wait_for_function("document.querySelectorAll('.chart-canvas canvas').length === 5")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    table = phone_page.get_by_role("table", name="Kinh phí theo năm")
    assert table.get_by_role("row", name="2024").inner_text().split("\t") == [
        "2024", "50.000.000 đồng", "50.000.000 đồng"
    ]  # fmt: skip
    screenshot(phone_page, "reports-dashboard-375")


def test_without_javascript_the_tables_carry_the_numbers(browser, live_server, programme):
    page = open_page(browser, live_server.url, javascript=False)
    try:
        log_in(page, "province_p")
        page.goto(DASHBOARD)
        assert page.locator("canvas").count() == 0
        stars = page.get_by_role("table", name="Sản phẩm theo số sao hiện tại")
        assert stars.get_by_role("row", name="4 sao").inner_text().split("\t") == ["4 sao", "1"]
        screenshot(page, "reports-dashboard-nojs-375")
    finally:
        close_page(page)
