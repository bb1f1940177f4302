"""The 5★ journey of Decision 26/2026/QĐ-TTg in the browser (Art. 7.3.e, 6.3.a, 7.4): a product
scored 92.67 by the provincial council (set up through the services) is handed to the ministry by
the province officer at 375 px (approval decision, letter, the parts of the dossier, sending);
the central officer opens the central council's session, its three members score it, the
secretary closes the session, the central officer issues the 5★ decision and notifies the
province. The 5★ dossier page is checked at desktop width too."""

from datetime import date

import pytest

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_territory, make_user
from ocop.certificates.models import Certificate
from ocop.evaluation.models import Application, FiveStarDossier, Round
from ocop.evaluation.services.decisions import decision_issue
from ocop.evaluation.services.sessions import session_close, session_create
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
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
DESKTOP = {"width": 1280, "height": 900}
CENTRAL_TOTALS = {"tw1": 93, "tw2": 91, "tw3": 92}


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def proposed(settings, tmp_path):
    """Miến dong Phú Xuyên at 92.67 at the provincial council, proposed to the ministry."""
    settings.MEDIA_ROOT = tmp_path / "media"
    t = make_territory()
    producer_user = make_user("htx", Role.PRODUCER)
    make_user("tinh", Role.PROVINCE, province=t.province_p)
    make_user("botw", Role.CENTRAL)
    producer = make_producer(producer_user, t.commune_x, "HTX Phú Xuyên", "0100109106")
    round_ = make_round(t.province_p)
    dossier = make_ready(new_dossier(producer_user, make_product(producer, "Miến dong Phú Xuyên"),
                                     round_))  # fmt: skip
    Application.objects.filter(pk=dossier.pk).update(
        advisory={"council_reports": [{"date": "2027-05-10", "text": "Báo cáo tổ tư vấn."}]},
        form01={**dossier.form01, "samples": "5"}, filed_on=date(2027, 3, 1),
    )  # fmt: skip
    members = [make_user(u, Role.COUNCIL_MEMBER, province=t.province_p) for u in ("ct", "tv", "tk")]
    council = make_council(t.province_p, members, quorum=3)
    session = session_create(actor=None, council=council, round=round_, held_on=date(2027, 5, 20),
                             applications=[dossier])  # fmt: skip
    item = session.items.get()
    for seat, total in zip(council.members.order_by("id"), [95, 92, 91], strict=True):
        sheet_submit(actor=seat.user, item=item, member=seat,
                     answers=answers_totalling(item_sheet(item), total))  # fmt: skip
    session_close(actor=None, session=session)
    decision_issue(actor=None, level="province", province=t.province_p, items=[item],
                   decided_on=date(2027, 6, 10))  # fmt: skip
    central_users = [make_user(u, Role.COUNCIL_MEMBER) for u in CENTRAL_TOTALS]
    central = make_council(None, central_users, level="central", quorum=3)
    Round.objects.create(level="central", year=2027, number=1, proposal_deadline=date(2027, 7, 30),
                         decision_deadline=date(2027, 9, 30))  # fmt: skip
    return Application.objects.get(pk=dossier.pk), central


def log_out(page) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/")


def confirm(page, button: str, done: str) -> None:
    page.get_by_role("button", name=button).click()
    page.get_by_role("button", name="Xác nhận", exact=True).click()
    page.get_by_text(done).wait_for()


