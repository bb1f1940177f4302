"""The engine's fast check (answers written by marshal, matched by one pattern per sheet) against
its slow walk: the same result, or the same refusal, for valid and invalid answers alike."""

import dataclasses
import enum
import marshal
import random
from collections import defaultdict
from types import MappingProxyType
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop.criteria import engine
from ocop.criteria.engine import AnswerError, score_sheet
from ocop.criteria.rules import load_rule_set, read_rule_set

from .conftest import FIXTURES

SHEETS = [*load_rule_set("26-2026").sheets.values(), read_rule_set(FIXTURES / "fixture").sheets[1]]


class Level(enum.IntEnum):
    ONE = 1


class Points(int):
    pass


# What an answer may hold besides an allowed level: look-alikes of whole numbers (equal to one, or
# a plain int out of range, negative, or beyond the 32 bits marshal writes as b"i") and others.
ODD = st.one_of(
    st.sampled_from(
        [True, False, 0.0, 1.0, 2.0, "0", "1", "", None, b"\x01", (1,), [1], Level.ONE]
    ),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([-1, 255, 256, 257, 2**31 - 1, 2**31, 2**31 + 1, 2**32, 2**32 + 1, 2**63]),
    st.integers(min_value=0, max_value=12).map(Points),
    st.floats(allow_nan=False),
)


def outcome(sheet, answers):
    """What scoring gives: the result's every field, or the refusal's type, text and message."""
    try:
        result = score_sheet(sheet, answers)
    except Exception as error:  # the refusal is what is compared
        message = getattr(error, "message", None)
        return ("refused", type(error), str(error), message, getattr(error, "criterion", None))
    return (
        "scored",
        result,
        dict(result.answers),
        [type(p) for p in result.answers.values()],
        dict(result.parts),
        result.total,
        result.band_stars,
        result.stars,
        result.recognised,
        dict(result.held_back),
        list(result.failed_minima),
        result.outcome,
    )


def slow(answers):
    """The same answers through a Mapping that is not a dict: the fast check never takes it."""
    return MappingProxyType(answers)


@st.composite
def sheet_and_answers(draw, odd=True):
    sheet = draw(st.sampled_from(SHEETS))
    answers = {}
    for criterion in sheet.criteria:
        kind = draw(st.sampled_from(["level"] * 6 + (["odd", "missing", "out"] if odd else [])))
        if kind == "level":
            answers[criterion.code] = draw(st.sampled_from(criterion.allowed))
        elif kind == "odd":
            answers[criterion.code] = draw(ODD)
        elif kind == "out":  # a whole number the criterion does not allow
            answers[criterion.code] = draw(
                st.integers(min_value=0, max_value=40).filter(
                    lambda p, c=criterion: p not in c.allowed_set
                )
            )
    if odd and draw(st.booleans()):
        for code in draw(
            st.lists(st.sampled_from(["99", "0", "1.1", "x", "A", " 1.1"]), max_size=3)
        ):
            answers.setdefault(code, draw(st.one_of(st.integers(0, 5), ODD)))
    if draw(st.booleans()):  # not in the plan's order
        items = list(answers.items())
        random.Random(draw(st.integers())).shuffle(items)
        answers = dict(items)
    return sheet, answers


@settings(max_examples=400, deadline=None)
@given(sheet_and_answers())
def test_fast_and_slow_agree_on_any_answers(case):
    sheet, answers = case
    assert outcome(sheet, answers) == outcome(sheet, slow(answers))


@settings(max_examples=200, deadline=None)
@given(sheet_and_answers(odd=False))
def test_fast_and_slow_agree_on_valid_answers(case):
    sheet, answers = case
    fast, walked = outcome(sheet, answers), outcome(sheet, slow(answers))
    assert fast[0] == "scored"
    assert fast == walked


