"""Writes of training and trade promotion: courses with their attendance, events, showrooms.

A course is recorded together with its attendees, never empty: a producer or an official counts
as trained from an Attendance row, so a course without one would be a cost without an effect.
Each service runs in one transaction, checks the actor's authority over the unit itself and
writes one audit entry per created record. `actor=None` is the system (the demo data).
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.accounts.models import User
from ocop.core.services import audit_record, lock, snapshot
from ocop.registry.models import Producer, Product

from .choices import AttendeeKind
from .models import Attendance, Course, Event, Showroom
from .services_cycle import require_unit
from .units import Unit, unit_of

FIRST_YEAR = 2000
COURSE_FIELDS = ["title", "topic", "audience", "start_date", "end_date", "place", "organiser"]
EVENT_FIELDS = ["kind", "name", "start_date", "end_date", "place", "organiser"]
SHOWROOM_FIELDS = ["kind", "name", "address", "location", "operator", "opened_on", "closed_on"]


@dataclass(frozen=True)
class Attendee:
    """One person to put on a course's list (a producer's representative or an official)."""

    kind: str
    name: str
    producer: Producer | None = None
    user: User | None = None
    unit_name: str = ""
    gender: str = ""
    ethnic_group: str = ""

    def key(self) -> tuple:
        if self.producer is not None:
            return ("producer", self.producer.pk, self.name.casefold())
        if self.user is not None:
            return ("user", self.user.pk)
        return ("name", self.name.casefold(), self.unit_name.casefold())


def check_dates(start: date, end: date | None) -> None:
    """Dates in the programme's years and in order (end empty: an open showroom)."""
    last = timezone.localdate().year + 1
    for day in (start, end):
        if day is not None and not FIRST_YEAR <= day.year <= last:
            raise ValidationError(
                _("Ngày %(day)s nằm ngoài khoảng %(first)s–%(last)s.")
                % {"day": day.strftime("%d/%m/%Y"), "first": FIRST_YEAR, "last": last}
            )
    if end is not None and end < start:
        raise ValidationError(_("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."))


def _check_attendees(attendees: list[Attendee], present: set[tuple] = frozenset()) -> None:  # type: ignore[assignment]
    if not attendees:
        raise ValidationError(_("Lớp tập huấn phải có ít nhất một học viên."))
    seen = set(present)
    for person in attendees:
        if person.kind == AttendeeKind.PRODUCER and person.producer is None:
            raise ValidationError(_("Học viên là đại diện chủ thể phải gắn với một chủ thể."))
        if not person.name.strip():
            raise ValidationError(_("Thiếu họ và tên học viên."))
        if person.key() in seen:
            raise ValidationError(
                _("%(name)s có hai lần trong danh sách lớp.") % {"name": person.name}
            )
        seen.add(person.key())


def _attendance_rows(course: Course, attendees: list[Attendee]) -> list[Attendance]:
    return Attendance.objects.bulk_create(
        Attendance(
            course=course,
            kind=p.kind,
            producer=p.producer,
            user=p.user,
            name=p.name,
            unit_name=p.unit_name,
            gender=p.gender,
            ethnic_group=p.ethnic_group,
        )  # fmt: skip
        for p in attendees
    )


def _key_of(row: Attendance) -> tuple:
    return Attendee(row.kind, row.name, row.producer, row.user, row.unit_name).key()


@transaction.atomic
def course_record(*, actor, unit: Unit, data: dict, attendees: list[Attendee]) -> Course:
    """Side effects: a Course of the unit and its Attendance rows (at least one); one audit
    entry for the course, naming how many attended."""
    require_unit(actor, unit)
    check_dates(data["start_date"], data["end_date"])
    _check_attendees(attendees)
    fields = {name: data.get(name, "") for name in COURSE_FIELDS}
    course = Course.objects.create(**fields, **unit.fields(), created_by=_user(actor))
    _attendance_rows(course, attendees)
    after = {**snapshot(course, COURSE_FIELDS), "attendees": len(attendees)}
    audit_record(actor=actor, action="course.record", obj=course, after=after)
    return course


@transaction.atomic
def attendance_add(*, actor, course: Course, attendees: list[Attendee]) -> list[Attendance]:
    """Side effects: more people on a course's list (none twice); one audit entry."""
    require_unit(actor, unit_of(course))
    course = lock(course)
    present = {_key_of(row) for row in course.attendances.select_related("producer", "user")}
    _check_attendees(attendees, present)
    rows = _attendance_rows(course, attendees)
    audit_record(actor=actor, action="course.attendance_add", obj=course,
                 summary=", ".join(p.name for p in attendees)[:500],
                 after={"attendees": len(present) + len(rows)})  # fmt: skip
    return rows


def _check_products(actor, products: list[Product]) -> None:
    if actor is None:
        return
    visible = set(
        Product.objects.visible_to(actor)
        .filter(pk__in=[p.pk for p in products])
        .values_list("pk", flat=True)
    )
    if any(p.pk not in visible for p in products):
        raise ValidationError(_("Có sản phẩm không thuộc phạm vi của bạn."))


@transaction.atomic
def event_record(*, actor, unit: Unit, data: dict, products: list[Product]) -> Event:
    """Side effects: an Event of the unit with the products taking part; one audit entry."""
    require_unit(actor, unit)
    check_dates(data["start_date"], data["end_date"])
    _check_products(actor, products)
    event = Event.objects.create(
        **{name: data[name] for name in EVENT_FIELDS}, **unit.fields(), created_by=_user(actor)
    )
    event.products.set(products)
    after = {**snapshot(event, EVENT_FIELDS), "products": len(products)}
    audit_record(actor=actor, action="event.record", obj=event, after=after)
    return event


@transaction.atomic
def showroom_record(*, actor, unit: Unit, data: dict, products: list[Product]) -> Showroom:
    """Side effects: a Showroom (or point of sale) of the unit with the products on display;
    one audit entry."""
    require_unit(actor, unit)
    check_dates(data["opened_on"], data.get("closed_on"))
    if data["location"].province_id != unit.province.pk:
        raise ValidationError(_("Địa điểm phải thuộc tỉnh/thành phố của đơn vị quản lý."))
    _check_products(actor, products)
    showroom = Showroom.objects.create(
        **{name: data.get(name) for name in SHOWROOM_FIELDS}, **unit.fields(),
        created_by=_user(actor),
    )  # fmt: skip
    showroom.products.set(products)
    after = {**snapshot(showroom, SHOWROOM_FIELDS), "products": len(products)}
    audit_record(actor=actor, action="showroom.record", obj=showroom, after=after)
    return showroom


@transaction.atomic
def showroom_set_products(*, actor, showroom: Showroom, products: list[Product]) -> Showroom:
    """Side effects: replaces the products on display; one audit entry."""
    require_unit(actor, unit_of(showroom))
    showroom = lock(showroom)
    _check_products(actor, products)
    before = {"products": sorted(showroom.products.values_list("pk", flat=True))}
    showroom.products.set(products)
    audit_record(actor=actor, action="showroom.products", obj=showroom, before=before,
                 after={"products": sorted(p.pk for p in products)})  # fmt: skip
    return showroom


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None
