"""The council journey on a tablet (768 × 1024): three members score three products, the
secretary closes the session, the results match the engine, the province issues the decision
and its certificates, and an anonymous visitor verifies a certificate."""

from datetime import date

import pytest
from django.utils import timezone

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_territory, make_user
from ocop.certificates.models import Certificate
from ocop.certificates.signing import verification_path
from ocop.criteria.engine import aggregate, score_sheet
from ocop.evaluation.models import Decision, SessionItem
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
from tests.council_steps import fill_sheet, log_out, submit_sheet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TABLET = {"width": 768, "height": 1024}
# member → totals for the three products: a 4★, a 3★ and a 2★ result.
TOTALS = {"thanhvien1": [82, 64, 45], "thanhvien2": [78, 60, 44], "thanhvien3": [80, 61, 47]}


@pytest.fixture
def tablet(browser, live_server):
    page = open_page(browser, live_server.url, viewport=TABLET)
    yield page
    close_page(page)


@pytest.fixture
def session(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    t = make_territory()
    producer_user = make_user("htx", Role.PRODUCER)
    make_user("tinh", Role.PROVINCE, province=t.province_p)
    producer = make_producer(producer_user, t.commune_x, "HTX Phú Xuyên", "0100109106")
    round_ = make_round(t.province_p)
    names = ["Chè búp Phú Xuyên", "Bún khô Phú Xuyên", "Bánh gai Phú Xuyên"]
    dossiers = [make_ready(new_dossier(producer_user, make_product(producer, n), round_))
                for n in names]  # fmt: skip
    members = [make_user(u, Role.COUNCIL_MEMBER, province=t.province_p) for u in TOTALS]
    council = make_council(t.province_p, members, quorum=3)
    return session_create(actor=None, council=council, round=round_, held_on=date(2027, 5, 20),
                          applications=dossiers)  # fmt: skip


def member_scores(page, username: str, items: list[SessionItem]) -> None:
    log_in(page, username)
    for item, total in zip(items, TOTALS[username], strict=True):
        fill_sheet(page, item, total)
        first = username == "thanhvien1" and total == 82
        if first:
            assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
            screenshot(page, "council-01-sheet-tablet")
        shot = "council-01a-confirm-sheet-tablet" if first else None
        submit_sheet(page, total, confirm_shot=shot)
    log_out(page)


def test_council_journey(tablet, session, browser, live_server):
    page = tablet
    items = list(session.items.order_by("id").select_related("application__product"))
    for username in TOTALS:
        member_scores(page, username, items)

    log_in(page, "thanhvien3")  # the secretary
    page.goto(f"/sessions/{session.pk}/")
    screenshot(page, "council-02-board-before-close")
    page.get_by_role("button", name="Kết thúc phiên họp và tính kết quả").click()
    screenshot(page, "council-02a-confirm-close")
    page.get_by_role("button", name="Xác nhận kết thúc phiên và tính kết quả").click()
    page.get_by_text("Đã kết thúc phiên họp; kết quả đã được tính.").wait_for()
    screenshot(page, "council-03-results")
    for index, item in enumerate(items):
        sheet = item_sheet(item)
        expected = aggregate([score_sheet(sheet, answers_totalling(sheet, totals[index]))
                              for totals in TOTALS.values()])  # fmt: skip
        row = page.locator(f"tr[data-result='{item.pk}']")
        assert row.locator("[data-average]").get_attribute("data-average") == str(
            expected.average_display
        )
        assert row.locator("[data-stars]").get_attribute("data-stars") == str(expected.stars)
    assert page.request.get(f"/sessions/{session.pk}/minutes.pdf").body()[:5] == b"%PDF-"
    log_out(page)

    log_in(page, "tinh")
    page.goto("/decisions/")
    for checkbox in page.locator("input[name='items']").all():
        checkbox.check()
    page.get_by_label("Ngày quyết định").fill(timezone.localdate().isoformat())
    page.get_by_label("Người ký").fill("Nguyễn Văn Phong")
    page.get_by_role("button", name="Ban hành quyết định").click()
    screenshot(page, "council-03a-confirm-decision")
    page.get_by_role("button", name="Xác nhận ban hành").click()
    page.get_by_text("Đã ban hành quyết định 01/QĐ-UBND.").wait_for()
    screenshot(page, "council-04-decision")
    decision = Decision.objects.get()
    assert page.request.get(f"/decisions/{decision.pk}.pdf").body()[:5] == b"%PDF-"
    certificates = Certificate.objects.order_by("stars")
    assert [(c.product_name, c.stars) for c in certificates] == [
        ("Bún khô Phú Xuyên", 3), ("Chè búp Phú Xuyên", 4),
    ]  # fmt: skip

    anonymous = open_page(browser, live_server.url, viewport=TABLET)
    anonymous.goto(verification_path(certificates[1].token))
    anonymous.locator("[data-verdict='valid']").wait_for()
    screenshot(anonymous, "council-05-verify-anonymous")
    close_page(anonymous)
