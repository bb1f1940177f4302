"""Golden sheets of 26-2026, worked by hand from Phụ lục II of the decision text
(shared/reference/qd-26-2026/qd-26-2026-QD-TTg.txt), not from the data files.

Markers read from the text: *** = 3★ minimum, **** = 4★, ***** = 5★. For class N a criterion needs
the highest points among its options marked N or lower."""

from decimal import Decimal
from fractions import Fraction

import pytest

from ocop.criteria.advisor import advise
from ocop.criteria.engine import aggregate, score_sheet
from ocop.criteria.messages import advice_text
from ocop.criteria.rules import load_rule_set


@pytest.fixture(scope="module")
def rules_26():
    return load_rule_set("26-2026")


# Set 1 (Rau, củ, quả, hạt tươi), every criterion at its maximum.
SET_1_TOP = {
    "1.1": 3, "1.2": 2, "1.3": 3, "1.4": 3, "1.5": 3, "1.6": 3, "1.7": 1,
    "2.1": 3, "2.2": 3, "2.3": 3, "2.4": 1,
    "3.1": 3, "3.2": 1, "3.3": 3, "3.4": 2, "3.5": 3,
    "4.1": 5, "4.2": 3, "4.3": 5,
    "5.1": 5, "5.2": 2, "5.3": 5,
    "6.1": 2, "6.2": 4, "6.3": 3, "6.4": 3,
    "7": 3, "8": 5, "9": 5, "10": 5, "11": 2, "12": 3,
}  # fmt: skip


def test_set_1_top_is_100(rules_26):
    result = score_sheet(rules_26.sheets[1], SET_1_TOP)
    assert (result.total, dict(result.parts), result.stars) == (100, {"A": 40, "B": 25, "C": 35}, 5)


def test_set_1_held_back_at_3_stars_by_two_minima(rules_26):
    # A: group 1 = 3+1+2+2+2+1+1 = 12; group 2 = 1+2+1+1 = 5; group 3 = 3+0+3+2+2 = 10 → 27.
    # B: group 4 = 3+2+3 = 8; group 5 = 5+2+3 = 10 → 18.
    # C: group 6 = 2+3+3+2 = 10; 7 = 3; 8 = 3; 9 = 4; 10 = 3; 11 = 2; 12 = 1 → 26. Total 71 → band 4.
    # 4★ minima: 2.1 needs 3 (option 3 ****) but has 1; 2.3 needs 3 (****) but has 1; the rest hold
    # (1.5 ≥ 2, 1.6 ≥ 1, 2.2 ≥ 2, 3.4 ≥ 2, 3.5 ≥ 2, 4.1 ≥ 3, 5.1 ≥ 5, 5.3 ≥ 1, 6.1 ≥ 2, 6.2 ≥ 3,
    # 8 ≥ 3, 9 ≥ 2, 10 ≥ 3). 3★ minima hold (2.2 ≥ 2, 2.3 ≥ 1, 3.5 ≥ 1, 4.1 ≥ 2, 5.3 ≥ 1, 9 ≥ 2,
    # 10 ≥ 1). Awarded 3★.
    answers = {
        "1.1": 3, "1.2": 1, "1.3": 2, "1.4": 2, "1.5": 2, "1.6": 1, "1.7": 1,
        "2.1": 1, "2.2": 2, "2.3": 1, "2.4": 1,
        "3.1": 3, "3.2": 0, "3.3": 3, "3.4": 2, "3.5": 2,
        "4.1": 3, "4.2": 2, "4.3": 3,
        "5.1": 5, "5.2": 2, "5.3": 3,
        "6.1": 2, "6.2": 3, "6.3": 3, "6.4": 2,
        "7": 3, "8": 3, "9": 4, "10": 3, "11": 2, "12": 1,
    }  # fmt: skip
    result = score_sheet(rules_26.sheets[1], answers)
    assert (result.total, dict(result.parts)) == (71, {"A": 27, "B": 18, "C": 26})
    assert (result.band_stars, result.stars, result.recognised) == (4, 3, True)
    assert (dict(result.held_back), result.failed_minima) == ({4: ["2.1", "2.3"]}, ["2.1", "2.3"])
    # The cheapest way up: 2.1 and 2.3 from 1 to 3, 4 points.
    advice = advise(rules_26.sheets[1], answers)
    assert [(s.criterion, s.from_points, s.to_points) for s in advice.steps] == [
        ("2.1", 1, 3),
        ("2.3", 1, 3),
    ]
    assert (advice.target, advice.added_points) == (4, 4)
    assert advice_text(advice).startswith(
        "Để đạt 4 sao: tiêu chí 2.1 từ 1 lên 3 điểm — Sản phẩm được trồng ở nhiều nơi trên địa bàn"
    )
    assert "; tiêu chí 2.3 từ 1 lên 3 điểm — Ghi nhãn hàng hóa đầy đủ" in advice_text(advice)


