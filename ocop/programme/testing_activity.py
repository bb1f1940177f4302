"""Test helpers of the annual cycle, training and promotion: one small set of records in commune X
(province P), made with the services as the users would. Used by the app's tests and by the
permission matrix's world (tests/world.py)."""

from dataclasses import dataclass
from datetime import date

from ocop.registry.models import Producer, Product

from .choices import AttendeeKind, Audience, EventKind, OutletKind
from .models import Attendance, BusinessPlan, Course, CycleWindow, Event, Idea, Showroom
from .services_cycle import cycle_open, idea_register, idea_screen, plan_submit
from .services_training import Attendee, course_record, event_record, showroom_record
from .units import resolve_unit

COURSE = {
    "title": "Tập huấn xây dựng hồ sơ OCOP", "topic": "Hồ sơ và tiêu chí 26/2026",
    "audience": Audience.BOTH, "start_date": date(2026, 3, 10), "end_date": date(2026, 3, 11),
    "place": "Hội trường UBND xã", "organiser": "UBND xã Phú Xuyên",
}  # fmt: skip


@dataclass
class Activity:
    idea: Idea  # submitted, producer A's
    accepted: Idea  # accepted, with a submitted plan
    plan: BusinessPlan
    course: Course  # commune X, producer A and an official attended
    attendance: Attendance
    event: Event
    showroom: Showroom
    window: CycleWindow  # step 2 of commune X's 2026 cycle


def idea_data(producer: Producer, title: str = "Trà sen Phú Xuyên") -> dict:
    return {"producer": producer, "year": 2026, "title": title, "set_number": 12,
            "description": "Trà ướp sen Đầm Sen của xã"}  # fmt: skip


def producer_attendee(producer: Producer) -> Attendee:
    return Attendee(AttendeeKind.PRODUCER, producer.representative_name or producer.name, producer,
                    gender="female", ethnic_group="Kinh")  # fmt: skip


def build_activity(commune_officer, producer: Producer, product: Product) -> Activity:
    """Records of commune X (where `producer` is), by its commune officer."""
    unit = resolve_unit(producer.commune.code)
    idea = idea_register(actor=commune_officer, **idea_data(producer))
    accepted = idea_register(actor=commune_officer, **idea_data(producer, "Mứt sen Phú Xuyên"))
    accepted = idea_screen(actor=commune_officer, idea=accepted, accept=True)
    plan = plan_submit(actor=commune_officer, idea=accepted, title="Phương án mứt sen",
                       summary="Sản xuất 2 tấn mứt sen mỗi năm", support_amount=50_000_000)  # fmt: skip
    official = Attendee(AttendeeKind.OFFICIAL, "Trần Văn Cán", unit_name="UBND xã", gender="male")
    course = course_record(actor=commune_officer, unit=unit, data=COURSE,
                           attendees=[producer_attendee(producer), official])  # fmt: skip
    event = event_record(actor=commune_officer, unit=unit, products=[product], data={
        "kind": EventKind.FAIR, "name": "Hội chợ OCOP xã", "start_date": date(2026, 4, 1),
        "end_date": date(2026, 4, 3), "place": "Sân vận động xã", "organiser": "UBND xã",
    })  # fmt: skip
    showroom = showroom_record(actor=commune_officer, unit=unit, products=[product], data={
        "kind": OutletKind.POINT_OF_SALE, "name": "Điểm bán OCOP xã", "address": "Thôn 1",
        "location": producer.commune, "operator": "HTX Phú Xuyên", "opened_on": date(2025, 9, 2),
    })  # fmt: skip
    cycle_open(actor=commune_officer, unit=unit, year=2026)
    window = CycleWindow.objects.get(year=2026, step=2, **unit.fields())
    attendance = course.attendances.get(producer=producer)
    return Activity(idea, accepted, plan, course, attendance, event, showroom, window)