def test_art_7_4_five_star_journey_375_px_and_desktop(phone_page, proposed, browser, live_server):
    application, central = proposed
    page = phone_page
    log_in(page, "tinh")
    page.goto(f"/applications/{application.pk}/")
    page.locator("[data-fivestar-new]").click()
    page.wait_for_url("**/five-star/")
    page.get_by_label("Ngày ký").fill("2027-06-11")
    page.get_by_label("Người ký").fill("Nguyễn Văn Phong")
    page.locator("[data-fivestar-prepare]").click()
    page.wait_for_url("**/five-star/*/")
    page.get_by_text("Đã lập hồ sơ đề nghị đánh giá 5 sao.").wait_for()
    dossier = FiveStarDossier.objects.get()
    assert (dossier.approval_number, dossier.letter_number) == ("02/QĐ-UBND", "01/UBND-NNMT")
    assert page.locator("[data-part]").count() == 7
    assert page.locator("[data-part='approval']").inner_text().count("✓") == 1
    assert fits(page)
    screenshot(page, "fivestar-01-dossier-375")
    for pdf in ("approval.pdf", "letter.pdf"):
        assert page.request.get(f"/five-star/{dossier.pk}/{pdf}").body()[:5] == b"%PDF-"
    page.get_by_label("Ngày").fill("2027-06-12")
    confirm(page, "Gửi hồ sơ tới Bộ Nông nghiệp và Môi trường", "Đã gửi hồ sơ tới Bộ.")
    page.locator("[data-fivestar-status]").get_by_text("Đã gửi Bộ").wait_for()
    log_out(page)

    log_in(page, "botw")  # the ministry opens its council's session
    page.goto(f"/councils/{central.pk}/")
    page.get_by_role("button", name="Mở phiên họp").click()
    page.wait_for_url("**/sessions/new/")
    page.get_by_label("Đợt đánh giá").select_option(index=1)
    page.get_by_label("Ngày họp").fill("2027-08-20")
    page.get_by_label("Miến dong Phú Xuyên", exact=False).check()
    page.get_by_role("button", name="Mở phiên họp").click()
    page.wait_for_url("**/sessions/*/")
    session_url = page.url
    log_out(page)
    item = application.session_items.get(session__council=central)
    for username, total in CENTRAL_TOTALS.items():
        log_in(page, username)
        page.goto(f"/sheets/{item.pk}/")
        for code, points in answers_totalling(item_sheet(item), total).items():
            page.locator(f"input[name='score_{code}'][value='{points}']").check()
        page.locator(f"[data-sheet-total='{total}']").wait_for()
        page.get_by_role("button", name="Nộp phiếu").click()
        page.get_by_role("button", name="Xác nhận nộp phiếu").click()
        page.get_by_text("Đã nộp phiếu; phiếu đã được khóa.").wait_for()
        if username == "tw3":  # the secretary closes the session
            page.goto(session_url)
            page.get_by_role("button", name="Kết thúc phiên họp và tính kết quả").click()
            page.get_by_role("button", name="Xác nhận kết thúc phiên và tính kết quả").click()
            page.get_by_text("Đã kết thúc phiên họp; kết quả đã được tính.").wait_for()
        log_out(page)

    log_in(page, "botw")
    page.goto("/decisions/")
    page.locator("input[name='items']").first.check()
    page.get_by_label("Ngày quyết định").fill("2027-08-25")
    page.get_by_label("Người ký").fill("Trần Thanh Nam")
    page.get_by_role("button", name="Ban hành quyết định").click()
    page.get_by_role("button", name="Xác nhận ban hành").click()
    page.get_by_text("Đã ban hành quyết định 01/QĐ-BNNMT.").wait_for()
    certificate = Certificate.objects.get()
    assert (certificate.stars, certificate.authority_name) == (5, "Bộ Nông nghiệp và Môi trường")
    page.goto(f"/five-star/{dossier.pk}/")
    page.get_by_label("Ngày").fill("2027-08-26")
    confirm(page, "Thông báo kết quả cho UBND tỉnh", "Đã thông báo kết quả cho tỉnh.")
    page.locator("[data-notice]").get_by_text("03/TB-BNNMT").wait_for()
    assert page.request.get(f"/five-star/{dossier.pk}/notice.pdf").body()[:5] == b"%PDF-"
    assert fits(page)
    screenshot(page, "fivestar-02-notified-375")
    log_out(page)

    desktop = open_page(browser, live_server.url, viewport=DESKTOP)
    log_in(desktop, "tinh")
    desktop.goto(f"/five-star/{dossier.pk}/")
    desktop.locator("[data-central-result]").wait_for()
    assert "5 ★" in desktop.locator("[data-central-result]").inner_text()
    assert "03/TB-BNNMT" in desktop.locator("[data-notice]").inner_text()
    screenshot(desktop, "fivestar-03-province-desktop")
    close_page(desktop)
