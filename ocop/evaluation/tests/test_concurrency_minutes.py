"""Ten identical minutes saves at once (issue 13 item 9) and ten outcomes under a sheet rule
(Phụ lục II): one effect each, the rest refused or no-ops. Run on SQLite and PostgreSQL."""

import pytest

from ocop.core.models import AuditEntry
from ocop.core.testing import assert_one_effect, run_at_once
from ocop.evaluation.models import MissingScoreNote, SessionItem, StageChange
from ocop.evaluation.services.minutes import item_minutes_set
from ocop.evaluation.services.sessions import item_outcome_record

pytestmark = pytest.mark.django_db(transaction=True)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def test_ten_identical_minutes_saves_write_once(council_world):
    w = council_world
    secretary, item = w.members[-1], w.items[0]
    race = run_at_once(lambda: item_minutes_set(
        actor=secretary.user, item=fresh(item), discussion="Đề nghị bổ sung phiếu kiểm nghiệm.",
        notes={secretary.pk: "Thư ký không chấm sản phẩm này."}))  # fmt: skip
    assert_one_effect(race, silent_repeats=True)
    assert fresh(item).discussion == "Đề nghị bổ sung phiếu kiểm nghiệm."
    assert list(MissingScoreNote.objects.values_list("member_id", "note")) == [
        (secretary.pk, "Thư ký không chấm sản phẩm này.")
    ]
    assert AuditEntry.objects.filter(action="item_minutes_set").count() == 1


def test_ten_not_evaluated_outcomes_act_once(council_world):
    w = council_world
    chair, item = w.members[0], w.items[1]
    race = run_at_once(lambda: item_outcome_record(
        actor=chair.user, item=fresh(item), outcome="not_evaluated", rule="not_evaluated-1"))  # fmt: skip
    assert_one_effect(race)
    assert SessionItem.objects.get(pk=item.pk).outcome == "not_evaluated"
    assert StageChange.objects.filter(action="not_evaluate").count() == 1
    assert AuditEntry.objects.filter(action="application_not_evaluate").count() == 1
