"""targets.py on concrete dates (no database)."""

from datetime import date

from ocop.programme.targets import AT_RISK, BEHIND, ON_TRACK, Period, percent, status

PLAN = Period(2021, 2025)  # 1826 days


def test_elapsed_share_on_concrete_days():
    assert PLAN.elapsed(date(2020, 12, 31)) == 0.0
    assert PLAN.elapsed(date(2021, 1, 1)) == 1 / 1826
    assert PLAN.elapsed(date(2023, 7, 2)) == 913 / 1826  # exactly half way
    assert PLAN.elapsed(date(2025, 12, 31)) == 1.0
    assert PLAN.elapsed(date(2026, 3, 1)) == 1.0
    assert PLAN.label == "2021-2025"


def test_percent_rounds_to_one_decimal_and_has_none_for_a_zero_target():
    assert percent(97, 200) == 48.5
    assert percent(1, 3) == 33.3
    assert percent(250, 200) == 125.0
    assert percent(5, 0) is None


def test_half_way_through_the_period_half_the_target_is_on_track():
    half = date(2023, 7, 2)
    assert status(actual=100, target=200, period=PLAN, today=half) == ON_TRACK
    assert status(actual=80, target=200, period=PLAN, today=half) == AT_RISK  # 80 % of 100 due
    assert status(actual=79, target=200, period=PLAN, today=half) == BEHIND


def test_before_the_period_and_when_reached_it_is_on_track():
    assert status(actual=0, target=200, period=PLAN, today=date(2020, 6, 1)) == ON_TRACK
    assert status(actual=200, target=200, period=PLAN, today=date(2021, 1, 1)) == ON_TRACK
    assert status(actual=0, target=0, period=PLAN, today=date(2024, 1, 1)) == ON_TRACK


def test_after_the_period_anything_short_of_the_target_is_behind():
    assert status(actual=199, target=200, period=PLAN, today=date(2026, 1, 1)) == BEHIND
    assert status(actual=199, target=200, period=PLAN, today=date(2025, 12, 31)) == AT_RISK
    assert status(actual=201, target=200, period=PLAN, today=date(2026, 12, 1)) == ON_TRACK
