"""The 5★ hand-off of Decision 26/2026/QĐ-TTg (Art. 6.3.a, 7.3.e, 7.4): the provincial chair's
approval decision and the province's letter, the assembled dossier sent to the ministry, the
central council's scoring, the ministry's notice, and the province's two choices below 90
(Art. 7.4.g). Dates: provincial council 20 May 2027, approval and letter 1 Jun 2027, sent 2 Jun,
central session 20 Aug 2027, notice 25 Aug 2027."""

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from ocop.accounts.models import Notification
from ocop.accounts.roles import Role
from ocop.accounts.testing import make_user
from ocop.certificates.notice_models import Notice
from ocop.core.models import AuditEntry
from ocop.evaluation.models import Application, FiveStarDossier, Round
from ocop.evaluation.services import fivestar
from ocop.evaluation.services.decisions import awaiting_decision, decision_issue
from ocop.evaluation.services.sessions import session_close, session_create
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.testing import answers_totalling, make_council

pytestmark = pytest.mark.django_db


def score(members, item, totals):
    for member, total in zip(members, totals, strict=True):
        sheet_submit(actor=member.user, item=item, member=member,
                     answers=answers_totalling(item_sheet(item), total))  # fmt: skip


def with_reports(application: Application) -> Application:
    application.advisory = {
        "council_reports": [{"date": "2027-05-10", "text": "Báo cáo tổ tư vấn."}]
    }
    application.form01 = {**application.form01, "samples": "5"}
    application.filed_on, application.registration_number = date(2027, 3, 1), "001/PĐK-01-2027"
    application.save(update_fields=["advisory", "form01", "filed_on", "registration_number"])
    return application


@pytest.fixture
def proposed(council_world, personas):
    """Product 1 averages 92.67 at the provincial council of 20 May 2027: proposed to the ministry
    by the provincial decision of 10 Jun 2027; product 2 averages 60 (3★)."""
    w = council_world
    score(w.members, w.items[0], [95, 92, 91])
    score(w.members, w.items[1], [60, 60, 60])
    score(w.members, w.items[2], [60, 60, 60])
    session_close(actor=None, session=w.session)
    decision_issue(actor=personas["province_p"], level="province", province=w.council.province,
                   items=list(w.session.items.all()), decided_on=date(2027, 6, 10))  # fmt: skip
    application = Application.objects.get(stage="proposed_central")
    return with_reports(application)


def central_session(personas, applications, totals):
    users = [make_user(f"tw{n}", Role.COUNCIL_MEMBER) for n in range(3)]
    central = make_council(None, users, level="central")
    round_ = Round.objects.create(level="central", year=2027, number=1,
                                  proposal_deadline=date(2027, 7, 30),
                                  decision_deadline=date(2027, 9, 30))  # fmt: skip
    session = session_create(actor=personas["central"], council=central, round=round_,
                             held_on=date(2027, 8, 20), applications=applications)  # fmt: skip
    seats = list(central.members.order_by("id"))
    for item, marks in zip(session.items.order_by("id"), totals, strict=True):
        score(seats, item, marks)
    session_close(actor=seats[-1].user, session=session)
    return session


def test_art_7_3_e_approval_decision_and_letter_numbered_on_1_jun_2027(proposed, personas):
    """Art. 7.3.e: "Chủ tịch UBND cấp tỉnh xem xét, quyết định phê duyệt kết quả đánh giá; UBND
    cấp tỉnh có văn bản": the approval decision takes the province's next decision number (after
    01/QĐ-UBND of 10 Jun), the letter its own series; both print as PDFs."""
    dossier = fivestar.fivestar_prepare(actor=personas["province_p"], application=proposed,
                                        on=date(2027, 6, 11), signer="Nguyễn Văn A")  # fmt: skip
    assert (dossier.approval_number, dossier.letter_number) == ("02/QĐ-UBND", "01/UBND-NNMT")
    assert (dossier.approved_on, dossier.status) == (date(2027, 6, 11), "preparing")
    assert AuditEntry.objects.filter(action="fivestar_prepare").count() == 1
    from ocop.evaluation import pdf_fivestar

    assert pdf_fivestar.approval_pdf(dossier).startswith(b"%PDF")
    assert pdf_fivestar.letter_pdf(dossier).startswith(b"%PDF")
    with pytest.raises(ValidationError):  # once per dossier
        fivestar.fivestar_prepare(actor=personas["province_p"], application=proposed,
                                  on=date(2027, 6, 12))  # fmt: skip


