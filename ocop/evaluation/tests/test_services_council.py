"""Councils end to end through the services: scoring, closing with the engine, decisions."""

from datetime import date
from fractions import Fraction

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ocop.criteria.engine import aggregate, score_sheet
from ocop.evaluation.models import Application, ScoreSheet, ScoreSheetVersion
from ocop.evaluation.services.decisions import decision_issue
from ocop.evaluation.services.sessions import item_outcome_record, session_close
from ocop.evaluation.services.sheets import item_sheet, sheet_revise, sheet_save, sheet_submit
from ocop.evaluation.testing import answers_totalling

pytestmark = pytest.mark.django_db


def score(world, item, totals):
    sheet = item_sheet(item)
    for member, total in zip(world.members, totals, strict=True):
        sheet_submit(actor=member.user, item=item, member=member,
                     answers=answers_totalling(sheet, total))  # fmt: skip


def test_close_matches_the_engine_and_decision_issues_certificates(council_world, personas):
    w = council_world
    score(w, w.items[0], [80, 76, 73])
    score(w, w.items[1], [62, 60, 55])
    score(w, w.items[2], [95, 92, 91])
    session_close(actor=w.members[-1].user, session=w.session)
    sheet = item_sheet(w.items[0])
    expected = aggregate([score_sheet(sheet, answers_totalling(sheet, t)) for t in (80, 76, 73)])
    first, second, third = (type(i).objects.get(pk=i.pk) for i in w.items)
    assert first.average == expected.average == Fraction(229, 3)
    assert str(first.average_display) == "76.33"
    assert (first.stars, second.stars, third.stars) == (4, 3, 5)
    assert first.application.stage == "scored"
    decision = decision_issue(
        actor=personas["province_p"], level="province", province=w.council.province,
        items=[first, second, third], decided_on=date(2027, 6, 10),
    )  # fmt: skip
    assert decision.number == "01/QĐ-UBND"
    assert decision.authority_name == "UBND thành phố Hà Nội"
    assert Application.objects.get(pk=third.application_id).stage == "proposed_central"
    assert Application.objects.get(pk=first.application_id).stage == "decided"
    certificates = first.application.product.certificates.all()
    assert [(c.stars, c.decision_number) for c in certificates] == [(4, "01/QĐ-UBND")]
    assert not third.application.product.certificates.exists()


def test_draft_then_submit_then_locked(council_world):
    w = council_world
    member, item = w.members[0], w.items[0]
    sheet = sheet_save(actor=member.user, item=item, member=member, answers={"1.1": "0"})
    assert (sheet.status, sheet.answers, sheet.total) == ("draft", {"1.1": 0}, 0)
    with pytest.raises(ValidationError, match="Chưa thể nộp phiếu"):
        sheet_submit(actor=member.user, item=item, member=member, answers={"1.1": 0})
    answers = answers_totalling(item_sheet(item), 70)
    sheet, done = sheet_submit(actor=member.user, item=item, member=member, answers=answers)
    again, done_again = sheet_submit(actor=member.user, item=item, member=member, answers=answers)
    assert (done, done_again, again.total, again.version) == (True, False, 70, 1)
    with pytest.raises(ValidationError, match="bị khóa"):
        sheet_save(actor=member.user, item=item, member=member, answers={"1.1": "0"})
    assert ScoreSheet.objects.get(pk=sheet.pk).total == 70


def test_revision_needs_a_reason_and_keeps_versions(council_world):
    w = council_world
    member, item = w.members[1], w.items[0]
    sheet_obj = item_sheet(item)
    sheet, _ = sheet_submit(actor=member.user, item=item, member=member,
                            answers=answers_totalling(sheet_obj, 60))  # fmt: skip
    with pytest.raises(ValidationError, match="lý do"):
        sheet_revise(actor=member.user, sheet=sheet, answers=sheet.answers, reason=" ")
    sheet_revise(actor=member.user, sheet=sheet, answers=answers_totalling(sheet_obj, 66),
                 reason="Sau thảo luận tại phiên họp")  # fmt: skip
    versions = ScoreSheetVersion.objects.filter(sheet=sheet)
    assert [(v.number, v.total, v.reason) for v in versions] == [
        (1, 60, ""),
        (2, 66, "Sau thảo luận tại phiên họp"),
    ]


def test_only_the_member_scores_and_the_secretary_enters_paper_on_behalf(council_world):
    w = council_world
    chair, other, secretary = w.members
    answers = answers_totalling(item_sheet(w.items[0]), 70)
    with pytest.raises(PermissionDenied):
        sheet_submit(actor=chair.user, item=w.items[0], member=other, answers=answers)
    sheet, _ = sheet_submit(actor=secretary.user, item=w.items[0], member=other,
                            answers=answers, on_paper=True)  # fmt: skip
    assert (sheet.on_paper, sheet.entered_by, sheet.member) == (True, secretary.user, other)
    assert sheet.versions.get().reason == "Nhập hộ từ phiếu giấy"


def test_spread_over_the_limit_blocks_closing_under_rescore_rules(council_world):
    w = council_world
    score(w, w.items[0], [80, 75, 60])
    score(w, w.items[1], [62, 60, 55])
    score(w, w.items[2], [70, 70, 70])
    with pytest.raises(ValidationError) as refused:
        session_close(actor=w.members[0].user, session=w.session)
    assert refused.value.messages == [
        "Rau cải Phú Xuyên: chênh lệch 20 điểm vượt mức 10; hội đồng thảo luận và chấm lại."
    ]
    assert w.session.__class__.objects.get(pk=w.session.pk).status == "open"
    w.council.spread_policy = "record"
    w.council.save()
    session_close(actor=w.members[0].user, session=w.session)
    assert w.items[0].__class__.objects.get(pk=w.items[0].pk).spread_exceeded is True


def test_quorum_and_rejection(council_world, personas):
    w = council_world
    score(w, w.items[0], [70, 70, 70])
    score(w, w.items[1], [70, 70, 70])
    chair = w.members[0]
    sheet_submit(actor=chair.user, item=w.items[2], member=chair,
                 answers=answers_totalling(item_sheet(w.items[2]), 70))  # fmt: skip
    with pytest.raises(ValidationError, match="mới có 1 phiếu hợp lệ, cần tối thiểu 3"):
        session_close(actor=chair.user, session=w.session)
    with pytest.raises(ValidationError, match="không có trong phiếu đánh giá"):
        item_outcome_record(actor=chair.user, item=w.items[2], outcome="reject", rule="", reason="")
    item_outcome_record(actor=chair.user, item=w.items[2], outcome="reject", rule="reject-1",
                        reason="Nguyên liệu không rõ nguồn gốc")  # fmt: skip
    session_close(actor=chair.user, session=w.session)
    rejected = Application.objects.get(pk=w.items[2].application_id)
    assert rejected.stage == "rejected"
    assert rejected.history.last().reason == (
        "Giả mạo hồ sơ hoặc không tuân thủ đầy đủ các quy định về giấy chứng nhận cơ sở đủ điều kiện "
        "an toàn thực phẩm theo quy định; hoặc không đáp ứng về hồ sơ đăng ký theo quy định. "
        "Nguyên liệu không rõ nguồn gốc"
    )


def test_a_plain_member_cannot_close(council_world):
    w = council_world
    with pytest.raises(PermissionDenied):
        session_close(actor=w.members[1].user, session=w.session)
