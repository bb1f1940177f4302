"""Golden sheets of 148-2023, worked by hand from shared/reference/qd-148-2023/set-NN.csv.

Codes are the decision's own: group number + letter ("1.a", "3.đ"). Set 1, 3.e "Sở hữu trí tuệ****"
carries its marker on the criterion itself: its lowest option (1 point) is the 4★ and 5★ minimum."""

import pytest

from ocop.criteria.engine import score_sheet
from ocop.criteria.rules import load_rule_set


@pytest.fixture(scope="module")
def rules_148():
    return load_rule_set("148-2023")


SET_1 = {
    "1.a": 3, "1.b": 2, "1.c": 2, "1.d": 2, "1.đ": 1, "1.e": 1,
    "2.a": 4, "2.b": 2, "2.c": 3,
    "3.a": 2, "3.b": 1, "3.c": 3, "3.d": 2, "3.đ": 1, "3.e": 1,
    "4.a": 3, "4.b": 3, "4.c": 3,
    "5.a": 3, "5.b": 5, "5.c": 1,
    "6.a": 2, "6.b": 3, "6.c": 3, "6.d": 2,
    "7.a": 2, "8.a": 3, "9.a": 2, "9.b": 3, "10.a": 3, "11.a": 1, "12.a": 1,
}  # fmt: skip


def test_set_1_four_stars(rules_148):
    # A: 3+2+2+2+1+1 = 11; 4+2+3 = 9; 2+1+3+2+1+1 = 10 → 30. B: 3+3+3 = 9; 3+5+1 = 9 → 18.
    # C: 2+3+3+2 = 10; 7.a 2; 8.a 3; 9: 2+3 = 5; 10.a 3; 11.a 1; 12.a 1 → 25. Total 73 → band 4.
    # 4★ minima: 1.c ≥ 2, 1.d ≥ 2, 1.đ ≥ 1, 2.a ≥ 4, 2.c ≥ 3, 3.d ≥ 2, 3.e ≥ 1 (criterion ****),
    # 5.b ≥ 5, 6.a ≥ 2, 6.b ≥ 3, 8.a ≥ 3, 9.a ≥ 2, 10.a ≥ 3: all hold → 4★.
    result = score_sheet(rules_148.sheets[1], SET_1)
    assert (result.total, dict(result.parts)) == (73, {"A": 30, "B": 18, "C": 25})
    assert (result.band_stars, result.stars, dict(result.held_back)) == (4, 4, {})


def test_set_1_held_back_by_a_marker_on_the_criterion(rules_148):
    # 3.e = 0 ("no option met"): 72, band 4; the criterion's **** makes 1 point its 4★ minimum.
    # 3★ minima (5.b ≥ 3, 9.a ≥ 2, 10.a ≥ 2) hold → 3★.
    result = score_sheet(rules_148.sheets[1], {**SET_1, "3.e": 0})
    assert (result.total, dict(result.parts)) == (72, {"A": 29, "B": 18, "C": 25})
    assert (result.band_stars, result.stars) == (4, 3)
    assert (dict(result.held_back), result.failed_minima) == ({4: ["3.e"]}, ["3.e"])


def test_set_14_two_stars(rules_148):
    # A: 1+1+1+0+0+0 = 3; 1+1+1 = 3; 1+0+1+1+1+0 = 4 → 10. B: 2+1+1 = 4; 1+3+0 = 4 → 8.
    # C: 1+1+2+2 = 6; 7: 1; 8.a 2 + 8.b 1 = 3; 9: 2; 10: 1 → 13. Total 31 → band 2: 2★, no minima.
    answers = {
        "1.a": 1, "1.b": 1, "1.c": 1, "1.d": 0, "1.đ": 0, "1.e": 0,
        "2.a": 1, "2.b": 1, "2.c": 1,
        "3.a": 1, "3.b": 0, "3.c": 1, "3.d": 1, "3.đ": 1, "3.e": 0,
        "4.a": 2, "4.b": 1, "4.c": 1,
        "5.a": 1, "5.b": 3, "5.c": 0,
        "6.a": 1, "6.b": 1, "6.c": 2, "6.d": 2,
        "7": 1, "8.a": 2, "8.b": 1, "9": 2, "10": 1,
    }  # fmt: skip
    result = score_sheet(rules_148.sheets[14], answers)
    assert (result.total, dict(result.parts)) == (31, {"A": 10, "B": 8, "C": 13})
    assert (result.band_stars, result.stars, result.recognised) == (2, 2, False)
    assert (dict(result.held_back), result.failed_minima) == ({}, [])
    # 9 = 0 and 10 = 3 keep 31: 9 fails its 3★ minimum (2, ***) but at band 2 no minima apply.
    moved = score_sheet(rules_148.sheets[14], {**answers, "9": 0, "10": 3})
    assert (moved.total, moved.stars, moved.failed_minima) == (31, 2, [])
