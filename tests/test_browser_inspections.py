"""Post-audit at 375 px (Art. 9 of Decision 26/2026/QĐ-TTg): the province officer adds a product to
a periodic plan, records the 9.3 checklist with a finding on the OCOP mark, and concludes,
opening a revocation on ground 8.1.d due 15 days after the conclusion (8.4)."""

from datetime import date

import pytest

from ocop.accounts.testing import make_personas, make_territory
from ocop.inspections.models import Inspection
from ocop.inspections.testing import issue, make_plan
from ocop.registry.testing import make_producer, make_product
from tests.browser import PHONE, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_province_officer_records_an_inspection_and_its_conclusion(phone_page):
    territory = make_territory()
    personas = make_personas(territory)
    producer = make_producer(
        territory.commune_x, "HTX Nông nghiệp Phú Xuyên", 3, personas["producer_a"]
    )
    certificate = issue(make_product(producer, "Mật ong hoa nhãn Phú Xuyên", 4), stars=4)
    plan = make_plan(personas["province_p"], territory.province_p)
    page = phone_page
    log_in(page, "province_p")

    page.goto("/inspections/")
    page.get_by_role("link", name=plan.title).click()
    page.get_by_label("Số giấy chứng nhận").fill(certificate.number)
    page.get_by_role("button", name="Thêm sản phẩm").click()
    page.get_by_text("Đã đưa sản phẩm vào kế hoạch.").wait_for()
    _fits(page)
    screenshot(page, "inspections-plan-375")

    page.get_by_role("link", name="Mật ong hoa nhãn Phú Xuyên").click()
    page.get_by_role("button", name="Ghi kết quả kiểm tra").click()
    page.get_by_label("Ngày kiểm tra").fill("2026-10-28")
    criteria = page.get_by_role("group", name="a) Duy trì các tiêu chí")
    criteria.get_by_label("Đạt (duy trì)").check()
    page.get_by_role("group", name="b) Sử dụng nhãn hiệu OCOP").get_by_label("Không đạt").check()
    page.get_by_label("Ghi chú về nhãn hiệu OCOP").fill("Tem OCOP 5 sao trên sản phẩm 4 sao")
    information = page.get_by_role("group", name="b) Sử dụng thông tin và quảng bá")
    information.get_by_label("Đạt (duy trì)").check()
    page.get_by_label("Phát hiện").fill("Bao bì in sai số sao")
    _fits(page)
    screenshot(page, "inspections-record-375")
    page.get_by_role("button", name="Lưu kết quả kiểm tra").click()
    page.get_by_text("Đã lưu kết quả kiểm tra.").wait_for()

    page.get_by_role("button", name="Kết luận").click()
    page.get_by_label("Kết luận", exact=True).fill("Sử dụng nhãn hiệu OCOP không đúng quy định")
    page.get_by_label("Ngày kết luận").fill("2026-11-03")
    page.get_by_label("Đề nghị thu hồi giấy chứng nhận").select_option("mark_misuse")
    page.get_by_role("button", name="Ghi kết luận").click()
    summary = page.locator("[data-confirm-summary]").get_by_text("18/11/2026")
    summary.wait_for()
    _fits(page)
    screenshot(page, "inspections-confirm-conclusion-375")
    page.get_by_role("button", name="Xác nhận kết luận").click()
    page.get_by_text("Đã ghi kết luận kiểm tra.").wait_for()
    _fits(page)
    screenshot(page, "inspections-concluded-375")
    assert page.get_by_text("Đề nghị thu hồi giấy chứng nhận").first.is_visible()

    inspection = Inspection.objects.get(certificate=certificate)
    assert (inspection.status, inspection.concluded_on, inspection.mark_kept) == (
        "concluded", date(2026, 11, 3), False
    )  # fmt: skip
    assert (inspection.revocation_ground, inspection.revocation_due) == (
        "mark_misuse", date(2026, 11, 18)
    )  # fmt: skip
