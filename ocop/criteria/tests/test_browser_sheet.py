"""The sheet page at phone width (375 px): nothing scrolls sideways; a screenshot is kept."""

import pytest
from django.contrib.auth import get_user_model

from tests.browser import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sheet_page_fits_a_phone(phone_page):
    get_user_model().objects.create_user(username="can-bo", password="mat-khau-dai-123")
    phone_page.goto("/accounts/login/")
    phone_page.get_by_label("Tên đăng nhập").fill("can-bo")
    phone_page.get_by_label("Mật khẩu").fill("mat-khau-dai-123")
    phone_page.get_by_role("button", name="Đăng nhập").click()
    phone_page.wait_for_url("**/")
    phone_page.goto("/criteria/26-2026/26/")
    assert phone_page.get_by_role("heading", level=1).inner_text().startswith("Bộ sản phẩm 26")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(phone_page, "criteria-sheet-26-375")
