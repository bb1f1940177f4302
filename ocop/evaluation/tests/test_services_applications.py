"""Filing, the workflow end to end, refusals that change nothing, carry-forward, uploads."""

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from ocop.accounts.models import Notification
from ocop.core.models import AuditEntry
from ocop.core.workdays import add_working_days
from ocop.evaluation.models import Application, EvidenceFile, StageChange
from ocop.evaluation.services import files as file_services
from ocop.evaluation.services.applications import application_create, application_save_forms
from ocop.evaluation.services.files import dossier_dir, evidence_remove, evidence_upload
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import PDF_BYTES, new_dossier, pdf_upload, png_bytes

RETURN_ITEMS = [{"item": "Tiêu chí 1.1", "reason": "Thiếu hợp đồng mua nguyên liệu"}]
MAU03 = {
    "raw_materials": "Nguyên liệu tại xã.", "local_labour": "12 lao động địa phương.",
    "idea_origin": "Sản phẩm truyền thống.", "local_identity": "Giống rau bản địa.",
    "proposal_letter": "Tờ trình số 15/TTr-UBND ngày 10/01/2027",
}  # fmt: skip
TODAY = date(2027, 1, 4)


def act(user, application, action, **kwargs):
    return application_transition(
        actor=user, application=application, action=action, today=TODAY, **kwargs
    )


def state(application):
    application.refresh_from_db()
    return (
        application.stage, application.stage_due, application.registration_number,
        StageChange.objects.filter(application=application).count(), AuditEntry.objects.count(),
        Notification.objects.count(),
    )  # fmt: skip


def test_full_path_with_return_numbers_deadlines_history_and_notices(personas, world):
    p = personas
    application = new_dossier(p["producer_a"], world.product_a, world.round)
    act(p["producer_a"], application, "submit")
    assert application.stage == "submitted"
    assert application.registration_number == "001/PĐK-01-10273-2027"
    assert application.filed_on == TODAY
    assert application.rules == "26-2026"
    assert application.stage_due == add_working_days(TODAY, 15) == date(2027, 1, 25)
    assert Notification.objects.filter(recipient=p["commune_x"]).count() == 1
    assert not Notification.objects.filter(recipient=p["commune_y"]).exists()
    act(p["commune_x"], application, "return", items=RETURN_ITEMS)
    assert application.stage == "returned"
    assert Notification.objects.filter(recipient=p["producer_a"]).count() == 1
    evidence_upload(actor=p["producer_a"], application=application, section="1.1",
                    upload=pdf_upload("hop-dong.pdf", PDF_BYTES + b"% contract\n"))  # fmt: skip
    act(p["producer_a"], application, "resubmit")
    act(p["commune_x"], application, "propose", report=MAU03)
    assert application.commune_report["idea_origin"] == "Sản phẩm truyền thống."
    act(p["province_p"], application, "accept")
    assert application.stage == "advisory_review"
    act(p["advisor"], application, "record_site_visit", report={"text": "Cơ sở sạch sẽ."})
    act(p["advisor"], application, "request_tests", reason="Kiểm nghiệm nitrat")
    act(p["producer_a"], application, "submit_tests")
    act(p["advisor"], application, "report_to_council", report={"text": "Đề nghị chấm."})
    assert application.stage == "ready_for_council"
    assert application.stage_due is None
    history = list(application.history.values_list("action", "actor__username"))
    assert history == [
        ("submit", "producer_a"), ("return", "commune_x"), ("resubmit", "producer_a"),
        ("propose", "commune_x"), ("accept", "province_p"), ("record_site_visit", "advisor"),
        ("request_tests", "advisor"), ("submit_tests", "producer_a"),
        ("report_to_council", "advisor"),
    ]  # fmt: skip
    returned = application.history.get(action="return")
    assert returned.items == RETURN_ITEMS
    assert returned.reason == "Tiêu chí 1.1: Thiếu hợp đồng mua nguyên liệu"
    assert AuditEntry.objects.filter(action="application_return").count() == 1
    assert len(mail.outbox) >= 0  # e-mails go after commit; the notice rows are the contract here


