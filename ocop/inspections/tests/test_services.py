"""Post-audit rules (Art. 9, 8.1.b, 8.1.d, 8.4 of Decision 26/2026/QĐ-TTg), on concrete dates."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ocop.accounts.models import Notification
from ocop.certificates.models import Certificate
from ocop.core.models import AuditEntry
from ocop.inspections import services
from ocop.inspections.models import Inspection
from ocop.inspections.testing import make_plan, record

from .conftest import CONCLUDED_ON

pytestmark = pytest.mark.django_db


def test_art_9_4_a_the_province_inspects_its_own_3_and_4_star_products(personas, certs, plan_p):
    """9.4.a: "UBND cấp tỉnh giao cơ quan tham mưu quản lý OCOP cấp tỉnh … kiểm tra; giám sát
    đối với sản phẩm OCOP trên địa bàn"."""
    officer = personas["province_p"]
    for name in ("honey", "tea"):
        inspection = services.plan_add_product(actor=officer, plan=plan_p, certificate=certs[name])
        assert (inspection.kind, inspection.level, inspection.status) == (
            "periodic", "province", "planned"
        )  # fmt: skip
    assert AuditEntry.objects.filter(action="inspection_plan_add").count() == 2


def test_art_9_4_b_a_5_star_product_is_the_ministrys_not_the_provinces(personas, certs, plan_p):
    """9.4.b: the ministry inspects "sản phẩm OCOP 5 sao"; a provincial plan may not take it."""
    with pytest.raises(ValidationError, match="5 sao"):
        services.plan_add_product(
            actor=personas["province_p"], plan=plan_p, certificate=certs["rice"]
        )
    with pytest.raises(PermissionDenied):
        services.inspection_open_adhoc(
            actor=personas["province_p"], certificate=certs["rice"], reason="complaint",
            reason_note="", inspectors="Chi cục PTNT",
        )  # fmt: skip
    assert Inspection.objects.count() == 0


def test_art_9_4_b_the_ministry_inspects_5_star_and_3_4_star_when_needed(personas, certs):
    """9.4.b: "sản phẩm OCOP 5 sao hoặc sản phẩm 3 sao, 4 sao khi cần thiết"."""
    central = personas["central"]
    notices = Notification.objects.count()
    plan = make_plan(central, None, level="central")
    five = services.plan_add_product(actor=central, plan=plan, certificate=certs["rice"])
    four = services.inspection_open_adhoc(
        actor=central, certificate=certs["coffee"], reason="violation_sign",
        reason_note="Quảng cáo sai số sao", inspectors="Văn phòng Điều phối NTM Trung ương",
    )  # fmt: skip
    assert (five.level, four.level, four.kind) == ("central", "central", "adhoc")
    assert Notification.objects.count() == notices  # an ad-hoc inspection is not announced


def test_art_9_4_others_are_refused_and_nothing_changes(personas, territory, certs, plan_p):
    """9.4: only the provincial agency (its province) and the ministry inspect."""
    for name in ("province_q", "commune_x", "producer_a", "advisor"):
        with pytest.raises(PermissionDenied):
            services.plan_add_product(actor=personas[name], plan=plan_p, certificate=certs["honey"])
        with pytest.raises(PermissionDenied):
            services.inspection_open_adhoc(
                actor=personas[name], certificate=certs["honey"], reason="complaint",
                reason_note="", inspectors="Đoàn",
            )  # fmt: skip
    with pytest.raises(PermissionDenied):
        make_plan(personas["province_q"], territory.province_p)
    with pytest.raises(PermissionDenied):
        make_plan(personas["province_p"], None, level="central")
    assert Inspection.objects.count() == 0
    assert AuditEntry.objects.filter(action__startswith="inspection").count() == 1  # plan_p


def test_a_plan_of_province_p_does_not_take_a_product_of_q(personas, certs, plan_p):
    """9.4.a: the provincial agency inspects "sản phẩm OCOP trên địa bàn" — its own province."""
    with pytest.raises(ValidationError, match="không thuộc tỉnh"):
        services.plan_add_product(actor=personas["admin"], plan=plan_p, certificate=certs["coffee"])
    assert Inspection.objects.count() == 0


def test_art_9_1_only_recognised_products_are_inspected(personas, certs, plan_p):
    """9.1: post-audit is of products "đã được công nhận": a revoked certificate is not inspected."""
    Certificate.objects.filter(pk=certs["honey"].pk).update(
        status="revoked", revocation_ground="untruthful", revocation_decision_date=date(2026, 9, 1)
    )
    with pytest.raises(ValidationError, match="không còn hiệu lực"):
        services.plan_add_product(
            actor=personas["province_p"], plan=plan_p, certificate=certs["honey"]
        )
    assert Inspection.objects.count() == 0


