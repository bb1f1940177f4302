"""At 375 px a commune officer enters an allocation and a payment, is refused an overspend with a
Vietnamese message, and reads the totals, the printable voucher and the plan's targets; axe-core
checks every page (tests/browser.py)."""

import pytest

from ocop.programme.models import Disbursement, Target
from tests.browser import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_commune_officer_budget_journey_at_375_px(phone_page, personas, pw, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    page = phone_page
    log_in(page, "commune_x")
    page.goto("/programme/budget/allocations/new/")
    page.get_by_label("Năm").fill("2027")
    page.get_by_label("Kinh phí phân bổ (đồng)").fill("100.000.000")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/programme/budget/allocations/*/")
    screenshot(page, "programme-allocation")
    no_sideways_scroll(page)

    page.get_by_role("button", name="Ghi khoản giải ngân").click()
    page.get_by_label("Ngày chi").fill("2027-04-02")
    page.get_by_label("Số tiền (đồng)").fill("100000001")
    page.get_by_label("Nội dung chi").fill("Tập huấn chủ thể")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("vượt số dư 100.000.000 đồng").first.wait_for()
    assert "vượt số dư 100.000.000 đồng" in page.content()
    assert Disbursement.objects.count() == 0
    screenshot(page, "programme-overspend-refused")
    page.get_by_label("Số tiền (đồng)").fill("968.721")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/programme/budget/disbursements/*/")
    assert "Chín trăm sáu mươi tám nghìn bảy trăm hai mươi mốt đồng" in page.content()
    screenshot(page, "programme-voucher")
    no_sideways_scroll(page)

    page.goto("/programme/budget/")
    assert "968.721 đồng" in page.content()
    screenshot(page, "programme-budget-overview")
    no_sideways_scroll(page)


def test_province_officer_reads_targets_and_their_records_at_375_px(phone_page, personas, pw):
    Target.objects.create(plan=pw.plan, indicator="products_stars", stars=3, value=200)
    page = phone_page
    log_in(page, "province_p")
    page.goto("/programme/plans/")
    page.get_by_role("link", name=pw.plan.name).click()
    page.wait_for_url(f"**/programme/plans/{pw.plan.pk}/")
    assert "Sản phẩm được công nhận từ 3 sao trở lên" in page.content()
    screenshot(page, "programme-plan")
    no_sideways_scroll(page)
    page.get_by_role("link", name="0", exact=True).first.click()
    page.wait_for_url("**/programme/targets/*/records/")
    screenshot(page, "programme-target-records")
    no_sideways_scroll(page)
