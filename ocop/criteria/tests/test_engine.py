"""The engine on the fixture sheet (minima: 1.1 → 5/10/10, 1.2 → 5★ 10, 1.10 → 4★/5★ 5,
2.2 → 10, 3 → 4★/5★ 25)."""

from decimal import Decimal
from fractions import Fraction

import pytest

from ocop.criteria.engine import (
    AnswerError,
    Outcome,
    aggregate,
    band_for,
    display_score,
    score_sheet,
)
from ocop.criteria.messages import text

TOP = {"1.1": 10, "1.2": 10, "1.10": 20, "2.1": 5, "2.2": 20, "3": 35}


def test_top_answers_score_100_and_five_stars(fixture_sheet):
    result = score_sheet(fixture_sheet, TOP)
    assert (result.total, dict(result.parts)) == (100, {"A": 40, "B": 25, "C": 35})
    assert (result.band_stars, result.stars, result.recognised) == (5, 5, True)
    assert (dict(result.held_back), result.failed_minima) == ({}, [])


def test_held_back_lists_each_class_and_sorts_codes_in_sheet_order(fixture_sheet):
    # 1.2 = 4 (5★ needs 10), 1.10 = 0 (4★ and 5★ need 5): 100 - 6 - 20 = 74 → band 4, awarded 3★.
    result = score_sheet(fixture_sheet, {**TOP, "1.2": 4, "1.10": 0})
    assert (result.total, result.band_stars, result.stars) == (74, 4, 3)
    assert dict(result.held_back) == {4: ["1.10"]}
    # 100 - 6 - 15 = 79 → band 4, the 4★ minima hold.
    result = score_sheet(fixture_sheet, {**TOP, "1.2": 4, "1.10": 5})
    assert (result.total, result.stars, dict(result.held_back)) == (79, 4, {})
    # 1.1 = 5 (4★ needs 10) and 1.10 = 0: both fail 4★, sorted in sheet order, not as text.
    result = score_sheet(fixture_sheet, {**TOP, "1.1": 5, "1.10": 0})
    assert (result.total, result.stars, result.failed_minima) == (75, 3, ["1.1", "1.10"])


def test_five_star_band_held_back_at_two_classes(fixture_sheet):
    # 1.2 = 4 and 1.10 = 10 (=94 → band 5): 5★ fails on 1.2 only; awarded 4★.
    result = score_sheet(fixture_sheet, {**TOP, "1.2": 4, "1.10": 20})
    assert (result.total, result.band_stars, result.stars) == (94, 5, 4)
    assert (dict(result.held_back), result.failed_minima) == ({5: ["1.2"]}, ["1.2"])
    # 1.1 = 5 also fails 4★ (needs 10): held back at 4★ and 5★, awarded 3★.
    result = score_sheet(fixture_sheet, {**TOP, "1.1": 5, "1.2": 10, "3": 35})
    assert (result.total, result.stars) == (95, 3)
    assert dict(result.held_back) == {4: ["1.1"], 5: ["1.1"]}


def test_below_three_star_minima_is_not_recognised(fixture_sheet):
    # 2.2 = 0 fails the 3★ minimum (10): 80 points, band 4, stars min(4, 2) = 2.
    result = score_sheet(fixture_sheet, {**TOP, "2.2": 0})
    assert (result.total, result.band_stars, result.stars, result.recognised) == (80, 4, 2, False)
    assert dict(result.held_back) == {3: ["2.2"], 4: ["2.2"]}
    assert result.failed_minima == ["2.2"]


def test_low_band_has_no_minima(fixture_sheet):
    zero = dict.fromkeys(TOP, 0)
    result = score_sheet(fixture_sheet, zero)
    assert (result.total, result.band_stars, result.stars, result.recognised) == (0, 1, 1, False)
    assert (dict(result.held_back), result.failed_minima) == ({}, [])


