"""Art. 10.1.b: ten concurrent submissions of the central level's review have one effect (one
review, one set of letters, each certificate revoked once; a dossier sent back once); the nine
others are refused. Each thread reads its own copy of the decision and dossiers, as a view does.
Run on SQLite and PostgreSQL."""

from datetime import date

import pytest

from ocop.certificates.models import Certificate, Notice
from ocop.core.models import AuditEntry
from ocop.core.testing import assert_one_effect, run_at_once
from ocop.evaluation.models import Application, Decision, DecisionReview, StageChange
from ocop.evaluation.services.decisions import decision_issue
from ocop.evaluation.services.oversight import decision_redo, decision_revoke
from ocop.evaluation.services.sessions import session_close
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.testing import answers_totalling

pytestmark = pytest.mark.django_db(transaction=True)
FINDING = "Hội đồng họp không đủ số thành viên theo Quy chế."


@pytest.fixture
def decision(council_world, personas):
    w = council_world
    for item in w.items:
        for member in w.members:
            sheet_submit(actor=member.user, item=item, member=member,
                         answers=answers_totalling(item_sheet(item), 75))  # fmt: skip
    session_close(actor=None, session=w.session)
    return decision_issue(actor=personas["province_p"], level="province",
                          province=w.council.province, items=list(w.session.items.all()),
                          decided_on=date(2027, 6, 10))  # fmt: skip


def test_10_1_b_ten_revocations_of_a_decision_revoke_it_once(decision, personas):
    central = personas["central"]
    race = run_at_once(lambda: decision_revoke(
        actor=central, decision=Decision.objects.get(pk=decision.pk), finding=FINDING,
        reviewed_on=date(2027, 8, 3), revocation_number="25/QĐ-UBND",
        revocation_date=date(2027, 8, 10)))  # fmt: skip
    assert_one_effect(race)
    assert DecisionReview.objects.filter(conclusion="revoke").count() == 1
    statuses = Certificate.objects.filter(decision_number=decision.number).values_list(
        "status", flat=True)  # fmt: skip
    assert list(statuses) == ["revoked"] * 3
    assert AuditEntry.objects.filter(action="certificate_revoke").count() == 3
    assert Notice.objects.filter(kind="decision_revoked").count() == 7


def test_10_1_b_ten_redo_requests_send_a_dossier_back_once(decision, personas):
    central = personas["central"]
    pk = decision.items.order_by("id").first().application_id
    race = run_at_once(lambda: decision_redo(
        actor=central, decision=Decision.objects.get(pk=decision.pk),
        applications=[Application.objects.get(pk=pk)], finding=FINDING,
        reviewed_on=date(2027, 8, 3)))  # fmt: skip
    assert_one_effect(race)
    assert Application.objects.get(pk=pk).stage == "advisory_review"
    assert StageChange.objects.filter(application=pk, action="redo").count() == 1
    assert DecisionReview.objects.filter(conclusion="redo").count() == 1
    assert Notice.objects.filter(kind="redo").count() == 3
