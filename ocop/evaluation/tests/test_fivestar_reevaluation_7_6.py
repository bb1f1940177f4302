"""Re-evaluations under Decision 26/2026/QĐ-TTg: the 5★ path (Art. 6.3.b, 7.6.e) and the site check
only for major changes (Art. 7.6.c). A certificate valid until 1 Jan 2027 (window 5 Jul – 3 Sep
2026), re-evaluation filed 20 Jul 2026, proposed 3 Aug, accepted 5 Aug 2026."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_user
from ocop.certificates.services import certificate_issue
from ocop.evaluation.models import Round
from ocop.evaluation.services import fivestar
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.decisions import decision_issue
from ocop.evaluation.services.major_changes import application_flag_major_changes
from ocop.evaluation.services.sessions import session_close, session_create
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.services.written import written_open
from ocop.evaluation.testing import answers_totalling, fill_dossier, make_council, make_product

pytestmark = pytest.mark.django_db

MAU03 = {
    "raw_materials": "Nguyên liệu tại xã.", "local_labour": "12 lao động địa phương.",
    "idea_origin": "Sản phẩm truyền thống.", "local_identity": "Giống rau bản địa.",
    "proposal_letter": "Tờ trình số 15/TTr-UBND",
}  # fmt: skip


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2026, 8, 20))


def reevaluation(personas, world, stars: int, name: str = "Mật ong"):
    product = make_product(world.producer_a, name)
    central = stars == 5
    certificate_issue(
        actor=None, product=product, stars=stars, rules="148-2023",
        authority_name="Bộ Nông nghiệp và Môi trường" if central else "UBND thành phố Hà Nội",
        authority_level="central" if central else "province",
        decision_number="05/QĐ-BNNMT" if central else "05/QĐ-UBND",
        decision_date=date(2024, 1, 1), issue_date=date(2024, 1, 1),
    )  # fmt: skip
    application = application_create(actor=personas["producer_a"], product=product,
                                     round=world.round, kind="reevaluation",
                                     today=date(2026, 7, 20))  # fmt: skip
    fill_dossier(application, personas["producer_a"])
    application.form01 = {**application.form01, "samples": "5"}
    application.save(update_fields=["form01"])
    act(personas["producer_a"], application, "submit", date(2026, 7, 20))
    return application


def act(user, application, action, day, **extra):
    return application_transition(actor=user, application=application, action=action, today=day,
                                  **extra)  # fmt: skip


def to_advisory(personas, application):
    act(personas["commune_x"], application, "propose", date(2026, 8, 3), report=MAU03)
    act(personas["province_p"], application, "accept", date(2026, 8, 5))


def test_art_7_6_c_site_check_required_only_with_major_changes(personas, world, today):
    """Art. 7.6.c: "kiểm tra thực tế tại cơ sở đối với những sản phẩm có thay đổi lớn về quy mô sản
    xuất …": the commune flags the change on 3 Aug 2026; the agency's report of 10 Aug is refused
    until a site visit is recorded. An unflagged re-evaluation reports without one."""
    flagged = reevaluation(personas, world, 4)
    application_flag_major_changes(actor=personas["commune_x"], application=flagged, flagged=True,
                                   note="Quy mô tăng từ 2 ha lên 10 ha.")  # fmt: skip
    to_advisory(personas, flagged)
    report = {"text": "Báo cáo đánh giá hồ sơ."}
    with pytest.raises(ValidationError) as refused:
        act(personas["advisor"], flagged, "report_to_council", date(2026, 8, 10), report=report)
    assert "điểm c khoản 6 Điều 7" in str(refused.value)
    flagged.refresh_from_db()
    assert (flagged.stage, flagged.advisory.get("council_reports")) == ("advisory_review", None)
    act(personas["advisor"], flagged, "record_site_visit", date(2026, 8, 10),
        report={"text": "Khảo sát cơ sở: 10 ha."})  # fmt: skip
    act(personas["advisor"], flagged, "report_to_council", date(2026, 8, 11), report=report)
    assert flagged.stage == "ready_for_council"

    plain = reevaluation(personas, world, 4, name="Chè xanh")
    to_advisory(personas, plain)
    act(personas["advisor"], plain, "report_to_council", date(2026, 8, 10), report=report)
    assert (plain.stage, plain.advisory.get("site_visits")) == ("ready_for_council", None)


def test_art_7_6_c_flag_set_by_the_commune_or_agency_at_their_step(personas, world, today):
    """Art. 7.6.c: the flag belongs to the re-evaluation (refused for a first-time dossier), with a
    note, set by whoever acts at the dossier's step: not by the commune once the agency has it."""
    application = reevaluation(personas, world, 4)
    with pytest.raises(ValidationError):  # no note
        application_flag_major_changes(actor=personas["commune_x"], application=application,
                                       flagged=True, note=" ")  # fmt: skip
    to_advisory(personas, application)
    with pytest.raises(PermissionDenied):
        application_flag_major_changes(actor=personas["commune_x"], application=application,
                                       flagged=True, note="Thay đổi nhãn.")  # fmt: skip
    application.refresh_from_db()
    assert (application.major_changes, application.major_changes_note) == (False, "")
    application_flag_major_changes(actor=personas["advisor"], application=application,
                                   flagged=True, note="Minh chứng không rõ ràng.")  # fmt: skip
    application.refresh_from_db()
    assert (application.major_changes, application.major_changes_note) == (
        True, "Minh chứng không rõ ràng.")  # fmt: skip