def test_a_product_is_in_a_plan_once(personas, certs, plan_p):
    """9.2.a: a periodic plan lists each recognised product once."""
    officer = personas["province_p"]
    services.plan_add_product(actor=officer, plan=plan_p, certificate=certs["honey"])
    with pytest.raises(ValidationError, match="đã có trong kế hoạch"):
        services.plan_add_product(actor=officer, plan=plan_p, certificate=certs["honey"])
    assert Inspection.objects.count() == 1


def _inspection(personas, certs, plan_p, name="honey"):
    return services.plan_add_product(
        actor=personas["province_p"], plan=plan_p, certificate=certs[name]
    )


def test_art_9_3_a_conclusion_needs_the_whole_checklist(personas, certs, plan_p):
    """9.3: the criteria kept against the recognised dossier (a), and the use of the OCOP mark,
    information and advertising (b): all three are answered before a conclusion."""
    officer = personas["province_p"]
    inspection = _inspection(personas, certs, plan_p)
    services.inspection_record(
        actor=officer, inspection=inspection, criteria_kept=True, mark_kept=None,
        information_kept=True,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="ba nội dung"):
        services.inspection_conclude(
            actor=officer, inspection=inspection, conclusion="Đạt", concluded_on=CONCLUDED_ON
        )
    inspection.refresh_from_db()
    assert (inspection.status, inspection.concluded_on) == ("planned", None)


def test_art_9_kept_product_is_concluded_without_revocation(personas, certs, plan_p):
    officer = personas["province_p"]
    inspection = record(officer, _inspection(personas, certs, plan_p))
    services.inspection_conclude(
        actor=officer, inspection=inspection, conclusion="Sản phẩm duy trì đầy đủ tiêu chí",
        concluded_on=CONCLUDED_ON,
    )  # fmt: skip
    inspection.refresh_from_db()
    assert (inspection.status, inspection.concluded_on, inspection.revocation_due) == (
        "concluded", date(2026, 11, 3), None
    )  # fmt: skip
    assert inspection.revocation_overdue_on(date(2027, 1, 1)) is False
    with pytest.raises(ValidationError, match="đã có kết luận"):
        record(officer, inspection, kept=False)


def test_art_8_1_b_and_8_4_conclusion_3_nov_2026_opens_a_revocation_due_18_nov_2026(
    personas, certs, plan_p
):
    """8.1.b: "không còn đáp ứng các tiêu chí … theo kết luận kiểm tra, giám sát"; 8.4: "15 ngày
    kể từ ngày có kết luận". Concluded 3 Nov 2026 → decided by 18 Nov 2026; overdue from 19 Nov."""
    officer = personas["province_p"]
    inspection = record(officer, _inspection(personas, certs, plan_p), kept=False)
    services.inspection_conclude(
        actor=officer, inspection=inspection, conclusion="Không duy trì tiêu chí chất lượng",
        concluded_on=date(2026, 11, 3), revocation_ground="criteria_not_met",
    )  # fmt: skip
    inspection.refresh_from_db()
    assert (inspection.revocation_ground, inspection.revocation_article) == (
        "criteria_not_met", "8.1.b"
    )  # fmt: skip
    assert inspection.revocation_due == date(2026, 11, 18)
    assert inspection.revocation_overdue_on(date(2026, 11, 18)) is False
    assert inspection.revocation_overdue_on(date(2026, 11, 19)) is True
    message = Notification.objects.filter(recipient=personas["producer_a"]).latest("id").message
    assert "18/11/2026" in message and "8.1.b" in message


def test_art_8_1_b_needs_criteria_not_kept_and_8_1_d_a_misused_mark(personas, certs, plan_p):
    """8.1.b follows a finding on the criteria, 8.1.d ("sử dụng nhãn hiệu OCOP không đúng quy
    định") a finding on the mark or its information; a kept product opens neither."""
    officer = personas["province_p"]
    kept = record(officer, _inspection(personas, certs, plan_p))
    for ground in ("criteria_not_met", "mark_misuse"):
        with pytest.raises(
            ValidationError, match=ground == "criteria_not_met" and "8.1.b" or "8.1.d"
        ):
            services.inspection_conclude(
                actor=officer, inspection=kept, conclusion="x", concluded_on=CONCLUDED_ON,
                revocation_ground=ground,
            )  # fmt: skip
    with pytest.raises(ValidationError, match="điểm b hoặc điểm d"):
        services.inspection_conclude(
            actor=officer, inspection=kept, conclusion="x", concluded_on=CONCLUDED_ON,
            revocation_ground="untruthful",
        )  # fmt: skip
    kept.refresh_from_db()
    assert (kept.status, kept.revocation_ground) == ("planned", "")