@pytest.mark.parametrize(
    ("answers", "message", "criterion"),
    [
        ({**TOP, "1.1": 3}, "tiêu chí 1.1 không có mức 3 điểm (các mức: 0, 2, 5, 10)", "1.1"),
        ({**TOP, "2.1": 1}, "tiêu chí 2.1 không có mức 1 điểm (các mức: 0, 5)", "2.1"),
        ({**TOP, "2.1": True}, "tiêu chí 2.1 không có mức True điểm (các mức: 0, 5)", "2.1"),
        ({k: v for k, v in TOP.items() if k != "2.2"}, "thiếu điểm tiêu chí 2.2", "2.2"),
        ({**TOP, "9.9": 1}, "phiếu bộ sản phẩm 1 không có tiêu chí 9.9", "9.9"),
    ],
)
def test_bad_answers_raise_a_vietnamese_message(fixture_sheet, answers, message, criterion):
    with pytest.raises(AnswerError) as caught:
        score_sheet(fixture_sheet, answers)
    assert (text(caught.value), caught.value.criterion) == (message, criterion)


def test_outcome_ends_with_no_stars_and_the_reason(fixture_sheet):
    stop = Outcome("stop", "Có tạp chất nguy hại")
    result = score_sheet(fixture_sheet, {"1.1": 10, "2.1": 5}, outcome=stop)
    assert (result.total, result.band_stars, result.stars, result.recognised) == (
        15,
        None,
        None,
        False,
    )
    assert result.outcome == stop
    council = aggregate([result, score_sheet(fixture_sheet, TOP)])
    assert (council.stars, council.band_stars, council.outcome) == (None, None, stop)


def test_bands_are_half_open_on_exact_values():
    assert [band_for(v) for v in (0, 29, 30, 49, 50, 69, 70, 89, 90, 100)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
        5,
        5,
    ]
    assert band_for(Fraction(8999, 100)) == 4
    assert band_for(Fraction(179, 2)) == 4
    assert band_for(Fraction(4999, 100)) == 2


def test_display_truncates_never_rounds_up():
    assert display_score(Fraction(89999, 1000)) == Decimal("89.99")
    assert display_score(Fraction(269, 3)) == Decimal("89.66")
    assert display_score(90) == Decimal("90.00")
    assert str(display_score(Fraction(1, 3))) == "0.33"


def test_council_averages_exactly_and_checks_minima_on_average_points(fixture_sheet):
    # Totals 100 and 79 → average 179/2 = 89.5: band 4. 1.10 averages (20 + 5) / 2 = 12.5 ≥ 5.
    results = [
        score_sheet(fixture_sheet, TOP),
        score_sheet(fixture_sheet, {**TOP, "1.2": 4, "1.10": 5}),
    ]
    council = aggregate(results)
    assert (council.average, council.average_display) == (Fraction(179, 2), Decimal("89.50"))
    assert (council.lowest, council.highest, council.spread, council.spread_exceeded) == (
        79,
        100,
        21,
        True,
    )
    assert (council.band_stars, council.stars, council.recognised) == (4, 4, True)
    assert council.criterion_averages["1.10"] == Fraction(25, 2)
    assert council.part_averages == {"A": Fraction(59, 2), "B": 25, "C": 35}  # A: (40 + 19) / 2


def test_council_minimum_fails_on_the_average_even_if_one_member_gave_it(fixture_sheet):
    # 2.2: 20 and 0 → average 10 holds the 3★ minimum; 10 and 0 → 5 fails it.
    holds = aggregate(
        [score_sheet(fixture_sheet, TOP), score_sheet(fixture_sheet, {**TOP, "2.2": 0})]
    )
    assert (holds.average, holds.stars, holds.spread_exceeded) == (90, 5, True)
    fails = aggregate(
        [
            score_sheet(fixture_sheet, {**TOP, "2.2": 10}),
            score_sheet(fixture_sheet, {**TOP, "2.2": 0}),
        ]
    )
    assert (fails.average, fails.band_stars, fails.stars, fails.failed_minima) == (
        85,
        4,
        2,
        ["2.2"],
    )
