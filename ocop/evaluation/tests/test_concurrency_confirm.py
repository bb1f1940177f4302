"""A double click on "Xác nhận" sends two confirmed POSTs at once: each action happens once
(the services lock and re-check). Run on SQLite and on PostgreSQL."""

import pytest

from ocop.accounts.testing import client_for
from ocop.core.models import AuditEntry
from ocop.evaluation.models import Application, Decision, Session, StageChange
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.sessions import session_close
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.testing import answers_totalling, fill_dossier

from .test_concurrency import run_together

pytestmark = pytest.mark.django_db(transaction=True)


def twice(user, url, data):
    return [lambda: client_for(user).post(url, data).status_code for _ in range(2)]


def score_all(world):
    for item, totals in zip(world.items, ([80, 76, 73], [62, 60, 55], [66, 64, 61]), strict=True):
        sheet = item_sheet(item)
        for member, total in zip(world.members, totals, strict=True):
            sheet_submit(actor=member.user, item=item, member=member,
                         answers=answers_totalling(sheet, total))  # fmt: skip


def test_double_confirm_closes_a_session_once(council_world):
    w = council_world
    score_all(w)
    run_together(twice(w.members[-1].user, f"/sessions/{w.session.pk}/close/", {"confirm": "1"}))
    assert Session.objects.get().status == "closed"
    assert AuditEntry.objects.filter(action="session_close").count() == 1
    assert StageChange.objects.filter(action="close_scoring").count() == 3


def test_double_confirm_issues_one_decision(council_world, personas):
    w = council_world
    score_all(w)
    session_close(actor=w.members[-1].user, session=w.session)
    data = {"decided_on": "2027-06-10", "signer": "", "confirm": "1",
            "items": [str(i.pk) for i in w.items]}  # fmt: skip
    run_together(twice(personas["province_p"], "/decisions/", data))
    assert Decision.objects.count() == 1
    assert StageChange.objects.filter(action="decide").count() == 3


def test_double_confirm_submits_a_dossier_once(personas, world):
    producer = personas["producer_a"]
    application = fill_dossier(application_create(
        actor=producer, product=world.product_a, round=world.round, kind="first"), producer)  # fmt: skip
    url = f"/applications/{application.pk}/act/submit/"
    run_together(twice(producer, url, {"confirm": "1"}))
    assert Application.objects.get().stage == "submitted"
    assert StageChange.objects.filter(action="submit").count() == 1