def test_art_7_3_e_only_the_province_prepares(proposed, personas):
    """Art. 7.3.e is the province's act: a commune officer, another province or the ministry is
    refused and nothing is created."""
    for persona in ("commune_x", "province_q", "central"):
        with pytest.raises(PermissionDenied):
            fivestar.fivestar_prepare(actor=personas[persona], application=proposed,
                                      on=date(2027, 6, 11))  # fmt: skip
    assert FiveStarDossier.objects.count() == 0


def test_art_6_3_a_send_refused_while_a_part_is_missing(proposed, personas):
    """Art. 6.3.a lists the letter, the advisory team's report, the council's report, the approval
    decision, the product dossier, extra tests (nếu có) and 05 samples: with only 3 samples
    recorded, sending on 2 Jun 2027 is refused and nothing changes."""
    proposed.form01 = {**proposed.form01, "samples": "3"}
    proposed.save(update_fields=["form01"])
    dossier = fivestar.fivestar_prepare(actor=personas["province_p"], application=proposed,
                                        on=date(2027, 6, 1))  # fmt: skip
    parts = {part.key: (part.present, part.required) for part in fivestar.dossier_parts(dossier)}
    assert parts == {
        "letter": (True, True), "advisory_report": (True, True), "council_report": (True, True),
        "approval": (True, True), "product_dossier": (True, True), "tests": (False, False),
        "samples": (False, True),
    }  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        fivestar.fivestar_send(actor=personas["province_p"], dossier=dossier, on=date(2027, 6, 2))
    assert "05 sản phẩm mẫu" in str(refused.value)
    dossier.refresh_from_db()
    assert (dossier.status, dossier.sent_on) == ("preparing", None)


def test_art_7_4_a_central_council_scores_only_sent_dossiers(proposed, personas):
    """Art. 7.4.a: the ministry receives the dossiers the provinces send; a dossier proposed but
    not sent cannot go on a central session's agenda (nothing is created)."""
    with pytest.raises(ValidationError):
        central_session(personas, [proposed], [[92, 91, 90]])
    assert Application.objects.get(pk=proposed.pk).stage == "proposed_central"


