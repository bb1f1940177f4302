"""The pure workflow map, deadlines in working days, round dates, pinning and numbering."""

from datetime import date

import pytest

from ocop.evaluation import workflow
from ocop.evaluation.periods import (
    default_round_dates,
    format_registration_number,
    rules_for_filing,
)


def test_every_transition_goes_to_a_known_stage():
    assert set(workflow.ALLOWED) == set(workflow.STAGES)
    for actions in workflow.ALLOWED.values():
        for transition in actions.values():
            assert transition.target in workflow.STAGES
            assert transition.roles


def test_a_transition_outside_the_map_is_refused_in_vietnamese():
    with pytest.raises(workflow.TransitionError, match="workflow.not_allowed"):
        workflow.transition_for(workflow.DRAFT, "accept", "province")
    with pytest.raises(workflow.TransitionError, match="workflow.wrong_role"):
        workflow.transition_for(workflow.SUBMITTED, "propose", "producer")
    assert workflow.transition_for(workflow.SUBMITTED, "propose", "commune").target == "proposed"


def test_who_must_act():
    assert workflow.actors_of(workflow.SUBMITTED) == {"commune"}
    assert workflow.actors_of(workflow.ADDITIONS_REQUESTED) == {"producer", "commune"}
    assert workflow.actors_of(workflow.READY_FOR_COUNCIL) == {"province", "council"}
    assert workflow.actors_of(workflow.DECIDED) == frozenset()
    assert workflow.actions_for(workflow.PROPOSED, "province") == ["accept", "request_additions"]


def test_commune_deadline_skips_tet_2027():
    # Tết 2027: 4–10 Feb are holidays; from Wed 3 Feb, 15 working days end on Wed 3 Mar.
    assert workflow.due_date(workflow.SUBMITTED, date(2027, 2, 3)) == date(2027, 3, 3)


def test_deadline_crosses_the_year_and_new_year_day():
    # Wed 30 Dec 2026 + 3: Thu 31 Dec, (Fri 1 Jan holiday, weekend), Mon 4, Tue 5 Jan.
    assert workflow.due_date(workflow.SUBMITTED, date(2026, 12, 30), {"submitted": 3}) == date(
        2027, 1, 5
    )


def test_deadline_skips_hung_kings_day():
    # Hùng Kings day 2027 is Fri 16 Apr: Wed 14 Apr + 3 working days is Tue 20 Apr.
    assert workflow.due_date(workflow.SUBMITTED, date(2027, 4, 14), {"submitted": 3}) == date(
        2027, 4, 20
    )


def test_no_deadline_and_overdue():
    assert workflow.due_date(workflow.DRAFT, date(2027, 1, 4)) is None
    assert workflow.is_overdue(date(2027, 1, 4), date(2027, 1, 5))
    assert not workflow.is_overdue(date(2027, 1, 4), date(2027, 1, 4))
    assert not workflow.is_overdue(None, date(2027, 1, 5))


def test_round_defaults_of_decision_26():
    assert default_round_dates("province", 2026, 1) == (date(2026, 4, 30), date(2026, 6, 30))
    assert default_round_dates("province", 2026, 2) == (date(2026, 10, 30), date(2026, 12, 30))
    assert default_round_dates("central", 2027, 1) == (date(2027, 7, 30), date(2027, 9, 30))
    assert default_round_dates("province", 2026, 3) is None


def test_rule_set_pinning():
    assert rules_for_filing(date(2026, 5, 21)) == "148-2023"
    assert rules_for_filing(date(2026, 5, 22)) == "26-2026"


def test_registration_number():
    assert format_registration_number(7, "01", "10273", 2026) == "007/PĐK-01-10273-2026"


def test_council_stages():
    assert workflow.transition_for("ready_for_council", "schedule", "council").target == (
        "in_council_session"
    )
    assert workflow.transition_for("in_council_session", "reject", "council").needs_reason
    assert workflow.actions_for("scored", "province") == ["decide", "propose_central"]
    assert workflow.actions_for("central_scored", "central") == ["decide"]
    # Art. 7.4.g: below 90 the province recognises 3★/4★ or evaluates under its own authority.
    assert workflow.actions_for("central_scored", "province") == [
        "decide_fallback", "evaluate_provincially"]  # fmt: skip
    # Art. 6.3.b, 7.6.e: a 5★ re-evaluation goes from the agency's report to the ministry.
    assert workflow.actions_for("ready_for_council", "province") == ["schedule", "send_central"]
    with pytest.raises(workflow.TransitionError, match="workflow.wrong_role"):
        workflow.transition_for("scored", "decide", "council")


def test_every_target_is_a_stage_and_every_stage_has_an_entry():
    targets = {t.target for actions in workflow.ALLOWED.values() for t in actions.values()}
    assert targets <= set(workflow.STAGES)
    assert set(workflow.ALLOWED) == set(workflow.STAGES) == set(workflow.DEFAULT_DEADLINES)
