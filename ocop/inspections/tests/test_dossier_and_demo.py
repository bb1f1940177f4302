"""Art. 9.3.a checks the product against "hồ sơ đã được đánh giá, phân hạng": the inspection
finds the dossier whose decision issued the certificate. And the demo's post-audit plan."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ocop.accounts.roles import Role
from ocop.accounts.testing import client_for, make_user
from ocop.certificates.models import Certificate
from ocop.inspections import services
from ocop.inspections.demo import seed_inspections
from ocop.inspections.models import Inspection, Plan
from ocop.inspections.selectors import recognised_item
from tests.world import build_world

pytestmark = pytest.mark.django_db


def test_art_9_3_a_the_recognised_dossier_is_the_decided_application():
    world = build_world()
    item = world.closed.items.get()
    assert recognised_item(world.certificate) == item
    officer = world.personas["province_p"]
    inspection = services.inspection_open_adhoc(
        actor=officer, certificate=world.certificate, reason="complaint", reason_note="",
        inspectors="Chi cục PTNT",
    )  # fmt: skip
    body = client_for(officer).get(f"/inspections/{inspection.pk}/record/").content.decode()
    assert f'href="/applications/{item.application_id}/"' in body
    assert item.decision.number in body


def test_a_certificate_from_outside_the_system_has_no_dossier(certs):
    assert recognised_item(certs["honey"]) is None


def test_demo_plan_has_one_kept_product_and_one_revocation_opened(territory, certs):
    make_user("province", Role.PROVINCE, province=territory.province_p)
    assert seed_inspections().startswith("Hậu kiểm trình diễn: kế hoạch")
    today = timezone.localdate()
    plan = Plan.objects.get()
    kept, misused = plan.inspections.order_by("revocation_ground")
    assert (kept.status, kept.revocation_ground, kept.revocation_due) == ("concluded", "", None)
    assert (misused.status, misused.revocation_ground) == ("concluded", "mark_misuse")
    assert misused.revocation_due == today + timedelta(days=10)  # 8.4: 15 days from today − 5
    assert misused.revocation_overdue_on(today) is False
    assert Certificate.objects.filter(status="revoked").count() == 0  # demo figures unchanged
    assert seed_inspections() == "Hậu kiểm trình diễn: đã có, bỏ qua."
    assert Inspection.objects.count() == 2