def test_art_6_3_b_7_6_e_five_star_reevaluation_goes_to_the_ministry(personas, world, today):
    """Art. 6.3.b, 7.6.e: a 5★ re-evaluation goes from the province to the ministry with the
    provincial agency's report and no provincial council score: the provincial council is refused
    (20 Aug 2026), the province's letter 01/UBND-NNMT of 21 Aug (no approval decision) sends it;
    the central council decides by written opinions (reply by 15 Sep 2026): 5★ again, decided by
    the ministry, the old certificate superseded."""
    application = reevaluation(personas, world, 5)
    to_advisory(personas, application)
    act(personas["advisor"], application, "report_to_council", date(2026, 8, 10),
        report={"text": "Báo cáo của cơ quan tham mưu quản lý OCOP cấp tỉnh."})  # fmt: skip
    users = [
        personas["member"],
        make_user("m2", Role.COUNCIL_MEMBER),
        make_user("m3", Role.COUNCIL_MEMBER),
    ]
    provincial = make_council(world.round.province, users)
    with pytest.raises(ValidationError) as refused:
        session_create(actor=None, council=provincial, round=world.round, held_on=date(2026, 8, 20),
                       applications=[application])  # fmt: skip
    assert "điểm e khoản 6 Điều 7" in str(refused.value)
    application.refresh_from_db()
    assert (application.stage, application.session_items.count()) == ("ready_for_council", 0)
    with pytest.raises(PermissionDenied):  # the commune cannot send for the province
        fivestar.fivestar_prepare(actor=personas["commune_x"], application=application,
                                  on=date(2026, 8, 21))  # fmt: skip
    dossier = fivestar.fivestar_prepare(actor=personas["province_p"], application=application,
                                        on=date(2026, 8, 21))  # fmt: skip
    assert (dossier.approval_number, dossier.letter_number) == ("", "01/UBND-NNMT")
    assert [p.key for p in fivestar.dossier_parts(dossier)] == [
        "letter", "agency_report", "product_dossier", "tests", "samples"]  # fmt: skip
    fivestar.fivestar_send(actor=personas["province_p"], dossier=dossier, on=date(2026, 8, 21))
    application.refresh_from_db()
    assert application.stage == "proposed_central"
    central_users = [make_user(f"tw{n}", Role.COUNCIL_MEMBER) for n in range(3)]
    central = make_council(None, central_users, level="central")
    round_ = Round.objects.create(level="central", year=2026, number=1,
                                  proposal_deadline=date(2026, 7, 30),
                                  decision_deadline=date(2026, 9, 30))  # fmt: skip
    with pytest.raises(PermissionDenied):  # a province officer does not run the central council
        written_open(actor=personas["province_p"], council=central, round=round_,
                     reply_by=date(2026, 9, 15), applications=[application],
                     opened_on=date(2026, 8, 24))  # fmt: skip
    consultation = written_open(actor=personas["central"], council=central, round=round_,
                                reply_by=date(2026, 9, 15), applications=[application],
                                opened_on=date(2026, 8, 24))  # fmt: skip
    item = consultation.items.get()
    for seat, total in zip(central.members.order_by("id"), [93, 91, 92], strict=True):
        sheet_submit(actor=seat.user, item=item, member=seat,
                     answers=answers_totalling(item_sheet(item), total))  # fmt: skip
    session_close(actor=personas["central"], session=consultation)
    decision = decision_issue(actor=personas["central"], level="central", province=None,
                              items=[item], decided_on=date(2026, 9, 20))  # fmt: skip
    certificates = application.product.certificates.order_by("id")
    assert [(c.stars, c.status, c.decision_number) for c in certificates] == [
        (5, "superseded", "05/QĐ-BNNMT"), (5, "valid", decision.number)]  # fmt: skip
