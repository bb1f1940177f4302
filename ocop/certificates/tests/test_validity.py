from datetime import date

import pytest

from ocop.certificates import validity
from ocop.certificates.validity import (
    Milestone,
    Standing,
    add_months,
    milestones_due,
    revocation_deadline,
    standing_on,
    valid_until,
    window_end,
    window_start,
)


@pytest.mark.parametrize(
    ("issued", "until"),
    [
        (date(2026, 6, 30), date(2029, 6, 30)),
        (date(2023, 1, 31), date(2026, 1, 31)),
        (date(2023, 5, 31), date(2026, 5, 31)),
        (date(2024, 2, 29), date(2027, 2, 28)),  # leap day → last day of February
        (date(2025, 2, 28), date(2028, 2, 28)),  # 2028 is a leap year: still the 28th
        (date(2023, 12, 31), date(2026, 12, 31)),
    ],
)
def test_valid_until_is_36_months_same_day(issued, until):
    assert valid_until(issued) == until


def test_add_months_clamps_to_the_last_day_of_a_shorter_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 3, 31), 1) == date(2026, 4, 30)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert add_months(date(2026, 3, 15), -36) == date(2023, 3, 15)


def test_window_runs_from_180_to_120_days_before_expiry():
    until = date(2029, 6, 30)
    assert window_start(until) == date(2029, 1, 1)
    assert window_end(until) == date(2029, 3, 2)


@pytest.mark.parametrize(
    ("day", "standing"),
    [
        (date(2028, 12, 31), Standing.VALID),  # 181 days before
        (date(2029, 1, 1), Standing.REEVALUATION),  # 180 days before: window opens
        (date(2029, 3, 2), Standing.REEVALUATION),  # 120 days before: last day of the window
        (date(2029, 3, 3), Standing.VALID),  # 119 days before: window closed, still valid
        (date(2029, 6, 30), Standing.VALID),  # the last day of validity
        (date(2029, 7, 1), Standing.EXPIRED),
    ],
)
def test_standing_at_the_edges(day, standing):
    assert standing_on(day, date(2029, 6, 30)) == standing


def test_milestones_due():
    until = date(2029, 6, 30)
    assert milestones_due(date(2028, 12, 31), until) == []
    assert milestones_due(date(2029, 1, 1), until) == [Milestone.WINDOW_OPENED]
    assert milestones_due(date(2029, 1, 30), until) == [Milestone.WINDOW_OPENED]
    # 30 days before the window's last day (2 Mar 2029)
    assert milestones_due(date(2029, 1, 31), until) == [
        Milestone.WINDOW_OPENED,
        Milestone.WINDOW_CLOSING,
    ]
    assert milestones_due(date(2029, 3, 3), until) == []
    assert milestones_due(date(2029, 7, 1), until) == [Milestone.EXPIRED]


def test_revocation_deadline_is_15_days_after_the_conclusion():
    assert revocation_deadline(date(2026, 11, 20)) == date(2026, 12, 5)


def test_the_month_rule_cites_the_civil_code_not_a_library():
    assert "dateutil" not in validity.__doc__
    assert "Civil Code 2015 (Bộ luật Dân sự, Law 91/2015/QH13): by Art. 147" in " ".join(
        validity.__doc__.split()
    )
    assert "by Art. 148" in validity.__doc__
