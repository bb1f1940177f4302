"""Which authority level and rule set fit a recognition (pure: no database)."""

from datetime import date

import pytest

from ocop.certificates.recognition import Problem, level_problem, rules_in_force, rules_problem


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 12, 20), ["1048-2019"]),
        (date(2023, 2, 23), ["1048-2019"]),
        (date(2023, 2, 24), ["148-2023"]),
        (date(2026, 5, 21), ["148-2023"]),
        (date(2026, 5, 22), ["148-2023", "26-2026"]),
        (date(2026, 7, 21), ["148-2023", "26-2026"]),
        (date(2026, 7, 22), ["26-2026"]),
    ],
)
def test_rules_in_force_on_a_day(day, expected):
    assert rules_in_force(day) == expected


def test_rules_in_force_in_a_year_span():
    assert rules_in_force(date(2023, 1, 1), date(2023, 12, 31)) == ["1048-2019", "148-2023"]
    assert rules_problem("1048-2019", date(2023, 1, 1), date(2023, 12, 31)) is None
    assert rules_problem("26-2026", date(2025, 1, 1), date(2025, 12, 31)) == (
        Problem.RULES_NOT_IN_FORCE
    )


@pytest.mark.parametrize(
    ("stars", "level", "day", "expected"),
    [
        (5, "central", date(2020, 12, 20), None),
        (5, "province", date(2026, 6, 30), Problem.FIVE_STARS_NOT_CENTRAL),
        (5, "district_historic", date(2024, 3, 1), Problem.FIVE_STARS_NOT_CENTRAL),
        (4, "central", date(2026, 6, 30), Problem.CENTRAL_NOT_FIVE_STARS),
        (3, "central", date(2026, 6, 30), Problem.CENTRAL_NOT_FIVE_STARS),
        (3, "province", date(2019, 12, 20), None),
        (4, "province", date(2024, 3, 1), None),
        (2, "province", date(2024, 3, 1), Problem.PROVINCE_NOT_THREE_FOUR),
        (4, "district_historic", date(2024, 3, 1), Problem.DISTRICT_NOT_THREE),
        (3, "district_historic", date(2023, 2, 23), Problem.DISTRICT_OUT_OF_PERIOD),
        (3, "district_historic", date(2023, 2, 24), None),
        (3, "district_historic", date(2025, 6, 30), None),
        (3, "district_historic", date(2025, 7, 1), Problem.DISTRICT_OUT_OF_PERIOD),
        (3, "district_historic", date(2020, 12, 20), Problem.DISTRICT_OUT_OF_PERIOD),
    ],
)
def test_level_problem(stars, level, day, expected):
    assert level_problem(stars, level, day) == expected


def test_district_level_fits_a_year_that_overlaps_its_period():
    assert level_problem(3, "district_historic", date(2023, 1, 1), date(2023, 12, 31)) is None
    assert level_problem(3, "district_historic", date(2022, 1, 1), date(2022, 12, 31)) == (
        Problem.DISTRICT_OUT_OF_PERIOD
    )
