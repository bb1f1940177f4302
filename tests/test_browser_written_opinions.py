"""Art. 7.6.d at phone width (375 px): the council's secretary sends a re-evaluation dossier for
written opinions with replies due 30 days later; the board shows the
reply date, nothing overflows the screen, and axe-core finds nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_territory, make_user
from ocop.evaluation.models import Application, Session
from ocop.evaluation.testing import (
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
