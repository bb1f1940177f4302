"""A council's result from stored sheet records equals the result of scoring the sheets again."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ocop.criteria.engine import (
    Outcome,
    aggregate,
    aggregate_records,
    criterion_sums,
    read_record,
    record_columns,
    score_sheet,
    sheet_record,
)
from ocop.criteria.rules import load_rule_set

SHEETS = list(load_rule_set("26-2026").sheets.values())


@st.composite
def council_sheets(draw):
    sheet = draw(st.sampled_from(SHEETS))
    count = draw(st.integers(min_value=1, max_value=8))
    answers = [{c.code: draw(st.sampled_from(c.allowed)) for c in sheet.criteria}
               for _ in range(count)]  # fmt: skip
    return sheet, answers


@settings(max_examples=150, deadline=None)
@given(council_sheets(), st.sampled_from([None, Outcome("stop", "Hồ sơ không trung thực")]))
def test_records_give_the_same_council_result(case, outcome):
    sheet, answers = case
    scored = [score_sheet(sheet, a, outcome) for a in answers]
    records = [sheet_record(r) for r in scored]
    columns = record_columns(sheet, records)
    each = [read_record(sheet, r) for r in records]
    assert columns == ([n[0] for n in each], [sum(field) for field in zip(*each, strict=True)])
    from_records = aggregate_records(
        sheet, columns, lambda: criterion_sums(sheet, answers), 10, outcome
    )
    again = aggregate(scored, 10)
    # Every field, criterion averages included (compared through the lazy mapping).
    assert from_records == again
    assert dict(from_records.criterion_averages) == dict(again.criterion_averages)
    assert (from_records.stars, from_records.held_back, from_records.part_averages) == (
        again.stars, again.held_back, again.part_averages,
    )  # fmt: skip


def test_criterion_sums_are_read_only_when_asked():
    sheet = SHEETS[0]
    answers = {c.code: c.allowed[-1] for c in sheet.criteria}
    calls = []

    def sums():
        calls.append(1)
        return criterion_sums(sheet, [answers])

    columns = record_columns(sheet, [sheet_record(score_sheet(sheet, answers))])
    result = aggregate_records(sheet, columns, sums)
    assert (result.average, calls) == (100, [])
    code = sheet.criteria[0].code
    assert (result.criterion_averages[code], result.criterion_averages[code]) == (
        sheet.criteria[0].allowed[-1], sheet.criteria[0].allowed[-1],
    )  # fmt: skip
    assert calls == [1]


def test_a_record_holds_the_total_parts_and_minima_points():
    sheet = SHEETS[0]
    answers = {c.code: c.allowed[-1] for c in sheet.criteria}
    record = sheet_record(score_sheet(sheet, answers))
    key, numbers = record.split(" ")
    assert key.startswith(f"26-2026/{sheet.set}/")
    maxima = [p.max for p in sheet.parts] + [c.allowed[-1] for c in sheet.marked]
    assert numbers.split("_") == [f"{n:05d}" for n in [100, *maxima]]
    assert read_record(sheet, record) == (100, *maxima)


def test_a_record_of_another_sheet_does_not_fit():
    first, second = SHEETS[0], SHEETS[1]
    record = sheet_record(score_sheet(first, {c.code: 0 for c in first.criteria}))
    assert read_record(first, record) is not None
    assert read_record(second, record) is None
    assert read_record(first, record + "_00000") is None  # another layout of parts and minima
    assert read_record(first, record[:-1] + "x") is None
    assert (read_record(first, ""), read_record(first, None)) == (None, None)
    # Read together, one record that does not fit spoils the columns: each is then read alone.
    shifted = record.replace("_0", "0_", 1)  # the same characters, one field a digit short
    for bad in (record + "_00000", "", None, record.replace("_0", "_x", 1), shifted,
                record.replace("_0", "_+", 1), record.replace("_0", "_٠", 1)):  # fmt: skip
        assert record_columns(first, [record, bad, record]) is None
    assert record_columns(first, [record, record]) is not None


@settings(max_examples=60, deadline=None)
@given(council_sheets(), st.randoms(use_true_random=False))
def test_answers_in_any_order_score_the_same(case, rng):
    sheet, answers = case
    first = answers[0]
    shuffled = list(first.items())
    rng.shuffle(shuffled)
    ordered, unordered = score_sheet(sheet, first), score_sheet(sheet, dict(shuffled))
    assert ordered == unordered
    assert (dict(ordered.held_back), ordered.failed_minima, dict(ordered.parts)) == (
        dict(unordered.held_back), unordered.failed_minima, dict(unordered.parts),
    )  # fmt: skip
    assert ordered.answers == first and ordered.answers is not first
