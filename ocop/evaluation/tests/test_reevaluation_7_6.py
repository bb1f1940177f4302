"""Art. 7.6.g of Decision 26/2026/QĐ-TTg: "Thời gian tổ chức đánh giá, phân hạng lại sản phẩm OCOP
không quá 45 ngày kể từ ngày nhận đủ hồ sơ đề nghị của UBND cấp xã hoặc UBND cấp tỉnh." The limit
is tracked from the day the province receives the complete dossier, and a re-evaluation's default
deadlines fit inside it (intake 5 + advisory 10 + decision 5 working days)."""

from datetime import date

import pytest

from ocop.certificates.services import certificate_issue
from ocop.evaluation import workflow
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import fill_dossier, make_product

pytestmark = pytest.mark.django_db

MAU03 = {
    "raw_materials": "Nguyên liệu tại xã.", "local_labour": "12 lao động địa phương.",
    "idea_origin": "Sản phẩm truyền thống.", "local_identity": "Giống rau bản địa.",
    "proposal_letter": "Tờ trình số 15/TTr-UBND",
}  # fmt: skip


def test_art_7_6_g_45_days_from_the_complete_dossier_received_3_aug_2026(
    personas, world, monkeypatch
):
    """Art. 7.6.g: a re-evaluation (certificate valid until 1 Jan 2027, window 5 Jul – 3 Sep
    2026) filed 20 Jul 2026, proposed by the commune on Mon 3 Aug 2026: limit 17 Sep 2026;
    intake due 10 Aug (5 working days); a request for additions on
    7 Aug restarts the count from the completed additions (12 Aug → limit 26 Sep 2026)."""
    p = personas
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2026, 7, 20))
    product = make_product(world.producer_a, "Gạo tám")
    certificate_issue(
        actor=None, product=product, stars=4, rules="148-2023",
        authority_name="UBND thành phố Hà Nội", authority_level="province",
        decision_number="05/QĐ-UBND", decision_date=date(2024, 1, 1), issue_date=date(2024, 1, 1),
    )  # fmt: skip
    application = application_create(actor=p["producer_a"], product=product, round=world.round,
                                     kind="reevaluation", today=date(2026, 7, 20))  # fmt: skip
    fill_dossier(application, p["producer_a"])

    def act(user, action, day, **extra):
        return application_transition(actor=user, application=application, action=action,
                                      today=day, **extra)  # fmt: skip

    act(p["producer_a"], "submit", date(2026, 7, 20))
    assert application.completion_on(date(2026, 7, 20)) is None  # not received by the province
    act(p["commune_x"], "propose", date(2026, 8, 3), report=MAU03)
    assert (application.complete_on, application.stage_due) == (date(2026, 8, 3), date(2026, 8, 10))
    assert application.completion_on(date(2026, 8, 3))["limit"] == date(2026, 9, 17)
    act(p["province_p"], "request_additions", date(2026, 8, 7),
        items=[{"item": "Phiếu kiểm nghiệm", "reason": "Hết hạn."}])  # fmt: skip
    assert application.complete_on is None
    act(p["producer_a"], "complete_additions", date(2026, 8, 12))
    act(p["province_p"], "accept", date(2026, 8, 13))
    assert (application.stage, application.complete_on) == ("advisory_review", date(2026, 8, 12))
    assert application.stage_due == date(2026, 8, 26)  # Sat 22 Aug 2026 is a swapped working day
    assert application.completion_on(date(2026, 9, 12)) == {
        "limit": date(2026, 9, 26), "article": "7.6.g", "state": "soon", "days_left": 14,
    }  # fmt: skip
    assert application.completion_on(date(2026, 9, 27))["state"] == "overdue"


def test_art_7_6_g_default_reevaluation_deadlines_fit_in_45_days():
    """Art. 7.6.g: intake + advisory + decision for a re-evaluation proposed Mon 3 Aug 2026 end by
    28 Aug 2026 (20 working days; Sat 22 Aug is a swapped working day), 20 days before the 45-day
    limit (17 Sep 2026); a first-time
    dossier keeps the longer defaults (intake 10 + advisory 20)."""
    intake = workflow.due_date(workflow.PROPOSED, date(2026, 8, 3), kind="reevaluation")
    advisory = workflow.due_date(workflow.ADVISORY_REVIEW, intake, kind="reevaluation")
    decision = workflow.due_date(workflow.SCORED, advisory, kind="reevaluation")
    assert (intake, advisory, decision) == (date(2026, 8, 10), date(2026, 8, 22), date(2026, 8, 28))
    first_intake = workflow.due_date(workflow.PROPOSED, date(2026, 8, 3))
    assert first_intake == date(2026, 8, 17)
    assert workflow.due_date(workflow.ADVISORY_REVIEW, first_intake) == date(2026, 9, 16)  # 44 days
