"""Art. 7.6.d of Decision 26/2026/QĐ-TTg: "Hội đồng cấp tỉnh thực hiện đánh giá thông qua hình
thức lấy ý kiến bằng văn bản; chỉ tổ chức họp trực tiếp khi có nhiều ý kiến đánh giá khác nhau hoặc
có nội dung phức tạp cần thảo luận; báo cáo kết quả đánh giá, phân hạng …".

A written consultation asks every scoring member for a score sheet on each re-evaluation dossier by
a reply date; replies after it, or from a conflicted member, are refused; closing averages the
sheets like a sitting, refuses divergent opinions (a sitting is then held), and the decision service
takes the result. Dates: certificate valid until 1 Jan 2027, consultation opened 20 Aug 2026 with
replies due 31 Aug 2026."""

from datetime import UTC, date, datetime, time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_user
from ocop.certificates.services import certificate_issue
from ocop.core.models import AuditEntry
from ocop.core.testing import assert_one_effect, run_at_once
from ocop.evaluation.models import Application, Conflict, ScoreSheet, ScoreSheetVersion, Session
from ocop.evaluation.services.councils import conflict_declare, conflict_review
from ocop.evaluation.services.decisions import decision_issue
from ocop.evaluation.services.sessions import session_attendance_set, session_close
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.services.written import written_open
from ocop.evaluation.testing import (
    answers_totalling,
    make_council,
    make_product,
    make_ready,
    new_dossier,
)

OPENED, REPLY_BY = date(2026, 8, 20), date(2026, 8, 31)


def on(monkeypatch, day):
    """The service's clock on `day` (10:00 UTC): the reply date check and the reply's time."""
    moment = datetime.combine(day, time(10), tzinfo=UTC)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: day)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)


def reevaluation(personas, world, name):
    """A ready re-evaluation dossier of a 4★ product whose certificate ends 1 Jan 2027 (its earlier
    steps are tested in test_reevaluation_7_6)."""
    product = make_product(world.producer_a, name)
    certificate_issue(
        actor=None, product=product, stars=4, rules="148-2023",
        authority_name="UBND thành phố Hà Nội", authority_level="province",
        decision_number="05/QĐ-UBND", decision_date=date(2024, 1, 1), issue_date=date(2024, 1, 1),
    )  # fmt: skip
    application = new_dossier(personas["producer_a"], product, world.round)
    Application.objects.filter(pk=application.pk).update(kind="reevaluation")
    return make_ready(application)


@pytest.fixture
def setting(personas, territory, world):
    users = [personas["member"], make_user("member_two", Role.COUNCIL_MEMBER,
             province=territory.province_p), make_user("secretary", Role.COUNCIL_MEMBER,
             province=territory.province_p)]  # fmt: skip
    council = make_council(territory.province_p, users, quorum=3)
    members = list(council.members.order_by("id"))
    return council, members


def clear_chair(members):
    """The chair who opened the consultation moved the dossier, so the existing automatic flag
    ("advised") blocks the chair until the secretary dismisses it, as for a sitting."""
    for conflict in Conflict.objects.filter(member=members[0], status="flagged"):
        conflict_review(actor=members[-1].user, conflict=conflict, confirmed=False,
                        note="Chỉ gửi lấy ý kiến, không tư vấn hồ sơ")  # fmt: skip


def reply(member, item, total):
    answers = answers_totalling(item_sheet(item), total)
    return sheet_submit(actor=member.user, item=item, member=member, answers=answers)


@pytest.mark.django_db
def test_art_7_6_d_written_opinions_by_31_aug_2026_give_the_result_the_decision_takes(
    personas, world, setting, monkeypatch
):
    """Art. 7.6.d: opened 20 Aug 2026, three replies on 25 Aug 2026 (80, 76, 73), closed 1 Sep:
    4★ on the average 76.33, recorded like a session's result; the decision of 10 Sep 2026
    recognises it (Art. 7.6.đ "thực hiện theo quy định tại các điểm đ, e và g khoản 3")."""
    council, members = setting
    chair, _other, secretary = members
    on(monkeypatch, OPENED)
    dossier = reevaluation(personas, world, "Gạo tám")
    session = written_open(actor=chair.user, council=council, round=world.round,
                           reply_by=REPLY_BY, applications=[dossier])  # fmt: skip
    clear_chair(members)
    assert (session.mode, session.held_on, session.reply_by) == ("written", OPENED, REPLY_BY)
    assert set(session.present.all()) == set(members)
    assert str(session) == "Lấy ý kiến bằng văn bản 20/08/2026 – Hội đồng đánh giá OCOP"
    item = session.items.get()
    assert Application.objects.get(pk=dossier.pk).stage == "in_council_session"
    on(monkeypatch, date(2026, 8, 25))
    for member, total in zip(members, (80, 76, 73), strict=True):
        reply(member, item, total)
    sheets = ScoreSheet.objects.filter(item=item).order_by("member_id")
    assert [(s.member_id, s.total, s.submitted_at.date()) for s in sheets] == [
        (m.pk, t, date(2026, 8, 25)) for m, t in zip(members, (80, 76, 73), strict=True)
    ]  # fmt: skip
    on(monkeypatch, date(2026, 9, 1))
    session_close(actor=chair.user, session=session)
    item.refresh_from_db()
    assert (item.stars, item.sheet_count, str(item.average_display)) == (4, 3, "76.33")
    assert list(AuditEntry.objects.filter(action="written_open").values_list("summary", flat=True))
    assert AuditEntry.objects.filter(action="sheet_submit").count() == 3
    decision = decision_issue(actor=personas["province_p"], level="province",
                              province=council.province, items=[item],
                              decided_on=date(2026, 9, 10))  # fmt: skip
    assert list(decision.items.values_list("pk", flat=True)) == [item.pk]
    assert Application.objects.get(pk=dossier.pk).stage == "decided"


