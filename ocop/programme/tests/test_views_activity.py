"""The cycle, idea, plan, course, event and showroom pages: forms with Vietnamese messages, a
refusal writes nothing, each role sees its own scope."""

from datetime import date

import pytest
from django.test import Client

from ocop.evaluation.services.applications import application_create
from ocop.evaluation.testing import make_round
from ocop.programme.models import Attendance, BusinessPlan, Course, Event, Idea, Showroom
from ocop.programme.testing_activity import build_activity
from ocop.registry.testing import make_producer, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(territory, personas):
    a = make_producer(territory.commune_x, "HTX Phú Xuyên", 1, personas["producer_a"],
                      representative_name="Nguyễn Thị Hợp")  # fmt: skip
    b = make_producer(territory.commune_y, "HTX Phượng Dực", 2, personas["producer_b"])
    product = make_product(a, "Trà sen Phú Xuyên")
    return a, b, product, build_activity(personas["commune_x"], a, product)


def client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_cycle_page_shows_the_six_steps_and_the_current_one(world, personas):
    response = client(personas["commune_x"]).get("/programme/cycle/?unit=10273&year=2026")
    assert response.status_code == 200
    assert [w.step for w in response.context["windows"]] == [1, 2, 3, 4, 5, 6]
    assert response.context["counts"]["ideas"] == 2
    assert response.context["counts"]["plans_submitted"] == 1
    assert "Chu trình OCOP năm 2026 — Xã Phú Xuyên" in response.content.decode()


def test_a_window_is_moved_within_its_year_only(world, personas):
    _, _, _, activity = world
    url = f"/programme/cycle/windows/{activity.window.pk}/"
    officer = client(personas["commune_x"])
    response = officer.post(url, {"start_date": "2026-03-01", "end_date": "2027-01-10"})
    assert response.context["form"].non_field_errors() == [
        "Các bước của chu trình năm 2026 phải nằm trong năm đó."
    ]
    response = officer.post(url, {"start_date": "2026-03-15", "end_date": "2026-05-15"})
    assert response.status_code == 302
    activity.window.refresh_from_db()
    assert (activity.window.start_date, activity.window.end_date) == (
        date(2026, 3, 15),
        date(2026, 5, 15),
    )
    assert client(personas["commune_y"]).get(url).status_code == 404


def test_producer_registering_for_another_producer_gets_a_message_and_nothing_is_written(
    world, personas
):
    a, b, _, _ = world
    before = Idea.objects.count()
    response = client(personas["producer_a"]).post("/programme/ideas/new/", {
        "producer": b.pk, "year": 2026, "title": "Ý tưởng", "set_number": 12, "description": "Mô tả"})  # fmt: skip
    assert response.status_code == 200
    assert response.context["form"].errors["producer"] == [
        "Không tìm thấy chủ thể này trong phạm vi của bạn."
    ]
    assert Idea.objects.count() == before
    response = client(personas["producer_a"]).post("/programme/ideas/new/", {
        "producer": a.pk, "year": 2026, "title": "Ý tưởng mới", "set_number": 12, "description": "Mô tả"})  # fmt: skip
    assert response.status_code == 302
    assert Idea.objects.filter(title="Ý tưởng mới", producer=a).count() == 1


def test_screen_and_decide_through_the_pages(world, personas):
    _, _, _, activity = world
    province = client(personas["province_p"])
    response = province.post(f"/programme/ideas/{activity.idea.pk}/screen/", {"decision": "return"})
    assert Idea.objects.get(pk=activity.idea.pk).status == "submitted"
    response = province.post(
        f"/programme/ideas/{activity.idea.pk}/screen/", {"decision": "accept"}, follow=True
    )
    assert "Đã chấp nhận ý tưởng." in response.content.decode()
    assert Idea.objects.get(pk=activity.idea.pk).status == "accepted"
    response = province.post(
        f"/programme/business-plans/{activity.plan.pk}/decide/", {"decision": "accept"}, follow=True
    )
    assert "Đã phê duyệt phương án." in response.content.decode()
    assert BusinessPlan.objects.get(pk=activity.plan.pk).status == "approved"
    # a second approval is refused with the transition's message
    response = province.post(
        f"/programme/business-plans/{activity.plan.pk}/decide/", {"decision": "accept"}, follow=True
    )
    assert "Phương án đang ở trạng thái “Được phê duyệt”" in response.content.decode()


def test_lineage_shown_on_the_plan_and_the_product_page(world, personas):
    _, _, product, activity = world
    officer = client(personas["commune_x"])
    officer.post(f"/programme/business-plans/{activity.plan.pk}/decide/", {"decision": "accept"})
    officer.post(f"/programme/business-plans/{activity.plan.pk}/product/", {"product": product.pk})
    assert BusinessPlan.objects.get(pk=activity.plan.pk).product == product
    page = officer.get(f"/programme/business-plans/{activity.plan.pk}/").content.decode()
    assert "Trà sen Phú Xuyên" in page and "Mứt sen Phú Xuyên" in page
    page = officer.get(f"/products/{product.pk}/").content.decode()
    assert "Nguồn gốc:" in page and "Phương án mứt sen" in page
    dossier = application_create(actor=personas["producer_a"], product=product,
                                 round=make_round(product.producer.commune.province), kind="first")  # fmt: skip
    page = client(personas["producer_a"]).get(f"/applications/{dossier.pk}/").content.decode()
    assert "Nguồn gốc:" in page and "Phương án mứt sen" in page
    page = (
        client(personas["producer_a"])
        .get(f"/programme/business-plans/{activity.plan.pk}/")
        .content.decode()
    )
    assert f'href="/applications/{dossier.pk}/"' in page


