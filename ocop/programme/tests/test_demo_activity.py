"""The demo's training, promotion and 2026 cycle: all 23 Phú Xuyên producers trained, officials
too, one showroom, the events, ideas and plans at every stage; a second run changes nothing."""

import pytest

from ocop.accounts.demo import seed_accounts
from ocop.places.models import Commune, HistoricUnit
from ocop.programme.demo_activity import seed_activity
from ocop.programme.models import (
    Attendance,
    BusinessPlan,
    Course,
    CycleWindow,
    Event,
    Idea,
    Showroom,
)
from ocop.registry.demo import seed_registry

pytestmark = pytest.mark.django_db


def counts() -> tuple:
    return tuple(
        m.objects.count()
        for m in (Course, Attendance, Showroom, Event, Idea, BusinessPlan, CycleWindow)
    )


def test_demo_trains_all_23_producers_and_tells_the_2026_cycle(territory):
    for code, name in (("10330", "Xã Chuyên Mỹ"), ("10333", "Xã Đại Xuyên")):
        Commune.objects.create(
            code=code, name=name, division_type="xã", province=territory.province_p
        )
    HistoricUnit.objects.create(code="280", name="Huyện Phú Xuyên", level="district",
                                division_type="huyện", province=territory.province_p)  # fmt: skip
    seed_accounts()
    seed_registry()
    seed_activity()
    first = counts()
    seed_activity()
    assert counts() == first
    assert Course.objects.filter(historic_unit__code="280").count() == 3
    trained = Attendance.objects.filter(kind="producer").values("producer").distinct().count()
    assert trained == 23
    assert Attendance.objects.filter(kind="official", user__username="commune").count() == 2
    assert Attendance.objects.filter(kind="official").count() == 3 + 3 + 5 + 1 + 1
    own = Course.objects.get(commune__code="10273")
    assert own.attendances.filter(kind="producer").count() == 6
    assert sorted(Idea.objects.filter(year=2026).values_list("status", flat=True)) == sorted(
        ["submitted", "accepted", "returned", "accepted", "accepted", "accepted"]
    )
    assert sorted(BusinessPlan.objects.values_list("status", flat=True)) == [
        "approved",
        "returned",
        "submitted",
    ]
    approved = BusinessPlan.objects.get(status="approved")
    assert approved.product.name == "Gạo nếp cái hoa vàng Phú Xuyên"
    assert Showroom.objects.get().products.count() == 20
    assert set(Event.objects.values_list("kind", flat=True)) == {"showroom_opening", "fair"}
    assert CycleWindow.objects.filter(commune__code="10273", year=2026).count() == 6
