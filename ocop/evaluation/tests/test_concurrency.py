"""Concurrent submissions: two members at once, and one member twice at once, leave exactly one
locked sheet each with one version row (SQLite file database here; PostgreSQL in CI)."""

import threading

import pytest
from django.db import connection

from ocop.evaluation.models import ScoreSheet, ScoreSheetVersion
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.testing import answers_totalling

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(calls):
    barrier = threading.Barrier(len(calls))
    outcomes, errors = [], []

    def worker(call):
        try:
            barrier.wait()
            outcomes.append(call())
        except Exception as error:  # reported below: a thread must not swallow a failure
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return outcomes


def submit(member, item, total):
    answers = answers_totalling(item_sheet(item), total)
    return lambda: sheet_submit(actor=member.user, item=item, member=member, answers=answers)[1]


def test_two_members_and_a_double_submit(council_world):
    w = council_world
    chair, other, _secretary = w.members
    item = w.items[0]
    done = run_together([submit(chair, item, 70), submit(chair, item, 71), submit(other, item, 60)])
    assert sorted(done) == [False, True, True]
    sheets = ScoreSheet.objects.filter(item=item).order_by("member_id")
    assert [(s.member_id, s.status, s.version) for s in sheets] == [
        (chair.pk, "submitted", 1), (other.pk, "submitted", 1),
    ]  # fmt: skip
    assert sheets[0].total in (70, 71)
    assert ScoreSheetVersion.objects.filter(sheet__item=item).count() == 2
