"""A visitor scans a certificate's QR code and sees it valid; the province officer revokes it through
the UI; the visitor reloads and sees it revoked, with the ground and the decision."""

from datetime import date

import pytest

from ocop.accounts.testing import make_personas, make_territory
from ocop.certificates.services import certificate_issue
from ocop.certificates.signing import verification_path
from ocop.registry.testing import make_producer, make_product
from tests.browser import PHONE, close_page, log_in, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def issue_certificate():
    territory = make_territory()
    personas = make_personas(territory)
    producer = make_producer(
        territory.commune_x, "HTX Nông nghiệp Phú Xuyên", 3, personas["producer_a"]
    )
    product = make_product(producer, "Mật ong hoa nhãn Phú Xuyên", 4)
    return certificate_issue(
        actor=None,
        product=product,
        stars=4,
        rules="26-2026",
        authority_name="UBND thành phố Hà Nội",
        authority_level="province",
        decision_number="1234/QĐ-UBND",
        decision_date=date(2026, 6, 30),
        issue_date=date(2026, 6, 30),
    )


def test_visitor_sees_valid_then_revoked(phone_page, browser, live_server):
    certificate = issue_certificate()
    url = verification_path(certificate.token)

    phone_page.goto(url)
    assert phone_page.locator("[data-verdict]").inner_text() == "CÒN HIỆU LỰC"
    assert phone_page.get_by_text("Mật ong hoa nhãn Phú Xuyên").is_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone_page, "certificates-verify-valid-375")

    officer = open_page(browser, live_server.url)
    log_in(officer, "province_p")
    officer.goto("/certificates/")
    assert officer.get_by_role("link", name=certificate.number).is_visible()
    screenshot(officer, "certificates-list-officer")
    officer.goto(f"/certificates/{certificate.pk}/")
    officer.get_by_role("button", name="Thu hồi giấy chứng nhận").click()
    officer.get_by_label("Căn cứ thu hồi").select_option("mark_misuse")
    officer.get_by_label("Ngày có kết luận").fill("2026-11-20")
    officer.get_by_label("Số quyết định thu hồi").fill("15/QĐ-UBND")
    officer.get_by_label("Ngày quyết định thu hồi").fill("2026-11-25")
    officer.get_by_role("button", name="Thu hồi", exact=True).click()
    summary = officer.locator("[data-confirm-summary]").get_by_text(certificate.number)
    summary.wait_for()
    assert summary.is_visible()
    assert officer.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(officer, "certificates-confirm-revoke-375")
    officer.get_by_role("button", name="Xác nhận thu hồi").click()
    officer.wait_for_url(f"**/certificates/{certificate.pk}/")
    assert officer.get_by_text("Đã thu hồi giấy chứng nhận.").is_visible()
    screenshot(officer, "certificates-detail-revoked-officer")
    close_page(officer)

    phone_page.reload()
    assert phone_page.locator("[data-verdict]").inner_text() == "ĐÃ BỊ THU HỒI"
    assert phone_page.get_by_text("Sử dụng sai biểu trưng OCOP").is_visible()
    assert phone_page.get_by_text("15/QĐ-UBND").is_visible()
    screenshot(phone_page, "certificates-verify-revoked-375")
