import threading
from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from ocop.accounts.models import Notification
from ocop.certificates import services
from ocop.certificates.models import Certificate, CertificateReminder
from ocop.core.models import AuditEntry
from ocop.registry.testing import make_producer, make_product

from .conftest import issue

pytestmark = pytest.mark.django_db


def test_issue_numbers_per_authority_and_year(product_p, product_q):
    first = issue(product_p)
    second = issue(product_q, issue_date=date(2026, 8, 1))
    assert first.number == "001/2026/GCN-UBND-TPHN"
    assert second.number == "002/2026/GCN-UBND-TPHN"
    assert first.valid_until == date(2029, 6, 30)
    assert first.producer_name == "HTX Nông nghiệp Phú Xuyên"
    assert first.producer_address == "Thôn Thượng, Xã Phú Xuyên, Thành phố Hà Nội"
    assert len(first.token) == 32


def test_issue_updates_the_product_and_notifies(product_p, personas):
    certificate = issue(product_p, stars=4)
    product_p.refresh_from_db()
    assert (product_p.current_stars, product_p.certificate_status) == (4, "valid")
    assert (
        AuditEntry.objects.filter(action="certificate_issue", object_id=str(certificate.pk)).count()
        == 1
    )
    assert Notification.objects.filter(recipient=personas["producer_a"]).count() == 1


def test_a_second_certificate_must_name_the_one_it_replaces(product_p):
    first = issue(product_p)
    with pytest.raises(ValidationError):
        issue(product_p, stars=4, issue_date=date(2026, 10, 1))
    upgrade = issue(product_p, stars=4, issue_date=date(2026, 10, 1), supersedes=first)
    first.refresh_from_db()
    product_p.refresh_from_db()
    assert first.status == "superseded"
    assert upgrade.supersedes == first
    assert (product_p.current_stars, product_p.certificate_status) == (4, "valid")


def test_issue_refuses_two_stars_and_a_province_officer_of_another_province(product_p, personas):
    with pytest.raises(ValidationError):
        issue(product_p, stars=2)
    with pytest.raises(PermissionDenied):
        issue(product_p, actor=personas["province_q"])
    assert Certificate.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_issues_get_different_numbers(territory, personas):
    producer = make_producer(territory.commune_x, "HTX A", 11)
    products = [make_product(producer, f"Sản phẩm {n}") for n in range(2)]
    barrier, numbers, errors = threading.Barrier(2), [], []

    def worker(product):
        try:
            barrier.wait()
            numbers.append(issue(product).number)
        except Exception as error:  # noqa: BLE001 - reported by the assert below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(p,)) for p in products]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == ["001/2026/GCN-UBND-TPHN", "002/2026/GCN-UBND-TPHN"]


def test_revoke_changes_status_product_and_notifies(certificate_p, product_p, personas):
    services.certificate_revoke(
        actor=personas["province_p"],
        certificate=certificate_p,
        ground="mark_misuse",
        conclusion_date=date(2026, 11, 1),
        decision_number="77/QĐ-UBND",
        decision_date=date(2026, 11, 20),
        note="",
    )
    certificate_p.refresh_from_db()
    product_p.refresh_from_db()
    assert certificate_p.status == "revoked"
    assert certificate_p.revocation_deadline == date(2026, 11, 16)
    assert certificate_p.revocation_overdue is True
    assert (product_p.current_stars, product_p.certificate_status) == (None, "revoked")
    assert AuditEntry.objects.filter(action="certificate_revoke").count() == 1


@pytest.mark.parametrize("persona", ["province_q", "commune_x", "central", "producer_a"])
def test_revoke_refused_outside_the_authority(certificate_p, personas, persona):
    with pytest.raises(PermissionDenied):
        services.certificate_revoke(
            actor=personas[persona],
            certificate=certificate_p,
            ground="mark_misuse",
            conclusion_date=date(2026, 11, 1),
            decision_number="77/QĐ-UBND",
            decision_date=date(2026, 11, 10),
        )
    certificate_p.refresh_from_db()
    assert certificate_p.status == "valid"


def test_five_star_certificates_are_revoked_by_the_centre(product_p, personas):
    certificate = issue(product_p, stars=5)
    args = dict(
        ground="other_conclusion",
        conclusion_date=date(2026, 11, 1),
        decision_number="5/QĐ-BNNMT",
        decision_date=date(2026, 11, 5),
    )
    with pytest.raises(PermissionDenied):
        services.certificate_revoke(actor=personas["province_p"], certificate=certificate, **args)
    services.certificate_revoke(actor=personas["central"], certificate=certificate, **args)
    assert certificate.status == "revoked"
    assert certificate.revocation_overdue is False


def test_revoking_twice_is_refused(certificate_p, personas):
    args = dict(
        actor=personas["admin"],
        certificate=certificate_p,
        ground="production_stopped",
        conclusion_date=date(2026, 11, 1),
        decision_number="1/QĐ",
        decision_date=date(2026, 11, 2),
    )
    services.certificate_revoke(**args)
    with pytest.raises(ValidationError):
        services.certificate_revoke(**args)


def test_refresh_moves_statuses_and_reminds_once(certificate_p, product_p, personas, territory):
    # valid until 30/06/2029; the window opens on 01/01/2029
    report = services.certificates_refresh(today=date(2029, 1, 1))
    certificate_p.refresh_from_db()
    product_p.refresh_from_db()
    assert [(c.pk, old, new) for c, old, new in report.changes] == [
        (certificate_p.pk, "valid", "reevaluation")
    ]
    assert [m for _c, m in report.reminders] == ["window_opened"]
    assert product_p.certificate_status == "expiring"
    notes_before, mails_before = Notification.objects.count(), len(mail.outbox)

    again = services.certificates_refresh(today=date(2029, 1, 1))
    assert (again.changes, again.reminders) == ([], [])
    assert (Notification.objects.count(), len(mail.outbox)) == (notes_before, mails_before)


def test_refresh_second_run_sends_no_mail(
    certificate_p, personas, django_capture_on_commit_callbacks
):
    personas["producer_a"].email = "a@example.com"
    personas["producer_a"].save()
    with django_capture_on_commit_callbacks(execute=True):
        services.certificates_refresh(today=date(2029, 7, 1))
    assert len(mail.outbox) == 1
    assert "hết hạn" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        report = services.certificates_refresh(today=date(2029, 7, 1))
    assert (report.changes, report.reminders, len(mail.outbox)) == ([], [], 1)
    certificate_p.refresh_from_db()
    assert certificate_p.status == "expired"
    assert set(CertificateReminder.objects.values_list("milestone", flat=True)) == {"expired"}


def test_refresh_reminds_of_the_closing_window_and_reopens_valid(certificate_p):
    services.certificates_refresh(today=date(2029, 2, 10))
    report = services.certificates_refresh(today=date(2029, 3, 3))
    certificate_p.refresh_from_db()
    assert certificate_p.status == "valid"
    assert [(old, new) for _c, old, new in report.changes] == [("reevaluation", "valid")]
    assert set(CertificateReminder.objects.values_list("milestone", flat=True)) == {
        "window_opened",
        "window_closing",
    }