@pytest.mark.parametrize(
    ("persona", "action"),
    [
        ("province_p", "accept"),  # not in the map for "submitted"
        ("producer_a", "propose"),  # the producer cannot propose
        ("commune_y", "return"),  # another commune's dossier
        ("province_q", "return"),
        ("commune_x", "teleport"),  # no such action
    ],
)
def test_a_refused_transition_says_why_and_changes_nothing(personas, world, persona, action):
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    act(personas["producer_a"], application, "submit")
    before = state(application)
    with pytest.raises(ValidationError) as refused:
        act(personas[persona], application, action, items=RETURN_ITEMS, report=MAU03)
    assert refused.value.messages[0].startswith(("Không thể", "Vai trò"))
    assert state(application) == before


def test_return_needs_a_reason_per_item_and_mau03_needs_four_topics(personas, world):
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    act(personas["producer_a"], application, "submit")
    before = state(application)
    with pytest.raises(ValidationError):
        act(personas["commune_x"], application, "return", items=[{"item": "1.1", "reason": ""}])
    with pytest.raises(ValidationError):
        act(personas["commune_x"], application, "propose", report={**MAU03, "local_identity": ""})
    assert state(application) == before


def test_an_incomplete_dossier_cannot_be_submitted(personas, world):
    application = application_create(
        actor=personas["producer_a"], product=world.product_a, round=world.round, kind="first"
    )
    with pytest.raises(ValidationError) as refused:
        act(personas["producer_a"], application, "submit")
    assert "Chưa tự chấm 32 tiêu chí (đầu tiên: 1.1)." in refused.value.messages
    assert "Chưa đính kèm tài liệu minh chứng nào." in refused.value.messages
    application.refresh_from_db()
    assert (application.stage, application.registration_number) == ("draft", "")


def test_only_the_representative_files_and_one_open_dossier_per_product(personas, world):
    with pytest.raises(PermissionDenied):
        application_create(
            actor=personas["producer_b"], product=world.product_a, round=world.round, kind="first"
        )
    new_dossier(personas["producer_a"], world.product_a, world.round)
    with pytest.raises(ValidationError, match="chưa xử lý xong"):
        application_create(
            actor=personas["producer_a"], product=world.product_a, round=world.round, kind="first"
        )


def test_upgrade_carries_the_last_dossier_forward(personas, world):
    producer = personas["producer_a"]
    first = new_dossier(producer, world.product_a, world.round)
    act(producer, first, "submit")
    act(personas["commune_x"], first, "propose", report=MAU03)
    act(personas["province_p"], first, "accept")
    act(personas["advisor"], first, "report_to_council", report={"text": "Đạt."})
    world.product_a.current_stars = 3
    world.product_a.save()
    upgrade = application_create(
        actor=producer, product=world.product_a, round=world.round, kind="upgrade"
    )
    assert upgrade.previous == first
    assert upgrade.self_scores == first.self_scores
    assert upgrade.form02 == first.form02
    carried = upgrade.files.get()
    original = first.files.get()
    assert (carried.carried_from, carried.stored_name) == (original, original.stored_name)
    evidence_remove(actor=producer, evidence=carried)
    assert (dossier_dir() / original.stored_name).is_file()  # still used by the first dossier


def test_upgrade_needs_a_recognised_product(personas, world):
    with pytest.raises(ValidationError, match="chưa được công nhận"):
        application_create(
            actor=personas["producer_a"], product=world.product_a, round=world.round, kind="upgrade"
        )


def test_upload_stores_privately_and_refuses_bad_content(personas, world):
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    evidence = application.files.get()
    assert (dossier_dir() / evidence.stored_name).read_bytes().startswith(b"%PDF-")
    fake = pdf_upload("hop-dong.pdf", b"MZ not really a pdf")
    with pytest.raises(ValidationError, match="Chỉ nhận tệp PDF hoặc ảnh"):
        evidence_upload(
            actor=personas["producer_a"], application=application, section="1.2", upload=fake
        )
    image = pdf_upload("anh.jpg", png_bytes())
    stored = evidence_upload(
        actor=personas["producer_a"], application=application, section="1.2", upload=image
    )
    assert (stored.content_type, stored.original_name) == ("image/png", "anh.png")
    with pytest.raises(ValidationError, match="Mục minh chứng"):
        evidence_upload(
            actor=personas["producer_a"],
            application=application,
            section="9.9",
            upload=pdf_upload(),
        )