@settings(max_examples=200, deadline=None)
@given(sheet_and_answers(odd=False), st.data())
def test_one_look_alike_is_refused_as_the_slow_walk_refuses_it(case, data):
    sheet, answers = case
    criterion = data.draw(st.sampled_from(sheet.criteria))
    answers[criterion.code] = data.draw(ODD)
    fast = outcome(sheet, answers)
    assert fast == outcome(sheet, slow(answers))
    value = answers[criterion.code]
    if value is None:  # read as no answer
        assert fast[3].code == "answer.missing" and fast[4] == criterion.code
    elif isinstance(value, list):  # unhashable: never among the levels, refused as before
        assert fast[:2] == ("refused", TypeError)
    elif type(value) is not int or value not in criterion.allowed_set:
        assert fast[:2] == ("refused", AnswerError)
        assert fast[3].code == "answer.not_allowed" and fast[4] == criterion.code
    else:
        assert fast[0] == "scored" and fast[2][criterion.code] == value


def test_valid_answers_take_the_fast_check():
    cases = [(sheet, {c.code: random.Random(i).choice(c.allowed) for c in sheet.criteria})
             for i, sheet in enumerate(SHEETS)]  # fmt: skip
    with mock.patch.object(engine, "_raise_first_fault", side_effect=AssertionError) as walk:
        results = [score_sheet(sheet, answers) for sheet, answers in cases]
    assert walk.call_count == 0
    assert [r.total for r in results] == [sum(a.values()) for _, a in cases]


@pytest.mark.parametrize(
    "value", [True, False, 1.0, "1", -1, 2**31, 2**31 + 1, 256, Points(1), Level.ONE]
)
def test_each_look_alike_goes_to_the_slow_walk(value):
    sheet = SHEETS[0]
    answers = {c.code: c.allowed[0] for c in sheet.criteria}
    code = sheet.criteria[3].code
    answers[code] = value
    with pytest.raises(AnswerError) as caught:
        score_sheet(sheet, answers)
    assert caught.value.message.code == "answer.not_allowed"
    assert caught.value.criterion == code
    assert caught.value.message.params["points"] is value


def test_a_defaultdict_missing_an_answer_is_refused_and_left_as_it_was():
    sheet = SHEETS[0]
    answers = defaultdict(int, {c.code: c.allowed[-1] for c in sheet.criteria[1:]})
    answers["99"] = 0  # as many answers as criteria, one of them unknown
    with pytest.raises(AnswerError) as caught:
        score_sheet(sheet, answers)
    assert caught.value.message.code == "answer.missing"
    assert caught.value.criterion == sheet.criteria[0].code
    assert sheet.criteria[0].code not in answers


def test_marshal_writes_what_the_patterns_read():
    """On this Python the fast check is on; a marshal writing otherwise turns it off."""
    assert engine._MARSHAL_FITS is True
    assert (
        marshal.dumps((0, 7, 255), 2)
        == b"(\x03\x00\x00\x00i\x00\x00\x00\x00i\x07\x00\x00\x00i\xff\x00\x00\x00"
    )
    with mock.patch.object(engine, "_dumps", lambda value, version: marshal.dumps(value, 4)):
        assert engine._marshal_fits() is False
    with mock.patch.object(
        engine, "_dumps", lambda value, version: marshal.dumps(value, 2) + b"\0"
    ):
        assert engine._marshal_fits() is False


def test_without_the_fast_check_scoring_is_the_same():
    sheet = read_rule_set(FIXTURES / "fixture").sheets[1]  # a fresh sheet: its plan made here
    with mock.patch.object(engine, "_MARSHAL_FITS", False):
        plan = engine._plan(sheet)
    assert plan.row_match is engine._no_match
    rng = random.Random(14)
    for _ in range(50):
        answers = {c.code: rng.choice([*c.allowed, True, 1.0, 3]) for c in sheet.criteria}
        assert outcome(sheet, answers) == outcome(SHEETS[-1], answers)  # the fixture, fast check on


def test_minima_that_do_not_rise_with_the_class_take_the_slow_walk():
    sheet = read_rule_set(FIXTURES / "fixture").sheets[1]
    marked = sheet.marked[0]
    odd = dataclasses.replace(marked, minima=(marked.max, 0, 0))
    criteria = tuple(odd if c is marked else c for c in sheet.criteria)
    odd_sheet = dataclasses.replace(sheet, criteria=criteria, marked=(odd, *sheet.marked[1:]))
    assert engine._plan(odd_sheet).row_match is engine._no_match
    assert engine._plan(sheet).row_match is not engine._no_match
