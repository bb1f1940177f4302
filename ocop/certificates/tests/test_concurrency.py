"""Ten concurrent requests of each certificate action have exactly one effect (issue 9.2): one
status change, one audit row, one notification and e-mail, the first decision kept."""

import itertools
from datetime import date

import pytest
from django.core import mail

from ocop.accounts.models import Notification
from ocop.certificates import services
from ocop.certificates.models import Certificate, CertificateReminder
from ocop.core.models import AuditEntry
from ocop.core.testing import assert_one_effect, run_at_once

from .conftest import issue

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mailed(personas):
    personas["producer_a"].email = "a@example.com"
    personas["producer_a"].save()


def audits(action):
    return list(AuditEntry.objects.filter(action=action).values_list("before", "after"))


def test_ten_revocations_revoke_once(certificate_p, personas, mailed):
    numbers = itertools.count(1)

    def revoke():
        return services.certificate_revoke(
            actor=personas["province_p"], certificate=Certificate.objects.get(pk=certificate_p.pk),
            ground="mark_misuse", conclusion_date=date(2026, 11, 1),
            decision_number=f"{next(numbers)}/QĐ-UBND", decision_date=date(2026, 11, 10),
        )  # fmt: skip

    notes = Notification.objects.count()
    race = run_at_once(revoke)
    assert_one_effect(race)
    kept = race.results[0].revocation_decision_number
    [(before, after)] = audits("certificate_revoke")
    assert (before["status"], after["status"], after["revocation_decision_number"]) == (
        "valid", "revoked", kept,
    )  # fmt: skip
    certificate_p.refresh_from_db()
    assert (certificate_p.status, certificate_p.revocation_decision_number) == ("revoked", kept)
    # Art. 8.3.c: one letter each to the producer, commune X and province P (one user each), once.
    assert Notification.objects.count() == notes + 3
    assert [m.to for m in mail.outbox if "thu hồi" in m.subject] == [["a@example.com"]]


def test_ten_issues_for_one_product_issue_one_certificate(product_p, mailed):
    race = run_at_once(lambda: issue(product_p))
    assert_one_effect(race)
    assert list(Certificate.objects.values_list("number", "status")) == [
        ("001/2026/GCN-UBND-TPHN", "valid")
    ]
    assert len(audits("certificate_issue")) == 1
    assert len([m for m in mail.outbox if "được cấp" in m.subject]) == 1


def test_ten_supersessions_supersede_once(certificate_p, product_p):
    newer = Certificate.objects.create(
        number="009/2026/GCN-UBND-TPHN", product=product_p, product_name="x", producer_name="x",
        producer_address="x", stars=4, rules="26-2026", authority_name="UBND thành phố Hà Nội",
        authority_level="province", decision_number="9/QĐ-UBND", decision_date=date(2026, 9, 1),
        issue_date=date(2026, 9, 1), valid_until=date(2029, 9, 1), token="t-newer",
    )  # fmt: skip
    race = run_at_once(lambda: services.certificate_supersede(
        actor=None, certificate=Certificate.objects.get(pk=certificate_p.pk), by=newer))  # fmt: skip
    assert_one_effect(race)
    assert [after["status"] for _b, after in audits("certificate_supersede")] == ["superseded"]
    certificate_p.refresh_from_db()
    assert certificate_p.status == "superseded"


def test_ten_daily_refreshes_change_and_remind_once(certificate_p, mailed):
    race = run_at_once(lambda: services.certificates_refresh(today=date(2029, 1, 1)))
    assert_one_effect(race, silent_repeats=True)
    reports = [(len(r.changes), len(r.reminders)) for r in race.results]
    assert sorted(reports) == [(0, 0)] * 9 + [(1, 1)]
    assert [after["status"] for _b, after in audits("certificate_refresh")] == ["reevaluation"]
    assert list(CertificateReminder.objects.values_list("milestone", flat=True)) == [
        "window_opened"
    ]
    assert len([m for m in mail.outbox if "hết hạn" in m.body]) == 1
