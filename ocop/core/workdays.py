"""Working days in Vietnam: Monday to Friday, minus public holidays (Tết, Hùng Kings day, …),
plus the Saturdays the government swaps in as working days, as the `holidays` package lists them
for Vietnam (days off and swapped working Saturdays both). Pure, no Django.

Swaps the government announces after the pinned `holidays` release are not known here until the
package is upgraded (requirements.lock).

Deadlines such as "the commune has 15 working days" count from the day after the start date.
"""

from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _calendar(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year)


def holiday_name(day: date) -> str | None:
    names = holidays.country_holidays("VN", years=day.year, language="vi")
    name = names.get(day)
    return str(name) if name else None


def is_working_day(day: date) -> bool:
    return bool(_calendar(day.year).is_working_day(day))


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (start itself not counted)."""
    if days < 0:
        raise ValueError("days must be zero or more")
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        count += is_working_day(current)
    return count
