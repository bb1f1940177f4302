"""Every demo account logs in through the real login page and sees only its role's menu."""

import pytest

from ocop.accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_accounts
from ocop.accounts.models import User
from ocop.accounts.navigation import entries_for
from ocop.accounts.testing import make_territory
from tests.browser import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_page_is_vietnamese_and_fits_a_phone(phone_page):
    phone_page.goto("/accounts/login/")
    assert phone_page.locator("html").get_attribute("lang") == "vi"
    assert phone_page.get_by_role("heading", name="Đăng nhập").is_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    screenshot(phone_page, "foundation-login-375")


def test_wrong_password_shows_a_vietnamese_message(phone_page):
    make_territory()
    seed_accounts()
    phone_page.goto("/accounts/login/")
    phone_page.get_by_label("Tên đăng nhập").fill("province")
    phone_page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    phone_page.get_by_role("button", name="Đăng nhập").click()
    # The refusal comes back on the same URL: wait for it rather than read the page before it.
    message = phone_page.get_by_text("Tên đăng nhập hoặc mật khẩu không đúng.")
    message.wait_for()
    assert message.is_visible()


def test_every_demo_account_logs_in_and_sees_its_menu(phone_page):
    make_territory()
    seed_accounts()
    for username, *_ in DEMO_ACCOUNTS:
        log_in(phone_page, username, DEMO_PASSWORD)
        shown = phone_page.locator("[data-nav]").evaluate_all("els => els.map(e => e.dataset.nav)")
        expected = [entry["name"] for entry in entries_for(User.objects.get(username=username))]
        assert shown == expected, username
        assert (
            phone_page.locator(".menu-user")
            .inner_text()
            .startswith(str(User.objects.get(username=username)))
        )
        if username in ("admin", "producer", "member1"):
            screenshot(phone_page, f"foundation-home-{username}")
        phone_page.get_by_role("button", name="Đăng xuất").click()
        phone_page.wait_for_url("**/")
