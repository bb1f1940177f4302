from datetime import date

import pytest

from ocop.core.workdays import add_working_days, holiday_name, is_working_day, working_days_between


def test_weekends_are_not_working_days():
    assert is_working_day(date(2026, 11, 27))  # Friday
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert not is_working_day(date(2026, 11, 29))  # Sunday


def test_tet_2026_is_skipped():
    # Tết Bính Ngọ: 16–20 Feb 2026 (Mon–Fri) are holidays, so a 15-working-day deadline
    # started on Friday 6 Feb 2026 runs: 9–13 Feb (5), 23–27 Feb (10), 2–6 Mar (15).
    for day in range(16, 21):
        assert not is_working_day(date(2026, 2, day))
    assert add_working_days(date(2026, 2, 6), 15) == date(2026, 3, 6)


def test_hung_kings_day_and_its_observed_day_2026():
    # 10/3 âm lịch falls on Sunday 26 Apr 2026; the day off moves to Monday 27 Apr.
    assert not is_working_day(date(2026, 4, 27))
    assert add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)


def test_across_the_year_boundary():
    # Wed 24 Dec 2025 + 6 working days: 25, 26, 29, 30, 31 Dec, then 1 Jan 2026 is a holiday → 2 Jan.
    assert add_working_days(date(2025, 12, 24), 6) == date(2026, 1, 2)
    assert working_days_between(date(2025, 12, 24), date(2026, 1, 2)) == 6


def test_tet_2027_spans_a_weekend():
    # 4–10 Feb 2027 are holidays; Fri 29 Jan 2027 + 5 working days = 1, 2, 3 Feb, then 11, 12 Feb.
    assert add_working_days(date(2027, 1, 29), 5) == date(2027, 2, 12)


def test_zero_days_and_errors():
    assert add_working_days(date(2026, 11, 28), 0) == date(2026, 11, 28)
    assert working_days_between(date(2026, 3, 6), date(2026, 2, 6)) == 0
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 1), -1)


def test_holiday_names_in_vietnamese():
    assert holiday_name(date(2026, 2, 17)) is not None
    assert holiday_name(date(2026, 2, 23)) is None


def test_a_saturday_swapped_in_as_a_working_day_counts():
    # 2026: Saturday 22 Aug is worked in exchange for Monday 31 Aug off (before National Day).
    assert is_working_day(date(2026, 8, 22))
    assert not is_working_day(date(2026, 8, 31))
    # The commune's 15 working days from Monday 10 Aug 2026: 11–14, 17–21, Sat 22, 24–28 Aug.
    assert add_working_days(date(2026, 8, 10), 15) == date(2026, 8, 28)
