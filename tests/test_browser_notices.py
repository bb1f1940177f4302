"""Art. 7.3.g and 10.1.b in the browser at 375 px: the decision page lists its written notices;
the central officer reviews the decision and revokes it as a whole (confirmed first); the
producer finds its letters under "Thông báo" and on the certificate page."""

import pytest

from tests.browser import PHONE, close_page, log_in, open_page, screenshot
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_central_revokes_a_decision_and_the_producer_reads_the_letters(browser, live_server):
    world = build_world()
    decision, certificate = world.decision, world.certificate
    central = open_page(browser, live_server.url)
    log_in(central, "central")
    central.goto(f"/decisions/{decision.pk}/")
    notices = central.get_by_role("region", name="Thông báo bằng văn bản")
    assert notices.get_by_role("link", name="01/TB-UBND").is_visible()
    assert fits(central)
    screenshot(central, "notices-decision-375")
    central.get_by_role("button", name="Kiểm tra quyết định (cấp trung ương)").click()
    central.get_by_label("Thu hồi quyết định công nhận").check()
    central.get_by_label("Nội dung kiểm tra, phát hiện").fill(
        "Hội đồng họp không đủ số thành viên."
    )
    central.get_by_label("Ngày kết luận").fill("2027-08-03")
    central.get_by_label("Số quyết định thu hồi").fill("25/QĐ-UBND")
    central.get_by_label("Ngày quyết định thu hồi").fill("2027-08-10")
    assert fits(central)
    screenshot(central, "oversight-form-375")
    central.get_by_role("button", name="Ghi nhận kết quả kiểm tra").click()
    central.locator("[data-confirm-summary]").get_by_text("25/QĐ-UBND").wait_for()
    screenshot(central, "oversight-confirm-375")
    central.get_by_role("button", name="Xác nhận", exact=True).click()
    central.get_by_text("Quyết định này đã bị thu hồi").wait_for()
    assert central.get_by_role("link", name="01/TB-BNNMT").is_visible()
    assert fits(central)
    screenshot(central, "oversight-revoked-375")
    close_page(central)

    producer = open_page(browser, live_server.url)
    log_in(producer, "producer_a")
    producer.goto("/notices/")
    assert producer.get_by_role("link", name="01/TB-UBND").is_visible()
    assert producer.get_by_role("link", name="02/TB-BNNMT").is_visible()
    assert fits(producer)
    screenshot(producer, "notices-producer-list-375")
    producer.goto(f"/certificates/{certificate.pk}/")
    producer.get_by_text("Đã bị thu hồi").first.wait_for()
    assert fits(producer)
    screenshot(producer, "notices-certificate-375")
    close_page(producer)
