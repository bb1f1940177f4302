"""Training and promotion: a course is recorded with its attendees or not at all; events and
showrooms with their products; bad dates and other units refused, nothing written."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ocop.core.models import AuditEntry
from ocop.programme.choices import AttendeeKind, EventKind, OutletKind
from ocop.programme.models import Attendance, Course, Event, Showroom
from ocop.programme.selectors_activity import course_cost, courses_for, my_trainings
from ocop.programme.services_training import (
    Attendee,
    attendance_add,
    course_record,
    event_record,
    showroom_record,
)
from ocop.programme.testing_activity import COURSE, producer_attendee
from ocop.programme.units import resolve_unit
from ocop.registry.testing import make_producer, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def producers(territory, personas):
    a = make_producer(territory.commune_x, "HTX Phú Xuyên", 1, personas["producer_a"],
                      representative_name="Nguyễn Thị Hợp", representative_gender="female")  # fmt: skip
    b = make_producer(territory.commune_y, "HTX Phượng Dực", 2, personas["producer_b"])
    return a, b


def test_a_course_is_recorded_with_its_attendees(producers, personas):
    a, _ = producers
    official = Attendee(
        AttendeeKind.OFFICIAL, "commune_x", user=personas["commune_x"], unit_name="Xã Phú Xuyên"
    )
    course = course_record(actor=personas["commune_x"], unit=resolve_unit("10273"), data=COURSE,
                           attendees=[producer_attendee(a), official])  # fmt: skip
    rows = list(
        course.attendances.order_by("kind").values_list(
            "kind", "name", "producer", "user", "gender"
        )
    )
    assert rows == [
        ("official", "commune_x", None, personas["commune_x"].pk, ""),
        ("producer", "Nguyễn Thị Hợp", a.pk, None, "female"),
    ]
    assert (course.commune.code, course.province.code, course.created_by) == (
        "10273",
        "01",
        personas["commune_x"],
    )
    entry = AuditEntry.objects.get(action="course.record")
    assert entry.after["attendees"] == 2
    assert course_cost(course) == 0
    listed = courses_for(personas["commune_x"]).get()
    assert (listed.attendees, listed.cost) == (2, None)
    assert list(courses_for(personas["commune_y"])) == []
    assert [t.course_id for t in my_trainings(personas["producer_a"])] == [course.pk]
    assert list(my_trainings(personas["producer_b"])) == []


@pytest.mark.parametrize(
    "change, attendees, message",
    [
        ({}, [], "Lớp tập huấn phải có ít nhất một học viên."),
        ({"end_date": date(2026, 3, 9)}, None, "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."),
        ({"start_date": date(1999, 12, 30)}, None, "Ngày 30/12/1999 nằm ngoài khoảng 2000–"),
    ],
)
def test_a_bad_course_is_refused_and_nothing_is_written(
    producers, personas, change, attendees, message
):
    a, _ = producers
    people = [producer_attendee(a)] if attendees is None else attendees
    with pytest.raises(ValidationError) as refused:
        course_record(actor=personas["commune_x"], unit=resolve_unit("10273"), data={**COURSE, **change},
                      attendees=people)  # fmt: skip
    assert refused.value.messages[0].startswith(message)
    assert (Course.objects.count(), Attendance.objects.count(), AuditEntry.objects.count()) == (
        0,
        0,
        0,
    )


def test_a_commune_officer_records_only_for_its_commune(producers, personas):
    a, _ = producers
    for unit in ("10279", "01"):
        with pytest.raises(PermissionDenied):
            course_record(actor=personas["commune_x"], unit=resolve_unit(unit), data=COURSE,
                          attendees=[producer_attendee(a)])  # fmt: skip
    course_record(actor=personas["province_p"], unit=resolve_unit("10279"), data=COURSE,
                  attendees=[producer_attendee(a)])  # fmt: skip
    with pytest.raises(PermissionDenied):
        course_record(actor=personas["province_q"], unit=resolve_unit("10279"), data=COURSE,
                      attendees=[producer_attendee(a)])  # fmt: skip
    assert Course.objects.count() == 1


def test_attendance_added_once_per_person(producers, personas):
    a, b = producers
    course = course_record(actor=personas["commune_x"], unit=resolve_unit("10273"), data=COURSE,
                           attendees=[producer_attendee(a)])  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        attendance_add(actor=personas["commune_x"], course=course, attendees=[producer_attendee(a)])
    assert refused.value.messages == ["Nguyễn Thị Hợp có hai lần trong danh sách lớp."]
    attendance_add(actor=personas["commune_x"], course=course, attendees=[producer_attendee(b)])
    assert course.attendances.count() == 2
    with pytest.raises(PermissionDenied):
        attendance_add(actor=personas["commune_y"], course=course, attendees=[])
    assert course.attendances.count() == 2


def test_event_and_showroom_with_their_products(producers, personas, territory):
    a, b = producers
    mine, theirs = make_product(a, "Trà sen"), make_product(b, "Đường phèn")
    event_data = {"kind": EventKind.FAIR, "name": "Hội chợ", "start_date": date(2026, 4, 1),
                  "end_date": date(2026, 4, 3), "place": "Sân vận động", "organiser": "UBND xã"}  # fmt: skip
    unit = resolve_unit("10273")
    with pytest.raises(ValidationError) as refused:
        event_record(
            actor=personas["commune_x"], unit=unit, data=event_data, products=[mine, theirs]
        )
    assert refused.value.messages == ["Có sản phẩm không thuộc phạm vi của bạn."]
    with pytest.raises(ValidationError):
        event_record(actor=personas["commune_x"], unit=unit, products=[mine],
                     data={**event_data, "end_date": date(2026, 3, 31)})  # fmt: skip
    assert Event.objects.count() == 0
    event = event_record(actor=personas["commune_x"], unit=unit, data=event_data, products=[mine])
    assert list(event.products.all()) == [mine]
    showroom_data = {"kind": OutletKind.SHOWROOM, "name": "Điểm bán", "address": "Thôn 1",
                     "location": territory.commune_z, "operator": "HTX", "opened_on": date(2025, 1, 1)}  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        showroom_record(actor=personas["commune_x"], unit=unit, data=showroom_data, products=[mine])
    assert refused.value.messages == ["Địa điểm phải thuộc tỉnh/thành phố của đơn vị quản lý."]
    showroom = showroom_record(actor=personas["commune_x"], unit=unit, products=[mine],
                               data={**showroom_data, "location": territory.commune_x})  # fmt: skip
    assert (Showroom.objects.get().pk, list(showroom.products.all())) == (showroom.pk, [mine])
    assert AuditEntry.objects.filter(action__in=["event.record", "showroom.record"]).count() == 2
