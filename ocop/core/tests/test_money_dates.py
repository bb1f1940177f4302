from datetime import date

import pytest

from ocop.core.dates import format_date, format_date_long, weekday_name
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
    assert format_date_long(day) == "ngày 22 tháng 05 năm 2026"
    assert weekday_name(day) == "Thứ Sáu"