@pytest.mark.django_db
def test_art_7_6_d_a_first_time_dossier_is_refused_and_nothing_is_opened(
    personas, world, setting, monkeypatch
):
    """Art. 7.6.d is for re-evaluations only: a first-time dossier is scored in a sitting."""
    council, members = setting
    on(monkeypatch, OPENED)
    first = make_ready(new_dossier(personas["producer_a"], world.product_a, world.round))
    with pytest.raises(ValidationError, match="Chỉ hồ sơ đánh giá lại"):
        written_open(actor=members[-1].user, council=council, round=world.round,
                     reply_by=REPLY_BY, applications=[first])  # fmt: skip
    assert Session.objects.count() == 0
    assert Application.objects.get(pk=first.pk).stage == "ready_for_council"


@pytest.mark.django_db
def test_art_7_6_d_only_the_chair_or_secretary_opens_and_the_reply_date_follows_the_opening(
    personas, world, setting, monkeypatch
):
    council, members = setting
    on(monkeypatch, OPENED)
    dossier = reevaluation(personas, world, "Gạo tám")
    with pytest.raises(PermissionDenied):
        written_open(actor=members[1].user, council=council, round=world.round,
                     reply_by=REPLY_BY, applications=[dossier])  # fmt: skip
    with pytest.raises(ValidationError, match="không được trước"):
        written_open(actor=members[0].user, council=council, round=world.round,
                     reply_by=date(2026, 8, 19), applications=[dossier])  # fmt: skip
    assert Session.objects.count() == 0
    assert Application.objects.get(pk=dossier.pk).stage == "ready_for_council"


@pytest.mark.django_db
def test_art_7_6_d_a_reply_on_1_sep_2026_after_the_31_aug_date_is_refused(
    personas, world, setting, monkeypatch
):
    council, members = setting
    on(monkeypatch, OPENED)
    session = written_open(actor=members[0].user, council=council, round=world.round,
                           reply_by=REPLY_BY,
                           applications=[reevaluation(personas, world, "Gạo tám")])  # fmt: skip
    item = session.items.get()
    on(monkeypatch, REPLY_BY)
    reply(members[1], item, 80)  # the last day still counts
    on(monkeypatch, date(2026, 9, 1))
    with pytest.raises(
        ValidationError, match="Đã hết hạn gửi ý kiến bằng văn bản \\(31/08/2026\\)"
    ):
        reply(members[2], item, 70)
    assert list(ScoreSheet.objects.values_list("member_id", "status")) == [
        (members[1].pk, "submitted")
    ]
    with pytest.raises(ValidationError, match="mọi thành viên"):
        session_attendance_set(actor=members[0].user, session=session, present=members[:1])
    assert session.present.count() == 3


@pytest.mark.django_db
def test_art_7_6_d_a_conflicted_member_cannot_reply(personas, world, setting, monkeypatch):
    council, members = setting
    on(monkeypatch, OPENED)
    dossier = reevaluation(personas, world, "Gạo tám")
    session = written_open(actor=members[0].user, council=council, round=world.round,
                           reply_by=REPLY_BY, applications=[dossier])  # fmt: skip
    conflict_declare(actor=members[1].user, member=members[1], product=dossier.product,
                     reason="Họ hàng của chủ thể")  # fmt: skip
    with pytest.raises(PermissionDenied, match="xung đột lợi ích"):
        reply(members[1], session.items.get(), 70)
    assert ScoreSheet.objects.filter(member=members[1], status="submitted").count() == 0


