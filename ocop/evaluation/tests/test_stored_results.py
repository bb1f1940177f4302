"""Each submitted sheet stores its computed result (ScoreSheet.scored); consolidating a session
reads those numbers, never the answers, and gives the same result as scoring the answers again."""

import importlib
import random

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.criteria.engine import Outcome, score_sheet, sheet_record
from ocop.evaluation.consolidation import consolidate_session
from ocop.evaluation.models import ScoreSheet
from ocop.evaluation.results import consolidate
from ocop.evaluation.services.sessions import item_outcome_record
from ocop.evaluation.services.sheets import item_sheet, sheet_revise, sheet_save, sheet_submit
from ocop.evaluation.testing import answers_totalling

pytestmark = pytest.mark.django_db


def _random_answers(sheet, rng) -> dict[str, int]:
    return {c.code: rng.choice(c.allowed) for c in sheet.criteria}


def _score_everything(w, rng) -> None:
    """Random sheets from every member (one item's last member only saves a draft), and the
    third product rejected after scoring."""
    for item in w.items:
        sheet = item_sheet(item)
        for member in w.members:
            answers = _random_answers(sheet, rng)
            if item is w.items[1] and member is w.members[-1]:
                sheet_save(actor=member.user, item=item, member=member, answers=answers)
            else:
                sheet_submit(actor=member.user, item=item, member=member, answers=answers)
    item_outcome_record(actor=w.members[-1].user, item=w.items[2], outcome="reject", rule="reject-1",
                        reason="Hồ sơ không trung thực")  # fmt: skip


def _recomputed(w) -> dict:
    """What consolidation gave before results were stored: the answers scored again."""
    expected = {}
    for item in w.items:
        item.refresh_from_db()
        answers = list(ScoreSheet.objects.filter(item=item, status="submitted")
                       .order_by("item", "member").values_list("answers", flat=True))  # fmt: skip
        outcome = Outcome(item.outcome, item.outcome_reason) if item.outcome else None
        expected[item.pk] = consolidate(item_sheet(item), answers, w.council.spread_limit, outcome)
    return expected


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_stored_and_recomputed_results_agree(council_world, seed):
    w = council_world
    _score_everything(w, random.Random(seed))
    found = consolidate_session(w.session)
    expected = _recomputed(w)
    assert [found[i.pk].count for i in w.items] == [3, 2, 3]
    for item in w.items:
        result = found[item.pk].result
        # Every field of the council's result, the criterion averages included.
        assert result == expected[item.pk]
        assert dict(result.criterion_averages) == dict(expected[item.pk].criterion_averages)
    assert found[w.items[2].pk].result.outcome == Outcome("reject", "Hồ sơ không trung thực")


def test_consolidation_reads_no_answers(council_world):
    w = council_world
    _score_everything(w, random.Random(7))
    with CaptureQueriesContext(connection) as captured:
        found = consolidate_session(w.session)
    assert found[w.items[0].pk].result is not None
    assert [q["sql"] for q in captured if '"answers"' in q["sql"]] == []
    # The agenda's rule sets, the conflicts, the council (not read with the session here), who is
    # present, the sheets' stored results, the agenda rows.
    assert len(captured) == 6


def test_submit_stores_the_engines_result(council_world):
    w = council_world
    member, item = w.members[0], w.items[0]
    answers = answers_totalling(item_sheet(item), 76)
    draft = sheet_save(actor=member.user, item=item, member=member, answers={"1.1": 0})
    assert draft.scored == ""
    sheet, _done = sheet_submit(actor=member.user, item=item, member=member, answers=answers)
    assert sheet.scored == sheet_record(score_sheet(item_sheet(item), answers))
    assert (sheet.scored.split(" ")[1][:5], sheet.total) == ("00076", 76)


def test_a_revision_updates_the_stored_result(council_world):
    w = council_world
    item, sheet = w.items[0], item_sheet(w.items[0])
    for member, total in zip(w.members, (80, 76, 73), strict=True):
        sheet_submit(actor=member.user, item=item, member=member,
                     answers=answers_totalling(sheet, total))  # fmt: skip
    assert consolidate_session(w.session)[item.pk].result.lowest == 73
    first = ScoreSheet.objects.get(item=item, member=w.members[2])
    revised = sheet_revise(actor=w.members[2].user, sheet=first,
                           answers=answers_totalling(sheet, 60), reason="Hội đồng thảo luận")  # fmt: skip
    stored = ScoreSheet.objects.get(pk=first.pk).scored
    assert stored == sheet_record(score_sheet(sheet, answers_totalling(sheet, 60)))
    assert (stored.split(" ")[1][:5], revised.total) == ("00060", 60)
    result = consolidate_session(w.session)[item.pk].result
    assert (result.lowest, result.highest, result.sheet_count) == (60, 80, 3)
    assert result == _recomputed(w)[item.pk]


def test_sheets_without_a_stored_result_are_scored_from_their_answers(council_world):
    w = council_world
    _score_everything(w, random.Random(11))
    stored = consolidate_session(w.session)
    # As written before this field existed, or by hand; one of another product set.
    ScoreSheet.objects.filter(item=w.items[0]).update(scored="")
    ScoreSheet.objects.filter(item=w.items[1]).update(
        scored="26-2026/99/00000000 00070_00030_00020_00020"
    )
    again = consolidate_session(w.session)
    assert {pk: r.result for pk, r in again.items()} == {pk: r.result for pk, r in stored.items()}


def test_the_migration_fills_the_submitted_sheets(council_world):
    w = council_world
    _score_everything(w, random.Random(5))
    before = dict(ScoreSheet.objects.values_list("pk", "scored"))
    ScoreSheet.objects.update(scored="")
    migration = importlib.import_module("ocop.evaluation.migrations.0013_sheet_scored")
    migration.fill_scored(apps, None)
    after = dict(ScoreSheet.objects.values_list("pk", "scored"))
    assert after == before
    assert sorted(v == "" for v in after.values()) == [False] * 8 + [True]  # the one draft
