"""Ten concurrent clicks on the 5★ hand-off's buttons (Art. 7.3.e, 7.4.g) have one effect: one
approval decision and letter number, one sending, one notice number; the nine others are refused.
Each thread reads its own copy, as a view does."""

from datetime import date

import pytest

from ocop.accounts.models import Notification
from ocop.accounts.roles import Role
from ocop.accounts.testing import make_user
from ocop.certificates.notice_models import Notice, NoticeCounter
from ocop.core.models import AuditEntry
from ocop.core.testing import assert_one_effect, run_at_once
from ocop.evaluation.models import Application, DecisionCounter, FiveStarDossier
from ocop.evaluation.services import fivestar

from .test_fivestar_7_4 import central_session, proposed  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def test_ten_prepares_issue_one_approval_decision_on_1_jun_2027(proposed, personas):  # noqa: F811
    race = run_at_once(lambda: fivestar.fivestar_prepare(
        actor=personas["province_p"], application=fresh(proposed), on=date(2027, 6, 1)))  # fmt: skip
    assert_one_effect(race)
    assert FiveStarDossier.objects.get().approval_number == "02/QĐ-UBND"
    assert DecisionCounter.objects.get(authority__startswith="CV-").last == 1
    assert AuditEntry.objects.filter(action="fivestar_prepare").count() == 1


def test_ten_sends_and_notices_act_once(proposed, personas):  # noqa: F811
    officer = make_user("tw_officer", Role.CENTRAL)
    dossier = fivestar.fivestar_prepare(actor=personas["province_p"], application=proposed,
                                        on=date(2027, 6, 1))  # fmt: skip
    race = run_at_once(lambda: fivestar.fivestar_send(
        actor=personas["province_p"], dossier=fresh(dossier), on=date(2027, 6, 2)))  # fmt: skip
    assert_one_effect(race)
    assert Notification.objects.filter(recipient=officer).count() == 1
    central_session(personas, [Application.objects.get(pk=proposed.pk)], [[85, 88, 86]])
    race = run_at_once(lambda: fivestar.fivestar_notify(
        actor=personas["central"], dossier=fresh(dossier), on=date(2027, 8, 25)))  # fmt: skip
    assert_one_effect(race)
    assert fresh(dossier).notice_number == "01/TB-BNNMT"
    assert NoticeCounter.objects.get(authority="Bộ Nông nghiệp và Môi trường").last == 1
    assert Notice.objects.filter(kind="central_result").count() == 1
