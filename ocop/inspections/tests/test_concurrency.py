"""Ten concurrent submissions of each post-audit action have exactly one effect: a product put in
a plan once, an inspection concluded once, a revocation from it decided once. Run on SQLite and
on PostgreSQL (DATABASE_URL)."""

from datetime import date

import pytest

from ocop.accounts.models import Notification
from ocop.certificates.models import Certificate
from ocop.core.models import AuditEntry
from ocop.core.testing import assert_one_effect, run_at_once
from ocop.inspections import services
from ocop.inspections.models import Inspection, Plan
from ocop.inspections.testing import record

pytestmark = pytest.mark.django_db(transaction=True)


def test_ten_adds_put_a_product_in_a_plan_once(personas, certs, plan_p):
    race = run_at_once(lambda: services.plan_add_product(
        actor=personas["province_p"], plan=Plan.objects.get(pk=plan_p.pk),
        certificate=Certificate.objects.get(pk=certs["honey"].pk)))  # fmt: skip
    assert_one_effect(race)
    assert Inspection.objects.filter(plan=plan_p).count() == 1
    assert AuditEntry.objects.filter(action="inspection_plan_add").count() == 1


def test_ten_conclusions_conclude_once(personas, certs, plan_p):
    """Art. 8.4: one conclusion, one date the 15 days run from (3 Nov 2026 → 18 Nov 2026)."""
    officer = personas["province_p"]
    inspection = services.plan_add_product(actor=officer, plan=plan_p, certificate=certs["honey"])
    record(officer, inspection, kept=False)
    race = run_at_once(lambda: services.inspection_conclude(
        actor=officer, inspection=Inspection.objects.get(pk=inspection.pk),
        conclusion="Không duy trì tiêu chí", concluded_on=date(2026, 11, 3),
        revocation_ground="criteria_not_met"))  # fmt: skip
    assert_one_effect(race)
    assert AuditEntry.objects.filter(action="inspection_conclude").count() == 1
    assert Notification.objects.filter(message__contains="18/11/2026").count() == 1


def test_ten_revocations_from_one_conclusion_revoke_once(personas, certs, plan_p):
    officer = personas["province_p"]
    inspection = services.plan_add_product(actor=officer, plan=plan_p, certificate=certs["honey"])
    record(officer, inspection, mark=False)
    services.inspection_conclude(
        actor=officer, inspection=inspection, conclusion="Sai nhãn hiệu",
        concluded_on=date(2026, 11, 3), revocation_ground="mark_misuse",
    )  # fmt: skip
    race = run_at_once(lambda: services.inspection_revoke(
        actor=officer, inspection=Inspection.objects.get(pk=inspection.pk),
        decision_number="45/QĐ-UBND", decision_date=date(2026, 11, 10)))  # fmt: skip
    assert_one_effect(race)
    assert Certificate.objects.get(pk=certs["honey"].pk).status == "revoked"
    assert AuditEntry.objects.filter(action="certificate_revoke").count() == 1
    assert AuditEntry.objects.filter(action="inspection_revoke").count() == 1
