"""Phụ lục III (Decision 26/2026/QĐ-TTg) at phone width (375 px): the commune officer writes Mẫu 03
on its page and proposes with it, the producer fills Mẫu 02 with gender as a choice and the
parent tick d), Mẫu 01 shows ngành / nhóm / phân nhóm; nothing overflows and axe-core finds
nothing."""

import pytest
from django.urls import reverse

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_territory, make_user
from ocop.evaluation.models import Application
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import make_producer, make_product, make_round, new_dossier
from tests.browser import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_phu_luc_iii_mau03_written_by_the_commune_at_375_px(phone_page, settings, tmp_path):
    """Mẫu 03 (Art. 6.2.b): Part I from the registry, the four assessments, the closing sentence
    and "T.M ỦY BAN NHÂN DÂN XÃ"; then the proposal files it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    t = make_territory()
    producer_user = make_user("htx", Role.PRODUCER)
    make_user("canboxa", Role.COMMUNE, province=t.province_p, commune=t.commune_x)
    producer = make_producer(producer_user, t.commune_x, "HTX Phú Xuyên", "0100109106")
    dossier = new_dossier(producer_user, make_product(producer, "Chè búp Phú Xuyên"),
                          make_round(t.province_p))  # fmt: skip
    application_transition(actor=producer_user, application=dossier, action="submit")
    page = phone_page
    log_in(page, "canboxa")
    page.goto(reverse("evaluation:application_form03", args=[dossier.pk]))
    page.get_by_label("1. Về sử dụng nguyên liệu địa phương").fill("Chè trồng tại 3 thôn.")
    page.get_by_label("2. Về sử dụng lao động địa phương").fill("15 lao động địa phương.")
    page.get_by_label("3. Nguồn gốc ý tưởng sản phẩm").fill("Sản phẩm truyền thống.")
    page.get_by_label("4. Bản sắc/trí tuệ địa phương").fill("Giống chè bản địa.")
    page.get_by_label("Văn bản đề nghị UBND tỉnh (số, ngày)").fill("Tờ trình 15/TTr-UBND")
    page.get_by_label("Họ tên người ký").fill("Nguyễn Văn Bình")
    page.get_by_role("button", name="Lưu báo cáo Mẫu 03").click()
    page.wait_for_selector("[data-form03-link]", state="attached")
    page.goto(reverse("evaluation:application_form03", args=[dossier.pk]))
    document = page.locator("[data-form03]").inner_text()
    assert "T.M ỦY BAN NHÂN DÂN XÃ" in document
    assert "đề nghị Ủy ban nhân dân" in document
    assert "Chè trồng tại 3 thôn." in document
    assert fits(page)
    screenshot(page, "phuluc3-mau03-375")
    page.goto(reverse("evaluation:application_detail", args=[dossier.pk]))
    page.locator("summary", has_text="Lập báo cáo Mẫu 03 và đề nghị tỉnh").click()
    assert page.get_by_label("1. Về sử dụng nguyên liệu địa phương").input_value() == (
        "Chè trồng tại 3 thôn."
    )
    assert fits(page)
    screenshot(page, "phuluc3-propose-375")
    page.get_by_role("button", name="Đề nghị tỉnh đánh giá").click()
    page.get_by_role("button", name="Xác nhận đề nghị").click()
    page.wait_for_selector("text=Đã đề nghị tỉnh đánh giá.")
    assert Application.objects.get(pk=dossier.pk).commune_report["signer_name"] == "Nguyễn Văn Bình"


def test_phu_luc_iii_mau01_and_mau02_pages_at_375_px(phone_page, settings, tmp_path):
    """Mẫu 01 point 3 from Phụ lục I; Mẫu 02 gender as a choice, số giấy đăng ký, tick d)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    t = make_territory()
    producer_user = make_user("htx", Role.PRODUCER)
    producer = make_producer(producer_user, t.commune_x, "HTX Phú Xuyên", "0100109106")
    draft = application_create(actor=producer_user, product=make_product(producer, "Chè búp"),
                               round=make_round(t.province_p), kind="first")  # fmt: skip
    page = phone_page
    log_in(page, "htx")
    page.goto(reverse("evaluation:application_form01", args=[draft.pk]))
    assert "I.1.a. Rau, củ, quả, hạt tươi" in page.locator("[data-classification]").inner_text()
    assert fits(page)
    screenshot(page, "phuluc3-mau01-375")
    page.goto(reverse("evaluation:application_form02", args=[draft.pk]))
    page.get_by_label("Giới tính người đại diện").select_option("female")
    page.get_by_label("Số giấy đăng ký (nếu có)").fill("01G8000123")
    page.get_by_label("Giấy chứng nhận đăng ký nhãn hiệu").check()
    page.get_by_label("Kết quả thực hiện phương án", exact=False).fill("Vùng chè 5 ha.")
    page.get_by_label("Kế hoạch sản xuất, kinh doanh").fill("Mở rộng thị trường.")
    page.get_by_role("button", name="Lưu và tiếp tục").click()
    page.wait_for_selector("text=hãy đánh dấu cả mục d)")
    assert fits(page)
    screenshot(page, "phuluc3-mau02-refused-375")
    page.get_by_label("d) Đã có đăng ký sở hữu trí tuệ").check()
    page.get_by_role("button", name="Lưu và tiếp tục").click()
    page.wait_for_url("**/self-score/")
    saved = Application.objects.get(pk=draft.pk).form02
    assert (saved["representative_gender"], saved["has_ip_registration"]) == ("female", True)