def test_a_failed_upload_leaves_nothing_behind(personas, world, monkeypatch):
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    files_before = sorted(p.name for p in dossier_dir().iterdir())

    def broken(**kwargs):
        raise RuntimeError("disk full halfway")

    monkeypatch.setattr(file_services, "audit_record", broken)
    with pytest.raises(RuntimeError):
        evidence_upload(
            actor=personas["producer_a"],
            application=application,
            section="1.2",
            upload=pdf_upload(),
        )
    assert sorted(p.name for p in dossier_dir().iterdir()) == files_before
    assert EvidenceFile.objects.filter(application=application).count() == 1


def test_dossier_size_limit(personas, world, monkeypatch):
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    monkeypatch.setattr("ocop.evaluation.uploads.MAX_DOSSIER_BYTES", 60)
    with pytest.raises(ValidationError, match="Tổng dung lượng"):
        evidence_upload(
            actor=personas["producer_a"],
            application=application,
            section="1.2",
            upload=pdf_upload(),
        )


def test_producer_cannot_upload_once_submitted(personas, world):
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    act(personas["producer_a"], application, "submit")
    with pytest.raises(PermissionDenied):
        evidence_upload(
            actor=personas["producer_a"],
            application=application,
            section="1.2",
            upload=pdf_upload(),
        )
    assert Application.objects.get().files.count() == 1


def returned_dossier(personas, world):
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    act(personas["producer_a"], application, "submit")
    act(personas["commune_x"], application, "return", items=RETURN_ITEMS)
    return application


def test_a_resubmission_that_changed_nothing_is_refused(personas, world):
    application = returned_dossier(personas, world)
    producer = personas["producer_a"]
    # Saved and undone, and the same bytes uploaded again: still nothing changed.
    phone = application.form01["phone"]
    application_save_forms(actor=producer, application=application, form01={"phone": "0900000000"})
    application_save_forms(actor=producer, application=application, form01={"phone": phone})
    evidence_upload(actor=producer, application=application, section="1.1", upload=pdf_upload())
    evidence_remove(actor=producer, evidence=application.files.order_by("uploaded_at").last())
    before = state(application)
    with pytest.raises(ValidationError) as refused:
        act(producer, application, "resubmit")
    assert refused.value.messages == [
        "Hồ sơ chưa có thay đổi nào kể từ khi bị trả lại (Mẫu 01, Mẫu 02, điểm tự chấm và minh "
        "chứng vẫn như cũ): hãy hoàn thiện các nội dung cần hoàn thiện rồi nộp lại."
    ]
    assert state(application) == before
    assert application.stage == "returned"


@pytest.mark.parametrize("change", ["form01", "form02", "self_scores", "files"])
def test_any_change_since_the_return_allows_the_resubmission(personas, world, change):
    application = returned_dossier(personas, world)
    producer = personas["producer_a"]
    if change == "form01":
        application_save_forms(actor=producer, application=application, form01={"phone": "0987"})
    elif change == "form02":
        application_save_forms(actor=producer, application=application,
                               form02={"future_plan": "Xuất khẩu sang Nhật Bản."})  # fmt: skip
    elif change == "self_scores":
        scores = {**application.self_scores, "1.1": 1}
        application_save_forms(actor=producer, application=application, self_scores=scores)
    else:
        evidence_upload(actor=producer, application=application, section="1.2",
                        upload=pdf_upload())  # fmt: skip
    act(producer, application, "resubmit")
    assert application.stage == "submitted"
    assert list(application.history.values_list("action", flat=True)) == [
        "submit",
        "return",
        "resubmit",
    ]
