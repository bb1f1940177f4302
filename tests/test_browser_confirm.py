"""Confirmations of irreversible actions at 375 px (JavaScript off: plain forms) and 1366 px:
a member's sheet shows its total and stars before it is locked, and "Lưu nháp" on the
confirmation page keeps the ticks; the secretary sees what the session still lacks before closing."""

from datetime import date

import pytest

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_territory, make_user
from ocop.evaluation.models import ScoreSheet, Session
from ocop.evaluation.services.sessions import session_create
from ocop.evaluation.services.sheets import item_sheet
from ocop.evaluation.testing import (
    answers_totalling,
    make_council,
    make_producer,
    make_product,
    make_ready,
    make_round,
    new_dossier,
)  # fmt: skip
from tests.browser import close_page, log_in, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def session(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    t = make_territory()
    producer_user = make_user("htx", Role.PRODUCER)
    producer = make_producer(producer_user, t.commune_x, "HTX Phú Xuyên", "0100109106")
    round_ = make_round(t.province_p)
    dossiers = [make_ready(new_dossier(producer_user, make_product(producer, name), round_))
                for name in ("Chè búp Phú Xuyên", "Bún khô Phú Xuyên")]  # fmt: skip
    members = [make_user(u, Role.COUNCIL_MEMBER, province=t.province_p)
               for u in ("thanhvien1", "thanhvien2", "thanhvien3")]  # fmt: skip
    council = make_council(t.province_p, members, quorum=3)
    return session_create(actor=None, council=council, round=round_, held_on=date(2027, 5, 20),
                          applications=dossiers)  # fmt: skip


@pytest.mark.parametrize(("width", "javascript"), [(375, False), (1366, True)])
def test_confirmations(browser, live_server, session, width, javascript):
    page = open_page(
        browser, live_server.url, {"width": width, "height": 800}, javascript=javascript
    )
    item = session.items.order_by("id").first()
    log_in(page, "thanhvien1")
    page.goto(f"/sheets/{item.pk}/")
    answers = answers_totalling(item_sheet(item), 82)
    for code, points in answers.items():
        page.locator(f"input[name='score_{code}'][value='{points}']").check()
    page.get_by_role("button", name="Nộp phiếu").click()
    summary = page.locator("[data-confirm-summary]")
    summary.wait_for()  # without JavaScript the confirmation is the next page: wait for it
    assert summary.locator("dd").all_inner_texts()[1:3] == ["82/100", "4 sao"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"confirm-sheet-{width}")
    page.get_by_role("button", name="Lưu nháp và quay lại phiếu").click()
    page.get_by_text("Đã lưu nháp.").wait_for()
    assert ScoreSheet.objects.get().status == "draft"
    checked = page.locator("input[type='radio']:checked").count()
    assert checked == len(answers)  # the ticks were kept
    page.get_by_role("button", name="Nộp phiếu").click()
    page.get_by_role("button", name="Xác nhận nộp phiếu").click()
    page.get_by_text("Đã nộp phiếu; phiếu đã được khóa.").wait_for()
    assert (ScoreSheet.objects.get().status, ScoreSheet.objects.get().total) == ("submitted", 82)
    page.get_by_role("button", name="Đăng xuất").click()

    log_in(page, "thanhvien3")  # the secretary
    page.goto(f"/sessions/{session.pk}/")
    page.get_by_role("button", name="Kết thúc phiên họp và tính kết quả").click()
    page.locator("[data-confirm-summary] dt", has_text="Sản phẩm trong phiên").wait_for()
    rows = dict(zip(page.locator("[data-confirm-summary] dt").all_inner_texts(),
                    page.locator("[data-confirm-summary] dd").all_inner_texts(), strict=True))  # fmt: skip
    assert (rows["Sản phẩm trong phiên"], rows["Phiếu chưa nộp"]) == ("2", "5")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"confirm-close-{width}")
    page.get_by_role("link", name="Quay lại, không thực hiện").click()
    page.wait_for_url(f"**/sessions/{session.pk}/")
    assert Session.objects.get().status == "open"
    close_page(page)