def test_a_course_without_attendees_is_refused_with_a_message(world, personas):
    before = (Course.objects.count(), Attendance.objects.count())
    data = {"unit": "10273", "title": "Lớp", "audience": "both", "start_date": "2026-05-01",
            "end_date": "2026-05-02", "place": "Hội trường", "organiser": "UBND xã"}  # fmt: skip
    response = client(personas["commune_x"]).post("/programme/courses/new/", data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Lớp tập huấn phải có ít nhất một học viên."
    ]
    response = client(personas["commune_x"]).post(
        "/programme/courses/new/", {**data, "producer_lines": "0000000000"}
    )
    assert response.context["form"].non_field_errors() == [
        "Dòng 1: không tìm thấy chủ thể có mã số thuế “0000000000” trong phạm vi của bạn."
    ]
    response = client(personas["commune_x"]).post("/programme/courses/new/", {
        **data, "end_date": "2026-04-30", "official_lines": "Lê Văn A; UBND xã; nam; Kinh"})  # fmt: skip
    assert response.context["form"].errors["end_date"] == [
        "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."
    ]
    response = client(personas["commune_x"]).post("/programme/courses/new/", {**data, "unit": "10279",
                                                     "official_lines": "Lê Văn A; UBND xã; nam; Kinh"})  # fmt: skip
    assert response.context["form"].errors["unit"] == ["Bạn không quản lý đơn vị Xã Phượng Dực."]
    assert (Course.objects.count(), Attendance.objects.count()) == before


def test_a_course_with_checked_producers_and_typed_officials(world, personas):
    a, _, _, _ = world
    data = {"unit": "10273", "title": "Lớp bao bì", "audience": "both", "start_date": "2026-05-01",
            "end_date": "2026-05-02", "place": "Hội trường", "organiser": "UBND xã",
            "producers": [a.pk], "official_lines": "Lê Văn A; UBND xã; nam; Kinh\n@commune_x"}  # fmt: skip
    response = client(personas["commune_x"]).post("/programme/courses/new/", data)
    assert response.status_code == 302
    course = Course.objects.get(title="Lớp bao bì")
    assert list(
        course.attendances.order_by("name").values_list("name", "kind", "gender", "ethnic_group")
    ) == [
        ("Lê Văn A", "official", "male", "Kinh"),
        ("Nguyễn Thị Hợp", "producer", "", ""),
        ("commune_x", "official", "", ""),
    ]


def test_scope_each_role_sees_its_own(world, personas):
    _, _, _, activity = world
    assert (
        client(personas["commune_y"]).get(f"/programme/ideas/{activity.idea.pk}/").status_code
        == 404
    )
    assert (
        client(personas["producer_b"]).get(f"/programme/ideas/{activity.idea.pk}/").status_code
        == 404
    )
    assert (
        client(personas["producer_a"]).get(f"/programme/ideas/{activity.idea.pk}/").status_code
        == 200
    )
    assert (
        client(personas["commune_y"]).get(f"/programme/courses/{activity.course.pk}/").status_code
        == 404
    )
    assert (
        client(personas["province_q"]).get(f"/programme/events/{activity.event.pk}/").status_code
        == 404
    )
    assert (
        client(personas["province_p"])
        .get(f"/programme/showrooms/{activity.showroom.pk}/")
        .status_code
        == 200
    )
    mine = client(personas["producer_a"]).get("/programme/courses/")
    assert [t.course_id for t in mine.context["trainings"]] == [activity.course.pk]
    assert (
        list(client(personas["producer_b"]).get("/programme/courses/").context["trainings"]) == []
    )
    assert list(client(personas["commune_y"]).get("/programme/ideas/").context["ideas"]) == []


def test_event_and_showroom_forms(world, personas, territory):
    _, _, product, _ = world
    officer = client(personas["commune_x"])
    response = officer.post("/programme/events/new/", {
        "unit": "10273", "kind": "online", "name": "Phiên livestream OCOP", "start_date": "2026-06-01",
        "end_date": "2026-06-01", "place": "Trực tuyến", "organiser": "UBND xã", "products": [product.pk]})  # fmt: skip
    assert response.status_code == 302
    assert list(Event.objects.get(name="Phiên livestream OCOP").products.all()) == [product]
    response = officer.post("/programme/showrooms/new/", {
        "unit": "10273", "kind": "showroom", "name": "Trung tâm OCOP", "address": "Thôn 2",
        "location": "10273", "operator": "HTX", "opened_on": "2026-01-02", "closed_on": "2025-12-31"})  # fmt: skip
    assert response.context["form"].errors["closed_on"] == [
        "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."
    ]
    assert not Showroom.objects.filter(name="Trung tâm OCOP").exists()
    assert date(2026, 1, 2).year == 2026
