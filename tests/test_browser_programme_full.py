"""Issue 11, "done when", end to end at 375 px: a commune officer registers an idea, the province
accepts it, a business plan is approved, a training course is recorded with attendance, a
disbursement is entered, and the commune's programme dashboard and its .xlsx report change
accordingly (read before and after, in the same run)."""

import io

import pytest
from openpyxl import load_workbook

from ocop.programme.models import Disbursement
from tests.browser import log_in, screenshot
from tests.test_browser_programme_activity import (
    commune_files_a_plan,
    commune_records_a_course,
    commune_registers_an_idea,
    fits_the_phone,
    log_out,
    make_people,
    province_accepts_it,
    province_approves_it,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DASHBOARD = "/reports/programme/10273/?start=2026&end=2026"
REPORT = "/reports/programme/10273/report.xlsx?start=2026&end=2026"


def figures(page) -> str:
    page.goto(DASHBOARD)
    fits_the_phone(page)
    return page.locator("ul.figures").inner_text()


def report_numbers(page) -> list:
    response = page.request.get(REPORT)
    assert response.status == 200
    book = load_workbook(io.BytesIO(response.body()), read_only=True)
    return [cell for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row]


def test_idea_to_dashboard_and_report_at_phone_width(phone_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    page = phone_page
    _, first, second = make_people()
    log_in(page, "xa")
    before = figures(page)
    assert "0/" in before and "0 đồng đã giải ngân" in before
    assert 25_000_000 not in report_numbers(page)
    log_out(page)

    idea = commune_registers_an_idea(page, first)
    province_accepts_it(page, idea)
    plan = commune_files_a_plan(page, idea)
    province_approves_it(page, plan)
    commune_records_a_course(page, [first, second])  # ends logged in as the commune officer

    trained = figures(page)
    assert "2/" in trained.split("chủ thể đã được tập huấn")[0]  # the two producers on the course

    page.goto("/programme/budget/allocations/new/")
    page.get_by_label("Năm").fill("2026")
    page.get_by_label("Kinh phí phân bổ (đồng)").fill("30.000.000")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/programme/budget/allocations/*/")
    page.get_by_role("button", name="Ghi khoản giải ngân").click()
    page.get_by_label("Ngày chi").fill("2026-06-01")
    page.get_by_label("Số tiền (đồng)").fill("25.000.000")
    page.get_by_label("Nội dung chi").fill("Thiết kế bao bì trà sen")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/programme/budget/disbursements/*/")
    assert Disbursement.objects.get().amount == 25_000_000

    after = figures(page)
    assert "25.000.000 đồng đã giải ngân" in after and "30.000.000 đồng" in after
    # The charts' tables (budget by content and by year) carry the new payment.
    assert page.locator('table[data-chart] td[data-value="25000000"]').count() >= 2
    screenshot(page, "programme-dashboard-after-375")
    assert 25_000_000 in report_numbers(page)
