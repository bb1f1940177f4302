"""An anonymous visitor on a phone finds a product in the public catalogue by typing its name
without accents, narrows the list with a filter (the counts add up), opens the product page with
its live certificate status, sees nothing private, and switches to English."""

import pytest
from playwright.sync_api import expect

from ocop.accounts.testing import make_territory, make_user
from ocop.catalogue.testing import PRIVATE, make_catalogue
from tests.browser import PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def star_counts(page) -> dict[str, int]:
    boxes = page.locator('[data-facet="stars"] input[type="checkbox"]')
    return {
        boxes.nth(i).get_attribute("value"): int(boxes.nth(i).get_attribute("data-count"))
        for i in range(boxes.count())
    }


def test_visitor_searches_filters_and_opens_a_product(phone_page):
    territory = make_territory()
    catalogue = make_catalogue(
        territory, make_user("tinh", "province", province=territory.province_p)
    )
    page = phone_page

    page.goto("/")
    page.get_by_role("link", name="Danh mục sản phẩm OCOP").click()
    page.wait_for_url("**/catalogue/")
    page.get_by_label("Tìm sản phẩm").fill("phu xuyen")
    page.get_by_label("Tìm sản phẩm").press("Enter")
    expect(page.locator("[data-total]")).to_have_text("2")
    assert "q=phu%20xuyen" in page.url  # the state is in the address (shareable)
    counts = star_counts(page)
    assert counts == {"4": 1, "3": 1}
    assert sum(counts.values()) == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "catalogue-search-375")

    page.get_by_label("4★").check()
    expect(page.locator("[data-total]")).to_have_text("1")
    assert page.locator(".product-card").count() == 1
    assert page.get_by_role("link", name="Từ khóa: phu xuyen").is_visible()
    page.get_by_role("link", name="Mật ong hoa nhãn Phú Xuyên").click()
    page.wait_for_url(f"**/catalogue/{catalogue.honey.code}/")
    assert page.locator("[data-status]").inner_text() == "CÒN HIỆU LỰC"
    assert page.get_by_text(catalogue.honey_certificate.number, exact=True).is_visible()
    verify = page.get_by_role("button", name="Xác minh giấy chứng nhận (trang có chữ ký số)")
    assert verify.get_attribute("href").startswith("/verify/")
    body = page.content()
    for value in [*PRIVATE.values(), catalogue.household_tax_code]:
        assert value not in body
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "catalogue-product-375")

    page.get_by_label("Ngôn ngữ").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.get_by_role("heading", name="Where it is sold").is_visible()
    assert page.locator("[data-status]").inner_text() == "VALID"
    screenshot(page, "catalogue-product-en-375")
