"""The dossier journey at phone width: a producer files, the commune returns it with reasons, the
producer fixes and resubmits, the commune proposes it (Mẫu 03), the province accepts it."""

import pytest

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_territory, make_user
from ocop.evaluation.models import Application
from ocop.evaluation.testing import PDF_BYTES, make_producer, make_product, make_round
from tests.browser import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_out(page) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/")


def fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def upload(page, section: str, name: str) -> None:
    page.get_by_label("Tiêu chí/mục").select_option(section)
    page.locator("#upload-file").set_input_files(
        {"name": name, "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.get_by_role("button", name="Tải lên").click()
    page.get_by_text("Đã tải tệp lên.").wait_for()


def producer_files_a_dossier(page, pk_holder: dict) -> None:
    log_in(page, "htx")
    page.goto("/applications/")
    page.get_by_role("button", name="Đăng ký hồ sơ mới").click()
    page.get_by_label("Sản phẩm").select_option(label="Rau cải Phú Xuyên")
    page.get_by_label("Đợt đánh giá").select_option(index=1)
    page.get_by_label("Lần đăng ký đánh giá").select_option("first")
    page.get_by_role("button", name="Tạo hồ sơ").click()
    page.get_by_label("Điện thoại").fill("0912345678")
    page.get_by_label("Chức vụ").fill("Giám đốc")
    screenshot(page, "evaluation-01-form01-375")
    page.get_by_role("button", name="Lưu và tiếp tục").click()
    page.get_by_label("Kết quả thực hiện phương án").fill("Vùng nguyên liệu 5 ha, doanh thu tăng.")
    page.get_by_label("Kế hoạch sản xuất, kinh doanh").fill("Mở rộng thị trường.")
    page.get_by_role("button", name="Lưu và tiếp tục").click()
    selects = page.locator("select[name^='score_']")
    for index in range(selects.count()):
        select = selects.nth(index)
        values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
        select.select_option(values[-2])  # the second-best level of each criterion
    page.locator("[data-selfscore-total]").wait_for()
    total = page.locator("[data-selfscore-total]").get_attribute("data-selfscore-total")
    assert int(total) > 0
    fits_the_phone(page)
    screenshot(page, "evaluation-02-selfscore-live-375")
    page.get_by_role("button", name="Lưu điểm tự chấm").click()
    upload(page, "1.1", "giay-dang-ky.pdf")
    pk_holder["pk"] = int(page.url.rstrip("/").split("/")[-1])
    page.get_by_role("button", name="Nộp hồ sơ cho UBND xã").click()
    page.locator("[data-confirm-summary]").wait_for()
    assert page.locator("[data-confirm-summary]").is_visible()
    fits_the_phone(page)
    screenshot(page, "evaluation-03a-confirm-submit-375")
    page.get_by_role("button", name="Xác nhận nộp hồ sơ").click()
    page.get_by_text("Đã nộp hồ sơ cho UBND xã.").wait_for()
    assert page.locator("[data-registration-number]").inner_text() == "001/PĐK-01-10273-2026"
    screenshot(page, "evaluation-03-submitted-375")
    log_out(page)


def commune_returns_it(page, pk: int) -> None:
    log_in(page, "xa")
    page.goto("/applications/tasks/")
    page.locator(f"[data-task='{pk}'] a").click()
    page.get_by_text("Trả lại để hoàn thiện").first.click()
    page.get_by_label("Mục 1", exact=True).fill("Tiêu chí 1.2")
    page.get_by_label("Lý do 1", exact=True).fill("Thiếu hợp đồng liên kết vùng nguyên liệu")
    page.locator("[data-action='return']").click()
    page.get_by_text("Đã trả hồ sơ để hoàn thiện.").wait_for()
    assert page.locator("[data-return-item]").inner_text().startswith("Tiêu chí 1.2")
    screenshot(page, "evaluation-04-returned-375")
    log_out(page)


def producer_fixes_and_resubmits(page, pk: int) -> None:
    log_in(page, "htx")
    page.goto(f"/applications/{pk}/")
    block = page.locator("[data-to-complete]")
    assert block.get_by_text("Thiếu hợp đồng liên kết vùng nguyên liệu").is_visible()
    fits_the_phone(page)
    screenshot(page, "evaluation-04a-to-complete-375")
    page.get_by_role("button", name="Nộp lại hồ sơ").click()
    # Nothing changed since the return: refused at once, no confirmation page.
    page.get_by_text("Hồ sơ chưa có thay đổi nào kể từ khi bị trả lại").wait_for()
    assert page.locator("[data-confirm-summary]").count() == 0
    upload(page, "1.2", "hop-dong-lien-ket.pdf")
    page.get_by_role("button", name="Nộp lại hồ sơ").click()
    page.get_by_role("button", name="Xác nhận nộp lại").click()
    page.get_by_text("Đã nộp lại hồ sơ.").wait_for()
    log_out(page)


def commune_proposes_it(page, pk: int) -> None:
    log_in(page, "xa")
    page.goto(f"/applications/{pk}/")
    page.get_by_text("Lập báo cáo Mẫu 03 và đề nghị tỉnh").click()
    page.get_by_label("1. Về sử dụng nguyên liệu địa phương").fill("Nguyên liệu tại xã.")
    page.get_by_label("2. Về sử dụng lao động địa phương").fill("12 lao động địa phương.")
    page.get_by_label("3. Nguồn gốc ý tưởng sản phẩm").fill("Sản phẩm truyền thống.")
    page.get_by_label("4. Bản sắc, trí tuệ địa phương").fill("Giống rau bản địa.")
    page.get_by_label("Văn bản đề nghị UBND tỉnh").fill("Tờ trình số 15/TTr-UBND")
    page.get_by_role("button", name="Đề nghị tỉnh đánh giá").click()
    page.get_by_role("button", name="Xác nhận đề nghị").click()
    page.get_by_text("Đã đề nghị tỉnh đánh giá.").wait_for()
    screenshot(page, "evaluation-05-proposed-375")
    log_out(page)


def province_accepts_it(page, pk: int) -> None:
    log_in(page, "tinh")
    page.goto("/applications/tasks/")
    page.locator(f"[data-task='{pk}'] a").click()
    page.get_by_role("button", name="Tiếp nhận hồ sơ (đầy đủ)").click()
    page.get_by_text("Đã tiếp nhận hồ sơ.").wait_for()
    fits_the_phone(page)
    screenshot(page, "evaluation-06-accepted-375")


def test_dossier_journey_at_phone_width(phone_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    territory = make_territory()
    producer_user = make_user("htx", Role.PRODUCER)
    make_user("xa", Role.COMMUNE, province=territory.province_p, commune=territory.commune_x)
    make_user("tinh", Role.PROVINCE, province=territory.province_p)
    producer = make_producer(producer_user, territory.commune_x, "HTX Phú Xuyên", "0100109106")
    make_product(producer, "Rau cải Phú Xuyên")
    make_round(territory.province_p)
    holder: dict = {}
    producer_files_a_dossier(phone_page, holder)
    commune_returns_it(phone_page, holder["pk"])
    producer_fixes_and_resubmits(phone_page, holder["pk"])
    commune_proposes_it(phone_page, holder["pk"])
    province_accepts_it(phone_page, holder["pk"])
    application = Application.objects.get()
    assert application.stage == "advisory_review"
    assert list(application.history.values_list("action", flat=True)) == [
        "submit",
        "return",
        "resubmit",
        "propose",
        "accept",
    ]
