from datetime import date

import pytest

from ocop.core.dates import format_date, format_date_long, place_date_line, weekday_name
from ocop.core.money import format_dong


def test_seed_story_budget():
    assert format_dong(968_721_000) == "968.721.000 đồng"
    assert format_dong(5_000_000_000) == "5.000.000.000 đồng"


def test_small_and_negative_amounts():
    assert format_dong(0) == "0 đồng"
    assert format_dong(999) == "999 đồng"
    assert format_dong(-1_500) == "-1.500 đồng"


@pytest.mark.parametrize("value", [1.5, "1000", True])
def test_money_refuses_anything_but_integers(value):
    with pytest.raises(TypeError):
        format_dong(value)


def test_vietnamese_dates():
    day = date(2026, 5, 22)
    assert format_date(day) == "22/05/2026"
    assert format_date_long(day) == "ngày 22 tháng 5 năm 2026"
    assert weekday_name(day) == "Thứ Sáu"


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 9, 5), "ngày 05 tháng 9 năm 2026"),
        (date(2026, 1, 15), "ngày 15 tháng 01 năm 2026"),
        (date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (date(2026, 3, 1), "ngày 01 tháng 3 năm 2026"),
        (date(2026, 12, 10), "ngày 10 tháng 12 năm 2026"),
        (date(2026, 11, 9), "ngày 09 tháng 11 năm 2026"),
    ],
)
def test_long_dates_follow_decree_30_2020(day, text):
    # Leading zero only for days below 10 and for months 1 and 2.
    assert format_date_long(day) == text


def test_place_date_line():
    assert place_date_line("Hà Nội", date(2026, 9, 5)) == "Hà Nội, ngày 05 tháng 9 năm 2026"
    assert place_date_line("Xã Phú Xuyên", None) == "Xã Phú Xuyên, ngày … tháng … năm …"
