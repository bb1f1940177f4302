"""The annual cycle and training at phone width (issue 11, "done when"): a commune officer
registers a product idea, the province accepts it, the commune files a business plan that the
province approves, and the commune records a training course with its attendance. One screen in
English. `cycle_and_training_journey` is the shared part: the coordinator's full journey adds a
disbursement and the dashboard's figures after it."""

from dataclasses import dataclass

import pytest

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_territory, make_user
from ocop.programme.models import Attendance, BusinessPlan, Course, Idea
from ocop.registry.testing import make_producer
from tests.browser import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@dataclass
class Journey:
    idea: Idea
    plan: BusinessPlan
    course: Course


def log_out(page) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/")


def fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def make_people():
    """A commune officer `xa` of Xã Phú Xuyên, a province officer `tinh` of Hà Nội, and two
    producers of the commune."""
    territory = make_territory()
    make_user("xa", Role.COMMUNE, province=territory.province_p, commune=territory.commune_x)  # fmt: skip
    make_user("tinh", Role.PROVINCE, province=territory.province_p)
    first = make_producer(territory.commune_x, "HTX Phú Xuyên", 1, representative_name="Nguyễn Thị Hợp",
                          representative_gender="female", representative_ethnic_group="Kinh")  # fmt: skip
    second = make_producer(
        territory.commune_x, "HTX Nam Phong", 2, representative_name="Phạm Văn Phong"
    )
    return territory, first, second


def commune_registers_an_idea(page, producer) -> Idea:
    log_in(page, "xa")
    page.goto("/programme/cycle/?unit=10273&year=2026")
    assert page.locator("#current-step").inner_text().startswith(("Bước hiện tại", "Hôm nay"))
    fits_the_phone(page)
    screenshot(page, "programme-cycle-375")
    page.get_by_role("button", name="Đăng ký ý tưởng sản phẩm").click()
    page.get_by_label("Chủ thể").select_option(label=producer.name)
    page.get_by_label("Năm của chu trình").fill("2026")
    page.get_by_label("Ý tưởng sản phẩm").fill("Trà sen Phú Xuyên")
    page.get_by_label("Bộ sản phẩm").select_option("12")
    page.get_by_label("Mô tả").fill("Trà ướp sen Đầm Sen, đóng hộp quà tặng")
    page.get_by_role("button", name="Gửi phiếu đăng ký").click()
    page.get_by_text("Đã đăng ký ý tưởng sản phẩm.").wait_for()
    fits_the_phone(page)
    screenshot(page, "programme-idea-registered-375")
    log_out(page)
    return Idea.objects.get(title="Trà sen Phú Xuyên")


def province_accepts_it(page, idea: Idea) -> None:
    log_in(page, "tinh")
    page.goto(f"/programme/ideas/{idea.pk}/")
    page.get_by_label("Chấp nhận").check()
    page.get_by_role("button", name="Ghi kết quả xem xét").click()
    page.get_by_text("Đã chấp nhận ý tưởng.").wait_for()
    assert "Được chấp nhận" in page.locator("#idea-status").inner_text()
    log_out(page)


def commune_files_a_plan(page, idea: Idea) -> BusinessPlan:
    log_in(page, "xa")
    page.goto(f"/programme/ideas/{idea.pk}/")
    page.get_by_role("button", name="Lập phương án sản xuất kinh doanh").click()
    page.get_by_label("Tên phương án/dự án").fill("Phương án trà sen đóng hộp")
    page.get_by_label("Nội dung chính").fill("Sản xuất 500 hộp mỗi năm, bán qua điểm OCOP")
    page.get_by_label("Nội dung đề nghị hỗ trợ").fill("Thiết kế bao bì, kiểm nghiệm")
    page.get_by_label("Kinh phí đề nghị hỗ trợ (đồng)").fill("30000000")
    page.get_by_role("button", name="Nộp phương án").click()
    page.get_by_text("Đã nộp phương án sản xuất kinh doanh.").wait_for()
    fits_the_phone(page)
    log_out(page)
    return BusinessPlan.objects.get(idea=idea)


def province_approves_it(page, plan: BusinessPlan) -> None:
    log_in(page, "tinh")
    page.goto(f"/programme/business-plans/{plan.pk}/")
    page.get_by_label("Chấp nhận").check()
    page.get_by_role("button", name="Ghi quyết định").click()
    page.get_by_text("Đã phê duyệt phương án.").wait_for()
    assert "Được phê duyệt" in page.locator("#plan-status").inner_text()
    fits_the_phone(page)
    screenshot(page, "programme-plan-approved-375")
    log_out(page)


def commune_records_a_course(page, producers) -> Course:
    log_in(page, "xa")
    page.goto("/programme/courses/new/")
    page.get_by_label("Tên lớp").fill("Tập huấn bao bì, nhãn mác 2026")
    page.get_by_label("Đối tượng").select_option("both")
    page.get_by_label("Từ ngày").fill("2026-05-12")
    page.get_by_label("Đến ngày").fill("2026-05-11")  # before the start: refused, nothing written
    page.get_by_label("Địa điểm").fill("Hội trường UBND xã")
    page.get_by_label("Đơn vị tổ chức").fill("UBND xã Phú Xuyên")
    page.get_by_role("button", name="Ghi lớp và học viên").click()
    page.get_by_text("Lớp tập huấn phải có ít nhất một học viên.").wait_for()
    assert (
        page.locator("#id_end_date_error").inner_text()
        == "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."
    )
    assert Course.objects.count() == 0
    fits_the_phone(page)
    screenshot(page, "programme-course-refused-375")
    page.get_by_label("Đến ngày").fill("2026-05-13")
    for producer in producers:
        page.get_by_label(producer.name).check()
    page.get_by_label("Cán bộ tham dự").fill("Lê Văn Cán; UBND xã Phú Xuyên; nam; Kinh\n@xa")
    page.get_by_role("button", name="Ghi lớp và học viên").click()
    page.get_by_text("Đã ghi lớp tập huấn và 4 học viên.").wait_for()
    assert page.locator("#attendance tbody tr").count() == 4
    fits_the_phone(page)
    screenshot(page, "programme-course-recorded-375")
    return Course.objects.get()


def cycle_and_training_journey(page) -> Journey:
    """Idea → accepted → plan → approved → course with attendance; ends logged in as `xa`."""
    _, first, second = make_people()
    idea = commune_registers_an_idea(page, first)
    province_accepts_it(page, idea)
    plan = commune_files_a_plan(page, idea)
    province_approves_it(page, plan)
    course = commune_records_a_course(page, [first, second])
    return Journey(idea, plan, course)


def test_cycle_and_training_at_phone_width(phone_page):
    journey = cycle_and_training_journey(phone_page)
    journey.idea.refresh_from_db()
    journey.plan.refresh_from_db()
    assert (journey.idea.status, journey.plan.status) == ("accepted", "approved")
    assert Attendance.objects.filter(course=journey.course, kind="producer").count() == 2
    phone_page.select_option("#lang-select", "en")
    phone_page.locator("html[lang='en']").wait_for(state="attached")
    phone_page.goto(f"/programme/courses/{journey.course.pk}/")
    assert phone_page.get_by_text("Cost (from disbursements)").count() == 1
    fits_the_phone(phone_page)
    screenshot(phone_page, "programme-course-en-375")
