"""The axe-core check itself: it fails on a serious violation (the old star gold) and passes the fix,
also under a Content-Security-Policy with script-src 'self' like ours."""

import pytest

from tests.browser import check_a11y, close_page, open_page

pytestmark = pytest.mark.browser

PAGE = (
    '<!doctype html><html lang="vi"><head><title>Sao</title></head><body><main><h1>Sản phẩm</h1>'
    '<p><span style="color: {colour}">3★</span> Mật ong hoa nhãn</p></main></body></html>'
)
# Inline styles allowed, as in our policy; scripts only from the site (axe goes in by evaluate).
CSP = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'"
}


def serve(page, colour: str) -> None:
    page.route(
        "http://ocop.test/",
        lambda route: route.fulfill(
            status=200, headers=CSP, content_type="text/html", body=PAGE.format(colour=colour)
        ),
    )
    page.goto("http://ocop.test/")


def test_old_gold_stars_fail_the_check(browser):
    page = open_page(browser, "http://ocop.test")
    serve(page, "#c99a00")
    with pytest.raises(pytest.fail.Exception, match="color-contrast"):
        check_a11y(page)
    page._ocop_a11y_failures.clear()  # reported above; nothing left for close_page
    close_page(page)


def test_new_star_colour_passes_the_check(browser):
    page = open_page(browser, "http://ocop.test")
    serve(page, "#805b00")
    check_a11y(page)
    close_page(page)


def test_the_last_page_is_checked_when_the_page_closes(browser):
    page = open_page(browser, "http://ocop.test")
    serve(page, "#c99a00")
    with pytest.raises(pytest.fail.Exception) as failure:
        close_page(page)
    assert str(failure.value).startswith(
        "axe-core: 1 vi phạm nghiêm trọng trên http://ocop.test/\n"
    )
    assert "serious color-contrast" in str(failure.value)


def test_a_page_without_javascript_is_checked_through_a_copy(browser):
    # axe cannot run where scripts are off (its timers never fire): a copy of the document is checked.
    page = open_page(browser, "http://ocop.test", javascript=False)
    serve(page, "#c99a00")
    with pytest.raises(pytest.fail.Exception, match="color-contrast"):
        check_a11y(page)
    page._ocop_a11y_failures.clear()
    close_page(page)