# From the top, drop 10 points on unmarked criteria: 1.2 −2, 1.4 −3, 1.7 −1, 3.2 −1, 4.2 −3.
SET_1_NINETY = {**SET_1_TOP, "1.2": 0, "1.4": 0, "1.7": 0, "3.2": 0, "4.2": 0}


def test_set_1_ninety_is_five_stars_and_eighty_nine_is_four(rules_26):
    sheet = rules_26.sheets[1]
    ninety = score_sheet(sheet, SET_1_NINETY)
    # A = 40 − 2 − 3 − 1 − 1 = 33; B = 25 − 3 = 22; C = 35. Every 5★ minimum holds.
    assert (ninety.total, dict(ninety.parts)) == (90, {"A": 33, "B": 22, "C": 35})
    assert (ninety.band_stars, ninety.stars) == (5, 5)
    eighty_nine = score_sheet(sheet, {**SET_1_NINETY, "2.4": 0})
    assert (eighty_nine.total, eighty_nine.band_stars, eighty_nine.stars) == (89, 4, 4)
    # A council of 100: 99 sheets at 90, one at 89 → exactly 89.99: 4★, shown 89.99.
    council = aggregate([ninety] * 99 + [eighty_nine])
    assert (council.average, council.average_display) == (Fraction(8999, 100), Decimal("89.99"))
    assert (council.band_stars, council.stars, council.spread, council.spread_exceeded) == (
        4, 4, 1, False,
    )  # fmt: skip


def test_set_7_five_star_band_held_at_four_and_the_printed_slip(rules_26):
    # Set 7: all at the maximum except 1.5 = 2 (−1), 3.1 = 1 (the company option, printed 1;
    # −2), 4.3 = 3 (−2), 6.5 = 3 (−2). A = 40 − 3 = 37, B = 25 − 2 = 23, C = 35 − 2 = 33 → 93.
    # 5★ needs 1.5 = 3 (*****) and 6.5 = 5 (*****): both fail; 4★ (1.5 ≥ 2, 6.5 ≥ 3) holds.
    answers = {
        "1.1": 3, "1.2": 2, "1.3": 3, "1.4": 3, "1.5": 2, "1.6": 3, "1.7": 1,
        "2.1": 3, "2.2": 3, "2.3": 3, "2.4": 1,
        "3.1": 1, "3.2": 1, "3.3": 3, "3.4": 2, "3.5": 3,
        "4.1": 5, "4.2": 3, "4.3": 3,
        "5.1": 5, "5.2": 2, "5.3": 5,
        "6.1": 2, "6.2": 2, "6.3": 3, "6.4": 3, "6.5": 3,
        "7": 5, "8": 5, "9": 5, "10": 2, "11": 3,
    }  # fmt: skip
    result = score_sheet(rules_26.sheets[7], answers)
    assert (result.total, dict(result.parts)) == (93, {"A": 37, "B": 23, "C": 33})
    assert (result.band_stars, result.stars) == (5, 4)
    assert (dict(result.held_back), result.failed_minima) == ({5: ["1.5", "6.5"]}, ["1.5", "6.5"])
    assert rules_26.sheets[7].criterion("3.1").allowed == (0, 1, 3)
    advice = advise(rules_26.sheets[7], answers)
    assert [(s.criterion, s.to_points) for s in advice.steps] == [("1.5", 3), ("6.5", 5)]
    assert (advice.target, advice.added_points) == (5, 3)


def test_set_11_three_stars_with_sub_criteria(rules_26):
    # A: 2+1+2+3+1+1+1 = 11; 2+2+2+1 = 7; 3+1+3+1+1 = 9 → 27. B: 2+2+3 = 7; 3+1+3 = 7 → 14.
    # C: 6.1.1..6.2.3 = 1+1+2+2+3 = 9; 7 = 1; 8 = 4; 9 = 1; 10 = 2; 11 = 1 → 18. Total 59 → band 3.
    # 3★ minima: 1.1 ≥ 2 (*** on the 2-point option in this set), 2.2 ≥ 2, 2.3 ≥ 1, 3.5 ≥ 1,
    # 4.1 ≥ 2, 5.3 ≥ 1, 8 ≥ 2, 9 ≥ 1: all hold → 3★.
    answers = {
        "1.1": 2, "1.2": 1, "1.3": 2, "1.4": 3, "1.5": 1, "1.6": 1, "1.7": 1,
        "2.1": 2, "2.2": 2, "2.3": 2, "2.4": 1,
        "3.1": 3, "3.2": 1, "3.3": 3, "3.4": 1, "3.5": 1,
        "4.1": 2, "4.2": 2, "4.3": 3,
        "5.1": 3, "5.2": 1, "5.3": 3,
        "6.1.1": 1, "6.1.2": 1, "6.2.1": 2, "6.2.2": 2, "6.2.3": 3,
        "7": 1, "8": 4, "9": 1, "10": 2, "11": 1,
    }  # fmt: skip
    sheet = rules_26.sheets[11]
    result = score_sheet(sheet, answers)
    assert (result.total, dict(result.parts)) == (59, {"A": 27, "B": 14, "C": 18})
    assert (result.band_stars, result.stars, dict(result.held_back)) == (3, 3, {})
    # To 4★ the minima alone add 14 points (1.5, 2.1, 2.3, 3.4, 3.5, 4.1, 6.1.1, 6.1.2 +1 each;
    # 5.1, 7, 9 +2 each) and reach 73 ≥ 70.
    advice = advise(sheet, answers)
    assert (advice.target, advice.added_points, len(advice.steps)) == (4, 14, 11)


