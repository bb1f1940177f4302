"""The producer's live self-score at 375 px and 1366 px: only the one-line total sticks to the top
of the screen; the advice (towards 3★ at least) is a short list that scrolls with the page."""

import pytest

from ocop.accounts.roles import Role
from ocop.accounts.testing import PASSWORD, make_territory, make_user
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.testing import make_producer, make_product, make_round
from tests.browser import ARTIFACTS, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def dossier(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    territory = make_territory()
    user = make_user("htx", Role.PRODUCER)
    producer = make_producer(user, territory.commune_x, "HTX Phú Xuyên", "0100109106")
    product = make_product(producer, "Rau cải Phú Xuyên")
    return application_create(
        actor=user, product=product, round=make_round(territory.province_p), kind="first"
    )


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1366, 768)])
def test_only_the_total_sticks(browser, live_server, dossier, width, height):
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="vi-VN", base_url=live_server.url
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill("htx")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")
    page.goto(f"/applications/{dossier.pk}/self-score/")
    selects = page.locator("select[name^='score_']")
    for index in range(6):  # a few middle answers: far below 3★
        select = selects.nth(index)
        values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
        select.select_option(values[2])
    page.locator("[data-advice-target='3']").wait_for()
    assert page.locator("[data-advice-step]").count() >= 1
    assert "2 sao" not in page.locator("#selfscore-advice").inner_text()
    sticky = page.locator("#selfscore-summary")
    share = sticky.bounding_box()["height"] / height
    assert share < 0.15, f"the sticky total covers {share:.0%} of the screen"
    screenshot(page, f"selfscore-advice-{width}")
    page.locator("select[name^='score_']").last.scroll_into_view_if_needed()
    box = sticky.bounding_box()
    assert (round(box["y"]), box["height"] / height < 0.15) == (0, True)
    assert not page.locator("#selfscore-advice").is_visible() or (
        page.locator("#selfscore-advice").bounding_box()["y"] < 0
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"selfscore-scrolled-{width}.png"))
    if width == 375:
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()