def test_art_7_4_five_stars_on_20_aug_2027_ministry_decides_and_notifies(
    proposed, personas, django_capture_on_commit_callbacks
):
    """Art. 7.4.d–g: sent 2 Jun 2027 (central officers told in-app and by e-mail), scored 91 at
    the central council on 20 Aug, 5★ decided by the ministry (01/QĐ-BNNMT), the notice
    03/TB-BNNMT of 25 Aug 2027 (after the decision's two letters, one series of ministry
    notices) goes to the province's officers."""
    officer = make_user("tw_officer", Role.CENTRAL, email="tw@example.vn")
    dossier = fivestar.fivestar_prepare(actor=personas["province_p"], application=proposed,
                                        on=date(2027, 6, 1))  # fmt: skip
    mail.outbox.clear()
    with pytest.raises(PermissionDenied):  # a commune officer cannot send for the province
        fivestar.fivestar_send(actor=personas["commune_x"], dossier=dossier, on=date(2027, 6, 2))
    fivestar.fivestar_send(actor=personas["province_p"], dossier=dossier, on=date(2027, 6, 2))
    assert Notification.objects.filter(recipient=officer).count() == 1
    session = central_session(personas, [proposed], [[92, 91, 90]])
    item = session.items.get()
    ministry = decision_issue(actor=personas["central"], level="central", province=None,
                              items=[item], decided_on=date(2027, 8, 24))  # fmt: skip
    assert ministry.number == "01/QĐ-BNNMT"
    assert proposed.product.certificates.get().stars == 5
    for persona in ("commune_x", "province_p"):  # only the ministry notifies
        with pytest.raises(PermissionDenied):
            fivestar.fivestar_notify(actor=personas[persona], dossier=dossier, on=date(2027, 8, 25))
    dossier.refresh_from_db()
    assert dossier.status == "sent"
    province_officer = personas["province_p"]
    province_officer.email = "tinh@example.vn"
    province_officer.save(update_fields=["email"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        fivestar.fivestar_notify(actor=personas["central"], dossier=dossier, on=date(2027, 8, 25))
    dossier.refresh_from_db()
    assert (dossier.status, dossier.notice_number) == ("notified", "03/TB-BNNMT")
    assert (dossier.notice["stars"], dossier.notice["decision"]) == ("5", "01/QĐ-BNNMT")
    notice = Notice.objects.get(kind="central_result")
    assert (notice.number, notice.recipient_kind) == ("03/TB-BNNMT", "province")
    assert Notification.objects.filter(recipient=province_officer,
                                       url=notice.get_absolute_url()).count() == 1  # fmt: skip
    assert [m.to for m in mail.outbox] == [["tinh@example.vn"]]
    from ocop.evaluation import pdf_fivestar

    assert pdf_fivestar.notice_pdf(dossier).startswith(b"%PDF")


def test_art_7_4_g_fallback_only_after_the_ministry_notice(proposed, personas):
    """Art. 7.4.g: 86 at the central council on 20 Aug 2027; the province's 3★/4★ decision on
    the central scores is refused before the ministry's notice and issued after it (4★)."""
    dossier = fivestar.fivestar_prepare(actor=personas["province_p"], application=proposed,
                                        on=date(2027, 6, 1))  # fmt: skip
    fivestar.fivestar_send(actor=personas["province_p"], dossier=dossier, on=date(2027, 6, 2))
    session = central_session(personas, [proposed], [[85, 88, 86]])
    item = session.items.get()
    province = proposed.commune.province
    with pytest.raises(ValidationError):
        decision_issue(actor=personas["province_p"], level="province", province=province,
                       items=[item], decided_on=date(2027, 8, 24))  # fmt: skip
    assert proposed.product.certificates.count() == 0
    fivestar.fivestar_notify(actor=personas["central"], dossier=dossier, on=date(2027, 8, 25))
    decision_issue(actor=personas["province_p"], level="province", province=province,
                   items=[item], decided_on=date(2027, 8, 28))  # fmt: skip
    assert proposed.product.certificates.get().stars == 4


def test_art_7_4_g_province_evaluates_under_its_own_authority(proposed, personas, council_world):
    """Art. 7.4.g "hoặc tổ chức đánh giá và phân hạng sản phẩm theo thẩm quyền": after the notice of
    86 (25 Aug 2027) the province sends the dossier back to its council; a new provincial session
    (15 Sep 2027) scoring 93 does not send it to the ministry again: the province recognises 4★."""
    dossier = fivestar.fivestar_prepare(actor=personas["province_p"], application=proposed,
                                        on=date(2027, 6, 1))  # fmt: skip
    fivestar.fivestar_send(actor=personas["province_p"], dossier=dossier, on=date(2027, 6, 2))
    central_session(personas, [proposed], [[85, 88, 86]])
    with pytest.raises(ValidationError):  # not before the notice
        fivestar.fivestar_own_evaluation(actor=personas["province_p"], dossier=dossier, reason="x")
    fivestar.fivestar_notify(actor=personas["central"], dossier=dossier, on=date(2027, 8, 25))
    with pytest.raises(PermissionDenied):
        fivestar.fivestar_own_evaluation(actor=personas["commune_x"], dossier=dossier, reason="x")
    fivestar.fivestar_own_evaluation(actor=personas["province_p"], dossier=dossier,
                                     reason="Hội đồng tỉnh đánh giá lại theo thẩm quyền.")  # fmt: skip
    proposed.refresh_from_db()
    assert proposed.stage == "ready_for_council"
    province = proposed.commune.province
    assert list(awaiting_decision("province", province.pk).filter(application=proposed)) == []
    w = council_world
    again = session_create(actor=None, council=w.council, round=w.session.round,
                           held_on=date(2027, 9, 15), applications=[proposed])  # fmt: skip
    score(w.members, again.items.get(), [95, 92, 93])
    session_close(actor=None, session=again)
    decision_issue(actor=personas["province_p"], level="province", province=province,
                   items=list(awaiting_decision("province", province.pk).filter(application=proposed)),
                   decided_on=date(2027, 9, 20))  # fmt: skip
    proposed.refresh_from_db()
    assert proposed.stage == "decided"
    assert proposed.product.certificates.get().stars == 4
