"""Art. 7.6.d at phone width (375 px): the council's secretary sends a re-evaluation dossier for
written opinions with replies due 30 days later; the board shows the
reply date, nothing overflows the screen, and axe-core finds nothing. Then a whole re-evaluation
decided through written opinions within the 45 days of Art. 7.6.g: the dossier shows its
completion limit, the province opens the consultation, the three members reply in the browser at
375 px, the consultation is closed and the decision issued before the limit."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_territory, make_user
from ocop.certificates.models import Certificate
from ocop.certificates.services import certificate_issue
from ocop.core.pdf_testing import pdf_text
from ocop.evaluation.models import Application, Decision, Session
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
from tests.browser import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_art_7_6_d_written_consultation_at_375_px(phone_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    t = make_territory()
    producer_user = make_user("htx", Role.PRODUCER)
    producer = make_producer(producer_user, t.commune_x, "HTX Phú Xuyên", "0100109106")
    round_ = make_round(t.province_p)
    dossier = new_dossier(producer_user, make_product(producer, "Chè búp Phú Xuyên"), round_)
    Application.objects.filter(pk=dossier.pk).update(kind="reevaluation")
    make_ready(dossier)
    users = [make_user(u, Role.COUNCIL_MEMBER, province=t.province_p)
             for u in ("chutich", "thanhvien", "thuky")]  # fmt: skip
    council = make_council(t.province_p, users, quorum=3)
    reply_by = timezone.localdate() + timedelta(days=30)  # the page opens it today
    page = phone_page
    log_in(page, "thuky")
    page.goto(reverse("evaluation:council_detail", args=[council.pk]))
    page.get_by_role("button", name="Lấy ý kiến bằng văn bản (đánh giá lại)").click()
    assert fits(page)
    screenshot(page, "written-consultation-new-375")
    page.get_by_label("Đợt đánh giá").select_option(str(round_.pk))
    page.get_by_label("Hạn gửi ý kiến").fill(reply_by.isoformat())
    page.get_by_label("Chè búp Phú Xuyên", exact=False).check()
    page.get_by_role("button", name="Gửi lấy ý kiến").click()
    page.wait_for_selector("[data-written]")
    assert reply_by.strftime("%d/%m/%Y") in page.locator("[data-written]").inner_text()
    assert fits(page)
    screenshot(page, "written-consultation-board-375")
    assert Session.objects.get().mode == "written"


REPLIES = {"chutich": 82, "thanhvien": 78, "thuky": 80}  # a 4★ result, spread 4


def _log_out(page) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/")


def test_art_7_6_g_reevaluation_decided_by_written_opinions_within_45_days(
    phone_page, settings, tmp_path
):
    """Art. 7.6.d ("lấy ý kiến bằng văn bản") and 7.6.g ("không quá 45 ngày kể từ ngày nhận đủ hồ
    sơ"): the complete dossier was received 10 days ago, so its page shows the limit 35 days ahead;
    the province officer opens the consultation with replies due in 7 days, each member replies on
    their phone (375 px), the officer closes it and issues the decision today, before the limit; the
    new 4★ certificate supersedes the one in force."""
    settings.MEDIA_ROOT = tmp_path / "media"
    today = timezone.localdate()
    t = make_territory()
    producer_user = make_user("htx", Role.PRODUCER)
    make_user("tinh", Role.PROVINCE, province=t.province_p)
    producer = make_producer(producer_user, t.commune_x, "HTX Phú Xuyên", "0100109106")
    product = make_product(producer, "Chè búp Phú Xuyên")
    old = certificate_issue(
        actor=None, product=product, stars=4, rules="148-2023",
        authority_name="UBND thành phố Hà Nội", authority_level="province",
        decision_number="05/QĐ-UBND", decision_date=date(2024, 3, 1), issue_date=date(2024, 3, 1),
    )  # fmt: skip
    round_ = make_round(t.province_p)
    dossier = new_dossier(producer_user, product, round_)
    complete_on = today - timedelta(days=10)
    limit = complete_on + timedelta(days=45)
    Application.objects.filter(pk=dossier.pk).update(kind="reevaluation", complete_on=complete_on)
    make_ready(dossier)
    users = [make_user(u, Role.COUNCIL_MEMBER, province=t.province_p) for u in REPLIES]
    council = make_council(t.province_p, users, quorum=3)
    page = phone_page

    log_in(page, "tinh")
    page.goto(reverse("evaluation:application_detail", args=[dossier.pk]))
    completion = page.locator("[data-completion]")
    completion.wait_for()
    assert completion.get_attribute("data-completion") == "open"
    assert (f"hoàn thành đánh giá trước hết ngày {limit.strftime('%d/%m/%Y')} (Điều 7.6.g)"
            in completion.inner_text())  # fmt: skip
    page.goto(reverse("evaluation:council_detail", args=[council.pk]))
    page.get_by_role("button", name="Lấy ý kiến bằng văn bản (đánh giá lại)").click()
    page.get_by_label("Đợt đánh giá").select_option(str(round_.pk))
    page.get_by_label("Hạn gửi ý kiến").fill((today + timedelta(days=7)).isoformat())
    page.get_by_label("Chè búp Phú Xuyên", exact=False).check()
    page.get_by_role("button", name="Gửi lấy ý kiến").click()
    page.wait_for_selector("[data-written]")
    session = Session.objects.get()
    assert (session.mode, session.reply_by) == ("written", today + timedelta(days=7))
    item = session.items.select_related("application").get()
    _log_out(page)

    for username, total in REPLIES.items():
        log_in(page, username)
        page.goto("/sheets/")
        page.locator("[data-written]").wait_for()
        page.get_by_role("row", name="Chè búp Phú Xuyên").get_by_role("link").click()
        page.wait_for_url(f"**/sheets/{item.pk}/")
        for code, points in answers_totalling(item_sheet(item), total).items():
            page.locator(f"input[name='score_{code}'][value='{points}']").check()
        page.locator(f"[data-sheet-total='{total}']").wait_for()
        assert fits(page)
        if username == "thanhvien":
            screenshot(page, "written-reply-sheet-375")
        page.get_by_role("button", name="Nộp phiếu").click()
        page.locator(f"[data-confirm-summary] dd:text-is('{total}/100')").wait_for()
        assert fits(page)
        page.get_by_role("button", name="Xác nhận nộp phiếu").click()
        page.get_by_text("Đã nộp phiếu; phiếu đã được khóa.").wait_for()
        assert fits(page)
        _log_out(page)

    log_in(page, "tinh")
    page.goto(reverse("evaluation:session_detail", args=[session.pk]))
    page.get_by_role("link", name="Ghi biên bản: ý kiến thảo luận").click()
    page.wait_for_url(f"**/sessions/{session.pk}/minutes/")
    page.get_by_label("Ý kiến thảo luận").fill("Các ý kiến thống nhất, không cần họp trực tiếp.")
    page.get_by_role("button", name="Lưu biên bản sản phẩm này").click()
    page.get_by_text("Đã ghi biên bản cho Chè búp Phú Xuyên.").wait_for()
    assert fits(page)
    screenshot(page, "written-minutes-375")
    page.goto(reverse("evaluation:session_detail", args=[session.pk]))
    page.get_by_role("button", name="Kết thúc phiên họp và tính kết quả").click()
    page.get_by_role("button", name="Xác nhận kết thúc phiên và tính kết quả").click()
    page.get_by_text("Đã kết thúc phiên họp; kết quả đã được tính.").wait_for()
    result = page.locator(f"tr[data-result='{item.pk}'] [data-stars]")
    assert result.get_attribute("data-stars") == "4"
    minutes = " ".join(
        pdf_text(page.request.get(f"/sessions/{session.pk}/minutes.pdf").body()).split()
    )
    assert "Tổng hợp ý kiến bằng văn bản của" in minutes
    assert "Các ý kiến thống nhất, không cần họp trực tiếp." in minutes
    assert minutes.count("đã gửi ý kiến (phiếu đánh giá) lúc") == 3
    page.goto("/decisions/")
    page.locator("input[name='items']").first.check()
    page.get_by_label("Ngày quyết định").fill(today.isoformat())
    page.get_by_label("Người ký").fill("Nguyễn Văn Phong")
    page.get_by_role("button", name="Ban hành quyết định").click()
    page.get_by_role("button", name="Xác nhận ban hành").click()
    page.get_by_text("Đã ban hành quyết định 01/QĐ-UBND.").wait_for()
    screenshot(page, "written-reevaluation-decided-375")

    decision = Decision.objects.get()
    assert decision.decided_on == today <= limit
    dossier.refresh_from_db()
    assert dossier.stage == "decided"
    new = Certificate.objects.exclude(pk=old.pk).get()
    assert (new.product_id, new.stars) == (product.pk, 4)
    old.refresh_from_db()
    assert old.status == "superseded"
