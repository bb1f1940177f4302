"""Ten concurrent submissions of each cycle and training action have exactly one effect: an idea
screened once, one business plan per idea, a plan decided once, a person on a course once."""

import pytest

from ocop.core.models import AuditEntry
from ocop.core.testing import assert_one_effect, run_at_once
from ocop.programme.models import Attendance, BusinessPlan, Course, Idea
from ocop.programme.services_cycle import idea_register, idea_screen, plan_decide, plan_submit
from ocop.programme.services_training import attendance_add, course_record
from ocop.programme.testing_activity import COURSE, idea_data, producer_attendee
from ocop.programme.units import resolve_unit
from ocop.registry.testing import make_producer

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def producer(territory, personas):
    return make_producer(territory.commune_x, "HTX Phú Xuyên", 1, personas["producer_a"])


@pytest.fixture
def accepted(producer, personas):
    idea = idea_register(actor=personas["producer_a"], **idea_data(producer))
    return idea_screen(actor=personas["commune_x"], idea=idea, accept=True)


def test_ten_screenings_accept_an_idea_once(producer, personas):
    pk = idea_register(actor=personas["producer_a"], **idea_data(producer)).pk
    race = run_at_once(lambda: idea_screen(
        actor=personas["commune_x"], idea=Idea.objects.get(pk=pk), accept=True))  # fmt: skip
    assert_one_effect(race)
    assert Idea.objects.get(pk=pk).status == "accepted"
    assert AuditEntry.objects.filter(action="idea.accepted").count() == 1


def test_ten_submissions_make_one_business_plan(accepted, personas):
    race = run_at_once(lambda: plan_submit(
        actor=personas["producer_a"], idea=Idea.objects.get(pk=accepted.pk), title="PA",
        summary="Nội dung"))  # fmt: skip
    assert_one_effect(race)
    assert BusinessPlan.objects.count() == 1
    assert AuditEntry.objects.filter(action="business_plan.submit").count() == 1


def test_ten_approvals_decide_a_plan_once(accepted, personas):
    pk = plan_submit(actor=personas["producer_a"], idea=accepted, title="PA", summary="Nội dung").pk
    race = run_at_once(lambda: plan_decide(
        actor=personas["province_p"], plan=BusinessPlan.objects.get(pk=pk), approve=True))  # fmt: skip
    assert_one_effect(race)
    assert AuditEntry.objects.filter(action="business_plan.approved").count() == 1


def test_ten_additions_put_a_producer_on_a_course_once(producer, personas, territory):
    other = make_producer(territory.commune_x, "HTX Nam Phong", 2)
    course = course_record(actor=personas["commune_x"], unit=resolve_unit("10273"), data=COURSE,
                           attendees=[producer_attendee(producer)])  # fmt: skip
    race = run_at_once(lambda: attendance_add(
        actor=personas["commune_x"], course=Course.objects.get(pk=course.pk),
        attendees=[producer_attendee(other)]))  # fmt: skip
    assert_one_effect(race)
    assert Attendance.objects.filter(producer=other).count() == 1