def test_set_14_band_three_but_not_recognised(rules_26):
    # A: 1+1+1+1+1+1 = 6; 2+2+1+0 = 5; 2+0+2+1+1 = 6 → 17. B: 2+1+5 = 8; 3+1+3 = 7 → 15.
    # C: 2+3+3+3 = 11; 7 = 3; 8 = 0; 9 = 1; 10 = 3 → 18. Total 50 → band 3 (the 49/50 edge).
    # 3★ needs 8 ≥ 2 (*** on "Có công bố chất lượng sản phẩm"): fails → 2★, not recognised.
    answers = {
        "1.1": 1, "1.2": 1, "1.3": 1, "1.4": 1, "1.5": 1, "1.6": 1,
        "2.1": 2, "2.2": 2, "2.3": 1, "2.4": 0,
        "3.1": 2, "3.2": 0, "3.3": 2, "3.4": 1, "3.5": 1,
        "4.1": 2, "4.2": 1, "4.3": 5,
        "5.1": 3, "5.2": 1, "5.3": 3,
        "6.1": 2, "6.2": 3, "6.3": 3, "6.4": 3,
        "7": 3, "8": 0, "9": 1, "10": 3,
    }  # fmt: skip
    sheet = rules_26.sheets[14]
    result = score_sheet(sheet, answers)
    assert (result.total, dict(result.parts)) == (50, {"A": 17, "B": 15, "C": 18})
    assert (result.band_stars, result.stars, result.recognised) == (3, 2, False)
    assert (dict(result.held_back), result.failed_minima) == ({3: ["8"]}, ["8"])
    below = score_sheet(sheet, {**answers, "4.3": 3})  # 48 → band 2, no minima apply
    assert (below.total, below.band_stars, below.stars, dict(below.held_back)) == (48, 2, 2, {})
    advice = advise(sheet, answers)
    assert [(s.criterion, s.from_points, s.to_points) for s in advice.steps] == [("8", 0, 2)]


def test_set_26_tourism_69_and_70(rules_26):
    # A: 3+3+2+1 = 9; 3+2+3 = 8; 3+1+2+3+2 = 11 → 28. B: 3+2+2+3+2 = 12; 2+1+1 = 4 → 16.
    # C (groups 6–17): 2+2+3+2+2+1+2+3+2+3+2+1 = 25. Total 69 → band 3; 3★ minimum 3.5 ≥ 1 holds.
    answers = {
        "1.1": 3, "1.2": 3, "1.3": 2, "1.4": 1,
        "2.1": 3, "2.2": 2, "2.3": 3,
        "3.1": 3, "3.2": 1, "3.3": 2, "3.4": 3, "3.5": 2,
        "4.1": 3, "4.2": 2, "4.3": 2, "4.4": 3, "4.5": 2,
        "5.1": 2, "5.2": 1, "5.3": 1,
        "6": 2, "7": 2, "8": 3, "9": 2, "10": 2, "11": 1, "12": 2, "13": 3, "14": 2, "15": 3,
        "16": 2, "17": 1,
    }  # fmt: skip
    sheet = rules_26.sheets[26]
    result = score_sheet(sheet, answers)
    assert (result.total, dict(result.parts), result.band_stars, result.stars) == (
        69, {"A": 28, "B": 16, "C": 25}, 3, 3,
    )  # fmt: skip
    # 17 = 2 → 70: band 4; 4★ minima 3.4 ≥ 3 (****) and 3.5 ≥ 2 (****) hold → 4★.
    seventy = score_sheet(sheet, {**answers, "17": 2})
    assert (seventy.total, seventy.band_stars, seventy.stars) == (70, 4, 4)


def test_a_one_star_sheet_is_advised_towards_three_stars(rules_26):
    # Every criterion at its lowest level: total 0 → 1★. The advice skips 2★ (never certified).
    sheet = rules_26.sheets[1]
    lowest = {c.code: min(c.allowed) for c in sheet.criteria}
    advice = advise(sheet, lowest)
    after = score_sheet(sheet, advice.answers_after)
    assert (advice.stars, advice.target, after.stars) == (1, 3, 3)
    assert advice_text(advice).startswith("Để đạt 3 sao: ")
