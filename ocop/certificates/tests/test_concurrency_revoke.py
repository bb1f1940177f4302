"""A double click on "Xác nhận thu hồi": two confirmed POSTs at once revoke the certificate once
(one audit entry, one notice). Run on SQLite and on PostgreSQL."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from ocop.accounts.models import Notification
from ocop.accounts.testing import client_for
from ocop.certificates.models import Notice
from ocop.core.models import AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(calls):
    barrier = threading.Barrier(len(calls))
    errors = []

    def worker(call):
        try:
            barrier.wait()
            call()
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


def test_double_confirm_revokes_once(personas, certificate_p):
    url = reverse("certificates:certificate_revoke", args=[certificate_p.pk])
    data = {"ground": "mark_misuse", "conclusion_date": "2026-11-20", "confirm": "1",
            "decision_number": "15/QĐ-UBND", "decision_date": "2026-11-25"}  # fmt: skip
    user = personas["province_p"]
    run_together([lambda: client_for(user).post(url, data).status_code for _ in range(2)])
    certificate_p.refresh_from_db()
    assert certificate_p.status == "revoked"
    assert AuditEntry.objects.filter(action="certificate_revoke").count() == 1
    # Art. 8.3.c: three letters (producer, commune, provincial agency), sent once.
    assert Notice.objects.filter(kind="revocation").count() == 3
    assert Notification.objects.filter(message__contains="thu hồi giấy chứng nhận").count() == (
        Notification.objects.filter(message__contains="thu hồi giấy chứng nhận")
        .values("recipient")
        .distinct()
        .count()
    )
