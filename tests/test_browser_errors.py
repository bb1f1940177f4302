"""At 375 px: a tampered QR link gives a plain Vietnamese "cannot verify" page that fits the phone
and leads to the look-up by number; a missing page is Vietnamese and fits; the Content-Security-
Policy blocks nothing the pages use (htmx, the language switcher) and the switcher still works."""

import pytest

from ocop.certificates.signing import sign
from tests.browser import PHONE, screenshot
from tests.test_browser_certificates import issue_certificate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_csp(page) -> list[str]:
    """Console messages about the Content-Security-Policy (a refused script or style)."""
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def test_tampered_qr_link_then_lookup_by_number(phone_page):
    certificate = issue_certificate()
    refused = watch_csp(phone_page)
    signature = sign(certificate.token)
    tampered = ("A" if signature[0] != "A" else "B") + signature[1:]
    response = phone_page.goto(f"/verify/{certificate.token}/{tampered}/")
    assert response is not None and response.status == 404
    verdict = phone_page.locator("[data-verdict]")
    assert verdict.inner_text() == "Không xác minh được — giấy chứng nhận không hợp lệ"
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert phone_page.get_by_text("Mật ong hoa nhãn Phú Xuyên").count() == 0
    screenshot(phone_page, "errors-verify-tampered-375")

    phone_page.get_by_label("Số giấy chứng nhận").fill(certificate.number)
    phone_page.get_by_role("button", name="Tra cứu").click()
    phone_page.wait_for_url("**/verify/lookup/?number=*")
    assert phone_page.locator("[data-verdict]").inner_text() == "CÒN HIỆU LỰC"
    assert phone_page.get_by_text("Mật ong hoa nhãn Phú Xuyên").is_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone_page, "errors-verify-lookup-375")
    assert refused == []


def test_missing_page_fits_a_phone_and_the_language_switcher_works(phone_page):
    refused = watch_csp(phone_page)
    response = phone_page.goto("/khong-co-trang-nay/")
    assert response is not None and response.status == 404
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Không tìm thấy trang"
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone_page, "errors-404-375")

    phone_page.goto("/accounts/login/")
    # htmx runs under the policy, with eval and its injected indicator <style> switched off.
    assert phone_page.evaluate("[htmx.config.allowEval, htmx.config.includeIndicatorStyles]") == [
        False,
        False,
    ]
    assert phone_page.locator("head style").count() == 0
    phone_page.select_option("#lang-select", "en")  # submitted by static/js/ocop.js, no button
    phone_page.wait_for_load_state("load")
    phone_page.locator("html[lang='en']").wait_for(state="attached")
    phone_page.goto("/khong-co-trang-nay/")
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Page not found"
    screenshot(phone_page, "errors-404-en-375")
    assert refused == []