@pytest.mark.django_db
def test_art_7_6_d_divergent_opinions_go_to_a_sitting_not_to_an_average(
    personas, world, setting, monkeypatch
):
    """Art. 7.6.d "chỉ tổ chức họp trực tiếp khi có nhiều ý kiến đánh giá khác nhau": replies of
    90, 76 and 60 (spread 30 > 10) cannot close in writing, even under a council whose rules for a
    sitting only record the spread."""
    council, members = setting
    council.spread_policy = "record"
    council.save(update_fields=["spread_policy"])
    on(monkeypatch, OPENED)
    dossier = reevaluation(personas, world, "Gạo tám")
    session = written_open(actor=members[0].user, council=council, round=world.round,
                           reply_by=REPLY_BY, applications=[dossier])  # fmt: skip
    item = session.items.get()
    clear_chair(members)
    for member, total in zip(members, (90, 76, 60), strict=True):
        reply(member, item, total)
    with pytest.raises(ValidationError, match="chênh lệch 30 điểm.*Điều 7.6.d"):
        session_close(actor=members[0].user, session=session)
    session.refresh_from_db()
    item.refresh_from_db()
    assert (session.status, item.stars, item.sheet_count) == ("open", None, None)
    assert Application.objects.get(pk=dossier.pk).stage == "in_council_session"


@pytest.mark.django_db(transaction=True)
def test_art_7_6_d_ten_identical_replies_at_once_record_one(personas, world, setting, monkeypatch):
    """A double submit of a written reply on 25 Aug 2026: one sheet, one version, one audit."""
    council, members = setting
    on(monkeypatch, OPENED)
    session = written_open(actor=members[0].user, council=council, round=world.round,
                           reply_by=REPLY_BY,
                           applications=[reevaluation(personas, world, "Gạo tám")])  # fmt: skip
    item = session.items.get()
    on(monkeypatch, date(2026, 8, 25))
    answers = answers_totalling(item_sheet(item), 77)
    member = members[1]

    def call():
        sheet, done = sheet_submit(actor=member.user, item=item, member=member, answers=answers)
        if not done:
            raise ValidationError("repeat")
        return sheet.pk

    race = run_at_once(call)
    assert_one_effect(race)
    assert list(ScoreSheet.objects.values_list("total", "version")) == [(77, 1)]
    assert ScoreSheetVersion.objects.count() == 1
    assert AuditEntry.objects.filter(action="sheet_submit").count() == 1


@pytest.mark.django_db
def test_art_7_6_d_the_page_offers_only_re_evaluations_and_opens_the_consultation(
    personas, world, setting, monkeypatch
):
    """The written-opinion page of the council: the secretary sees the re-evaluation dossier, not
    the first-time one; posting opens the consultation with its reply date of 31 Aug 2026; a
    member who does not manage the council and a commune officer get 404."""
    from ocop.accounts.testing import client_for

    council, members = setting
    on(monkeypatch, OPENED)
    dossier = reevaluation(personas, world, "Gạo tám")
    first = make_ready(new_dossier(personas["producer_a"], world.product_a, world.round))
    url = reverse("evaluation:written_new", args=[council.pk])
    secretary = client_for(members[-1].user)
    page = secretary.get(url).content.decode()
    assert "Gạo tám" in page
    assert "Rau cải Phú Xuyên" not in page
    for user in (members[1].user, personas["commune_x"], personas["producer_a"]):
        assert client_for(user).get(url).status_code in (403, 404)
    response = secretary.post(url, {"round": world.round.pk, "reply_by": "2026-08-31",
                                    "applications": [first.pk]})  # fmt: skip
    assert response.status_code == 200 and Session.objects.count() == 0
    response = secretary.post(url, {"round": world.round.pk, "reply_by": "2026-08-31",
                                    "applications": [dossier.pk]})  # fmt: skip
    session = Session.objects.get()
    assert response["Location"] == reverse("evaluation:session_detail", args=[session.pk])
    assert (session.mode, session.reply_by) == ("written", REPLY_BY)
    detail = secretary.get(response["Location"]).content.decode()
    assert "Điều 7.6.d" in detail and "31/08/2026" in detail
    member = client_for(members[1].user)
    assert (
        "Hạn gửi ý kiến 31/08/2026" in member.get(reverse("evaluation:my_sheets")).content.decode()
    )
    assert member.get(response["Location"]).status_code == 404  # the board is the managers'
    item = session.items.get()
    own = member.get(reverse("evaluation:sheet_score", args=[item.pk]))
    assert own.status_code == 200
    other = reverse("evaluation:sheet_paper", args=[item.pk, members[-1].pk])
    assert member.get(other).status_code in (403, 404)
