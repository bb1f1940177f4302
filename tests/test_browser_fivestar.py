"""The 5★ journey of Decision 26/2026/QĐ-TTg in the browser (Art. 7.3.e, 6.3.a, 7.4), from the
dossier to the ministry's certificate. Set up through the services: the ready dossier of Miến dong
Phú Xuyên, the provincial council with its three members, its session with the product on the
agenda, and the ministry's council and round. In the browser at 375 px: the provincial council's
members score it 95, 92 and 91 (average 92.66), the secretary closes the session, the province
officer issues the provincial decision (which proposes the product to the ministry instead of
recognising it), then hands it to the ministry (approval decision, letter, the parts of the
dossier, sending); the central officer opens the central council's session, its three members score
it, the secretary closes the session, the central officer issues the 5★ decision and notifies the
province; the 5★ certificate page and its public verification page are opened and read. The 5★
dossier page and the verification page are checked at desktop width too.

"""

from datetime import date

import pytest

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_territory, make_user
from ocop.certificates.models import Certificate
from ocop.evaluation.models import Application, FiveStarDossier, Round
from ocop.evaluation.services.sessions import session_create
from ocop.evaluation.testing import (
    make_council,
    make_producer,
    make_product,
    make_ready,
    make_round,
    new_dossier,
)  # fmt: skip
from tests.browser import close_page, log_in, open_page, screenshot
from tests.council_steps import close_session, fill_sheet, issue_decision, log_out, submit_sheet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DESKTOP = {"width": 1280, "height": 900}
PROVINCE_TOTALS = {"ct": 95, "tv": 92, "tk": 91}  # average 278/3, shown 92.66: the 5★ band (≥ 90)
CENTRAL_TOTALS = {"tw1": 93, "tw2": 91, "tw3": 92}


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def agenda(settings, tmp_path, live_server):
    """Miến dong Phú Xuyên on the agenda of the provincial council's session; the ministry's
    council and round ready."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = live_server.url  # the certificate's verification link (its QR code)
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
    members = [make_user(u, Role.COUNCIL_MEMBER, province=t.province_p) for u in PROVINCE_TOTALS]
    council = make_council(t.province_p, members, quorum=3)  # the last one is the secretary
    session = session_create(actor=None, council=council, round=round_, held_on=date(2027, 5, 20),
                             applications=[dossier])  # fmt: skip
    central_users = [make_user(u, Role.COUNCIL_MEMBER) for u in CENTRAL_TOTALS]
    central = make_council(None, central_users, level="central", quorum=3)
    Round.objects.create(level="central", year=2027, number=1, proposal_deadline=date(2027, 7, 30),
                         decision_deadline=date(2027, 9, 30))  # fmt: skip
    return session, central


def check_verification(page, certificate) -> None:
    page.locator("[data-verdict='valid']").wait_for()
    facts = page.locator(".verify-facts")
    facts.locator("[aria-label='5 sao']").wait_for()
    text = facts.inner_text()
    assert "★★★★★ 5 sao" in text
    assert certificate.number in text
    assert "Miến dong Phú Xuyên" in text
    assert "Bộ Nông nghiệp và Môi trường" in text


def confirm(page, button: str, done: str) -> None:
    page.get_by_role("button", name=button).click()
    page.get_by_role("button", name="Xác nhận", exact=True).click()
    page.get_by_text(done).wait_for()


def test_art_7_4_five_star_journey_375_px_and_desktop(phone_page, agenda, browser, live_server):
    session, central = agenda
    item = session.items.select_related("application__product").get()
    application = item.application
    page = phone_page
    for username, total in PROVINCE_TOTALS.items():  # the provincial council scores
        log_in(page, username)
        fill_sheet(page, item, total)
        if username == "ct":
            assert fits(page)
            screenshot(page, "fivestar-00-provincial-sheet-375")
        submit_sheet(page, total)
        if username == "tk":  # the secretary closes the session
            close_session(page, session.pk)
            row = page.locator(f"tr[data-result='{item.pk}']")
            row.locator("[data-average='92.66']").wait_for()
            assert row.locator("[data-stars]").get_attribute("data-stars") == "5"
            assert fits(page)
            screenshot(page, "fivestar-00a-provincial-results-375")
        log_out(page)

    log_in(page, "tinh")  # the provincial decision proposes the product to the ministry
    issue_decision(page, "2027-06-10", "Nguyễn Văn Phong", "01/QĐ-UBND")
    page.goto(f"/applications/{application.pk}/")
    page.locator("[data-stage='proposed_central']").wait_for()
    assert Certificate.objects.count() == 0
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
    central_session = int(page.url.rstrip("/").rsplit("/", 1)[1])
    log_out(page)
    central_item = application.session_items.select_related("application__product").get(
        session__council=central
    )
    for username, total in CENTRAL_TOTALS.items():
        log_in(page, username)
        fill_sheet(page, central_item, total)
        submit_sheet(page, total)
        if username == "tw3":  # the secretary closes the session
            close_session(page, central_session)
        log_out(page)

    log_in(page, "botw")
    issue_decision(page, "2027-08-25", "Trần Thanh Nam", "01/QĐ-BNNMT")
    certificate = Certificate.objects.get()
    assert (certificate.stars, certificate.authority_name) == (5, "Bộ Nông nghiệp và Môi trường")
    page.goto(f"/five-star/{dossier.pk}/")
    page.get_by_label("Ngày").fill("2027-08-26")
    confirm(page, "Thông báo kết quả cho UBND tỉnh", "Đã thông báo kết quả cho tỉnh.")
    page.locator("[data-notice]").get_by_text("03/TB-BNNMT").wait_for()
    assert page.request.get(f"/five-star/{dossier.pk}/notice.pdf").body()[:5] == b"%PDF-"
    assert fits(page)
    screenshot(page, "fivestar-02-notified-375")
    page.goto("/certificates/")  # the 5★ certificate, then its public verification page
    page.get_by_role("link", name=certificate.number).click()
    page.wait_for_url(f"**/certificates/{certificate.pk}/")
    facts = page.locator(".verify-facts")
    facts.get_by_text("5★", exact=True).wait_for()
    assert "Bộ Nông nghiệp và Môi trường (Trung ương)" in facts.inner_text()
    assert "01/QĐ-BNNMT" in facts.inner_text()
    assert fits(page)
    screenshot(page, "fivestar-03-certificate-375")
    verify_link = page.get_by_role("link", name="Trang xác minh công khai")
    verify_url = verify_link.get_attribute("href")
    assert verify_url.startswith(f"{live_server.url}/verify/")
    verify_link.click()
    page.wait_for_url("**/verify/**")
    check_verification(page, certificate)
    assert fits(page)
    screenshot(page, "fivestar-04-verify-375")
    page.goto("/")
    log_out(page)

    desktop = open_page(browser, live_server.url, viewport=DESKTOP)
    desktop.goto(verify_url)  # an anonymous visitor scans the QR code
    check_verification(desktop, certificate)
    screenshot(desktop, "fivestar-05-verify-desktop")
    log_in(desktop, "tinh")
    desktop.goto(f"/five-star/{dossier.pk}/")
    desktop.locator("[data-central-result]").wait_for()
    assert "5 ★" in desktop.locator("[data-central-result]").inner_text()
    assert "03/TB-BNNMT" in desktop.locator("[data-notice]").inner_text()
    screenshot(desktop, "fivestar-06-province-desktop")
    close_page(desktop)
