"""Art. 10.1.b of Decision 26/2026: the central level reviews a provincial recognition decision
(10 Jun 2027), may send dossiers back to the province to be evaluated again, and may revoke the
whole decision (every certificate it issued); recorded, notified in writing, audited. A province
or commune officer can do none of it."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ocop.accounts.models import Notification
from ocop.accounts.testing import assert_matrix, client_for
from ocop.certificates.models import Certificate, Notice
from ocop.core.models import AuditEntry
from ocop.evaluation.models import Application, DecisionReview
from ocop.evaluation.services.decisions import decision_issue
from ocop.evaluation.services.oversight import (
    decision_redo,
    decision_review_record,
    decision_revoke,
)
from ocop.evaluation.services.sessions import session_close
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.testing import answers_totalling

pytestmark = pytest.mark.django_db
FINDING = "Hội đồng họp không đủ số thành viên theo Quy chế (điểm b khoản 3 Điều 7)."
REVIEWED = date(2027, 8, 3)


@pytest.fixture
def decision(council_world, personas):
    w = council_world
    for item in w.items:
        for member in w.members:
            sheet_submit(actor=member.user, item=item, member=member,
                         answers=answers_totalling(item_sheet(item), 75))  # fmt: skip
    session_close(actor=None, session=w.session)
    return decision_issue(actor=personas["province_p"], level="province",
                          province=w.council.province, items=list(w.session.items.all()),
                          decided_on=date(2027, 6, 10))  # fmt: skip


def certificates_of(decision):
    return Certificate.objects.filter(decision_number=decision.number).order_by("id")


def state(decision):
    return (
        list(DecisionReview.objects.values_list("pk", flat=True)),
        list(certificates_of(decision).values_list("status", flat=True)),
        sorted(Application.objects.values_list("stage", flat=True)),
        Notice.objects.exclude(kind="result").count(),
    )


def test_10_1_b_a_compliant_review_is_recorded_and_notified_to_the_province(decision, personas):
    review = decision_review_record(
        actor=personas["central"],
        decision=decision,
        finding="Đúng trình tự, thủ tục.",
        reviewed_on=REVIEWED,
    )
    assert (review.conclusion, review.reviewed_on, review.created_by) == (
        "compliant", REVIEWED, personas["central"])  # fmt: skip
    letter = Notice.objects.get(kind="review")
    assert (letter.number, letter.authority_name, letter.recipient_kind, letter.addressee) == (
        "01/TB-BNNMT", "Bộ Nông nghiệp và Môi trường", "province",
        "Sở Nông nghiệp và Môi trường thành phố Hà Nội")  # fmt: skip
    assert Notification.objects.filter(recipient=personas["province_p"],
                                       url=letter.get_absolute_url()).count() == 1  # fmt: skip
    assert AuditEntry.objects.filter(action="decision_review_compliant").count() == 1
    with pytest.raises(ValidationError):  # the same finding twice: one record
        decision_review_record(
            actor=personas["central"],
            decision=decision,
            finding="Đúng trình tự, thủ tục.",
            reviewed_on=REVIEWED,
        )
    assert DecisionReview.objects.count() == 1


def test_10_1_b_redo_sends_the_dossiers_back_to_the_province(decision, personas):
    chosen = [i.application for i in decision.items.order_by("id")[:2]]
    review = decision_redo(actor=personas["central"], decision=decision, applications=chosen,
                           finding=FINDING, reviewed_on=REVIEWED)  # fmt: skip
    stages = [Application.objects.get(pk=a.pk).stage for a in chosen]
    assert stages == ["advisory_review", "advisory_review"]
    last = Application.objects.get(pk=chosen[0].pk).history.order_by("-id").first()
    assert (last.action, last.from_stage, last.to_stage, last.reason, last.actor) == (
        "redo", "decided", "advisory_review", FINDING, personas["central"])  # fmt: skip
    assert sorted(review.redone.values_list("pk", flat=True)) == sorted(a.pk for a in chosen)
    assert list(certificates_of(decision).values_list("status", flat=True)) == ["valid"] * 3
    letters = Notice.objects.filter(kind="redo").order_by("id")
    assert [n.recipient_kind for n in letters] == ["province", "producer", "commune",
                                                   "producer", "commune"]  # fmt: skip
    assert "Đề nghị UBND cấp tỉnh chỉ đạo thực hiện lại" in letters[0].body
    assert AuditEntry.objects.filter(action="application_redo").count() == 2
    before = state(decision)
    with pytest.raises(ValidationError):  # no longer decided: a second request changes nothing
        decision_redo(actor=personas["central"], decision=decision, applications=chosen,
                      finding=FINDING, reviewed_on=REVIEWED)  # fmt: skip
    assert state(decision) == before


def test_10_1_b_revoking_the_decision_revokes_every_certificate(decision, personas):
    review = decision_revoke(actor=personas["central"], decision=decision, finding=FINDING,
                             reviewed_on=REVIEWED, revocation_number="25/QĐ-UBND",
                             revocation_date=date(2027, 8, 10))  # fmt: skip
    rows = certificates_of(decision).values_list(
        "status", "revocation_ground", "revocation_decision_number", "revocation_decision_date",
        "revocation_conclusion_date", "revocation_note")  # fmt: skip
    assert list(rows) == [("revoked", "other_conclusion", "25/QĐ-UBND", date(2027, 8, 10),
                           REVIEWED, FINDING)] * 3  # fmt: skip
    assert review.conclusion == "revoke"
    letters = Notice.objects.filter(kind="decision_revoked").order_by("id")
    assert [n.recipient_kind for n in letters] == ["province"] + ["producer", "commune"] * 3
    assert {n.issued_on for n in letters} == {date(2027, 8, 10)}
    assert AuditEntry.objects.filter(action="certificate_revoke").count() == 3
    before = state(decision)
    for again in (
        lambda: decision_revoke(actor=personas["central"], decision=decision, finding=FINDING,
                                reviewed_on=REVIEWED, revocation_number="26/QĐ-UBND",
                                revocation_date=date(2027, 8, 11)),
        lambda: decision_review_record(actor=personas["central"], decision=decision,
                                       finding="Khác", reviewed_on=REVIEWED),
    ):  # fmt: skip
        with pytest.raises(ValidationError):
            again()
    assert state(decision) == before


def test_10_1_b_revocation_needs_its_number_and_a_date_after_the_finding(decision, personas):
    before = state(decision)
    for number, day in (("", date(2027, 8, 10)), ("25/QĐ-UBND", date(2027, 8, 2))):
        with pytest.raises(ValidationError):
            decision_revoke(actor=personas["central"], decision=decision, finding=FINDING,
                            reviewed_on=REVIEWED, revocation_number=number,
                            revocation_date=day)  # fmt: skip
    assert state(decision) == before


@pytest.mark.parametrize("persona", ["province_p", "commune_x", "producer_a", "member"])
def test_10_1_b_a_province_or_commune_officer_cannot_oversee(decision, personas, persona):
    actor = personas[persona]
    chosen = [decision.items.first().application]
    before = state(decision)
    calls = (
        lambda: decision_review_record(actor=actor, decision=decision, finding=FINDING,
                                       reviewed_on=REVIEWED),
        lambda: decision_redo(actor=actor, decision=decision, applications=chosen,
                              finding=FINDING, reviewed_on=REVIEWED),
        lambda: decision_revoke(actor=actor, decision=decision, finding=FINDING,
                                reviewed_on=REVIEWED, revocation_number="25/QĐ-UBND",
                                revocation_date=date(2027, 8, 10)),
    )  # fmt: skip
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert state(decision) == before


def test_10_1_b_the_review_page_only_for_the_central_level(decision, personas):
    url = reverse("evaluation:decision_oversight", args=[decision.pk])
    assert_matrix(personas, url, ["central", "admin"], state=lambda: state(decision))
    data = {"conclusion": "revoke", "finding": FINDING, "reviewed_on": "2027-08-03",
            "revocation_number": "25/QĐ-UBND", "revocation_date": "2027-08-10"}  # fmt: skip
    client = client_for(personas["central"])
    asked = client.post(url, data)
    assert "Xác nhận" in asked.content.decode() and state(decision)[0] == []
    assert "3 giấy chứng nhận còn hiệu lực của quyết định sẽ bị thu hồi" in asked.content.decode()
    done = client.post(url, {**data, "confirm": "1"})
    assert done.status_code == 302
    page = client.get(reverse("evaluation:decision_detail", args=[decision.pk])).content.decode()
    assert "Quyết định này đã bị thu hồi" in page and "25/QĐ-UBND" in page
    assert client_for(personas["province_p"]).post(url, {**data, "confirm": "1"}).status_code == 403


def test_10_1_b_a_dossier_sent_back_is_evaluated_again_and_its_new_result_supersedes(
    decision, personas, council_world, world
):
    """Redo requested 3 Aug 2027; the advisory team reports again, a session of 20 Sep 2027 scores
    it 85, the decision of 1 Oct 2027 issues a new certificate that supersedes the first."""
    from ocop.evaluation.services.sessions import session_create
    from ocop.evaluation.services.transitions import application_transition

    application = decision.items.order_by("id").first().application
    first = application.product.certificates.get()
    decision_redo(actor=personas["central"], decision=decision, applications=[application],
                  finding=FINDING, reviewed_on=REVIEWED)  # fmt: skip
    application.refresh_from_db()
    application_transition(actor=personas["advisor"], application=application,
                           action="report_to_council", report={"text": "Đánh giá lại."},
                           today=date(2027, 9, 1))  # fmt: skip
    session = session_create(actor=None, council=council_world.council, round=world.round,
                             held_on=date(2027, 9, 20), applications=[application])  # fmt: skip
    item = session.items.get()
    for member in council_world.members:
        sheet_submit(actor=member.user, item=item, member=member,
                     answers=answers_totalling(item_sheet(item), 85))  # fmt: skip
    session_close(actor=None, session=session)
    again = decision_issue(actor=personas["province_p"], level="province",
                           province=council_world.council.province, items=[item],
                           decided_on=date(2027, 10, 1))  # fmt: skip
    first.refresh_from_db()
    new = application.product.certificates.exclude(pk=first.pk).get()
    assert (again.number, first.status, new.supersedes_id) == ("02/QĐ-UBND", "superseded", first.pk)
    assert Application.objects.get(pk=application.pk).stage == "decided"