def test_art_8_4_revocation_from_the_inspection_uses_its_conclusion_date(personas, certs, plan_p):
    """8.4: the certificates' revocation gets the conclusion date and ground from the inspection:
    concluded 3 Nov 2026, decided 17 Nov 2026 — in time (due 18 Nov)."""
    officer = personas["province_p"]
    inspection = record(officer, _inspection(personas, certs, plan_p), mark=False)
    services.inspection_conclude(
        actor=officer, inspection=inspection, conclusion="Dán sai số sao",
        concluded_on=date(2026, 11, 3), revocation_ground="mark_misuse",
    )  # fmt: skip
    certificate = services.inspection_revoke(
        actor=officer, inspection=inspection, decision_number="45/QĐ-UBND",
        decision_date=date(2026, 11, 17),
    )  # fmt: skip
    certificate.refresh_from_db()
    assert (certificate.status, certificate.revocation_ground) == ("revoked", "mark_misuse")
    assert certificate.revocation_conclusion_date == date(2026, 11, 3)
    assert certificate.revocation_deadline == date(2026, 11, 18)
    inspection.refresh_from_db()
    assert (inspection.revocation_done, inspection.revocation_overdue_on(date(2027, 1, 1))) == (
        True, False
    )  # fmt: skip


def test_art_8_4_a_revocation_decided_after_18_nov_2026_is_flagged_overdue(personas, certs, plan_p):
    """8.4: decided 20 Nov 2026 on a 3 Nov 2026 conclusion is recorded, and flagged overdue."""
    officer = personas["province_p"]
    inspection = record(officer, _inspection(personas, certs, plan_p), kept=False)
    services.inspection_conclude(
        actor=officer, inspection=inspection, conclusion="Không duy trì tiêu chí",
        concluded_on=date(2026, 11, 3), revocation_ground="criteria_not_met",
    )  # fmt: skip
    services.inspection_revoke(
        actor=officer, inspection=inspection, decision_number="46/QĐ-UBND",
        decision_date=date(2026, 11, 20),
    )  # fmt: skip
    inspection.refresh_from_db()
    assert inspection.revocation_overdue_on(date(2026, 11, 20)) is True
    assert inspection.certificate.revocation_overdue is True


def test_art_8_2_a_ministry_inspection_of_a_4_star_is_revoked_by_the_province(personas, certs):
    """8.2.a: the provincial chair revokes 3★/4★ certificates, even after a ministry
    inspection (9.4.b); the central officer may conclude but not revoke."""
    central = personas["central"]
    inspection = services.inspection_open_adhoc(
        actor=central, certificate=certs["honey"], reason="complaint", reason_note="",
        inspectors="Bộ NN&MT",
    )  # fmt: skip
    record(central, inspection, kept=False)
    services.inspection_conclude(
        actor=central, inspection=inspection, conclusion="Không duy trì tiêu chí",
        concluded_on=date(2026, 11, 3), revocation_ground="criteria_not_met",
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.inspection_revoke(
            actor=central, inspection=inspection, decision_number="1/QĐ-BNNMT",
            decision_date=date(2026, 11, 10),
        )  # fmt: skip
    assert Certificate.objects.get(pk=certs["honey"].pk).status == "valid"
    with pytest.raises(PermissionDenied):  # nor may the province record the ministry's inspection
        record(personas["province_p"], Inspection.objects.get(pk=inspection.pk))
    services.inspection_revoke(
        actor=personas["province_p"], inspection=inspection, decision_number="47/QĐ-UBND",
        decision_date=date(2026, 11, 10),
    )  # fmt: skip
    assert Certificate.objects.get(pk=certs["honey"].pk).status == "revoked"


def test_a_conclusion_without_revocation_cannot_be_revoked_from(personas, certs, plan_p):
    """8.3.a / 8.4: only a conclusion that found a ground of 8.1 leads to a revocation."""
    officer = personas["province_p"]
    inspection = record(officer, _inspection(personas, certs, plan_p))
    with pytest.raises(ValidationError, match="không đề nghị thu hồi"):
        services.inspection_revoke(
            actor=officer, inspection=inspection, decision_number="1/QĐ-UBND",
            decision_date=date(2026, 11, 10),
        )  # fmt: skip
    assert Certificate.objects.get(pk=certs["honey"].pk).status == "valid"
