"""The minutes (biên bản) record the discussion on each product and why a member has no score on it
(issue 13 item 9), and a written consultation (Art. 7.6.d of Decision 26/2026/QĐ-TTg) gets the
written-opinion wording: who replied when, not who sat. Session of 20 May 2027 (council_world);
consultation opened 20 Aug 2026, replies due 31 Aug 2026."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ocop.accounts.testing import client_for
from ocop.core.models import AuditEntry
from ocop.evaluation.minutes import missing_scores
from ocop.evaluation.models import MissingScoreNote
from ocop.evaluation.pdf_council import minutes_pdf
from ocop.evaluation.services.councils import conflict_declare
from ocop.evaluation.services.minutes import item_minutes_set
from ocop.evaluation.services.sessions import session_attendance_set, session_close
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.services.written import written_open
from ocop.evaluation.testing import answers_totalling

from .test_pdf_layout import pages
from .test_written_opinions_7_6 import REPLY_BY, clear_chair, on, reevaluation, reply, setting

pytestmark = pytest.mark.django_db
__all__ = ["setting"]  # the fixture, imported for this module's tests


def _submit(member, item, total):
    sheet_submit(actor=member.user, item=item, member=member,
                 answers=answers_totalling(item_sheet(item), total))  # fmt: skip


def test_item_9_minutes_record_discussion_and_why_a_member_has_no_score(council_world, tmp_path):
    """Session of 20 May 2027, three scorers. Member two leaves (attendance changed after the
    session opened), the chair declares a conflict with the second product, the secretary does not
    submit on the third: each gets a computed reason; the secretary types the discussion and a
    note, and both are printed in the minutes."""
    w = council_world
    chair, two, secretary = w.members
    first, second, third = w.items
    conflict_declare(actor=chair.user, member=chair, product=second.application.product,
                     reason="Con rể của chủ thể")  # fmt: skip
    for member in (chair, two, secretary):
        _submit(member, first, 74)
    _submit(two, second, 70)
    _submit(secretary, second, 72)
    _submit(chair, third, 66)
    _submit(two, third, 68)
    session_attendance_set(actor=secretary.user, session=w.session, present=[chair, secretary])

    missing = missing_scores(w.session)
    assert [(m.member_id, m.reason) for m in missing[first.pk]] == [(two.pk, "absent_sheet")]
    assert [(m.member_id, m.reason) for m in missing[second.pk]] == [
        (chair.pk, "conflict"), (two.pk, "absent_sheet"),
    ]  # fmt: skip
    assert [(m.member_id, m.reason) for m in missing[third.pk]] == [
        (two.pk, "absent_sheet"), (secretary.pk, "not_submitted"),
    ]  # fmt: skip

    client = client_for(secretary.user)
    page = client.get(f"/sessions/{w.session.pk}/minutes/").content.decode()
    assert "Ghi chú về" in page and "không nộp phiếu" in page
    posted = client.post(f"/sessions/{w.session.pk}/items/{third.pk}/minutes/", {
        f"i{third.pk}-discussion": "Hội đồng đề nghị bổ sung phiếu kiểm nghiệm.",
        f"i{third.pk}-note_{secretary.pk}": "Thư ký ghi biên bản, không chấm sản phẩm này.",
        f"i{third.pk}-note_{two.pk}": "Về sớm vì công tác.",
    })  # fmt: skip
    assert posted.status_code == 302
    third.refresh_from_db()
    assert third.discussion == "Hội đồng đề nghị bổ sung phiếu kiểm nghiệm."
    assert dict(MissingScoreNote.objects.values_list("member_id", "note")) == {
        secretary.pk: "Thư ký ghi biên bản, không chấm sản phẩm này.", two.pk: "Về sớm vì công tác.",
    }  # fmt: skip
    assert AuditEntry.objects.filter(action="item_minutes_set").count() == 1

    # The council's rules ask for 3 sheets: the quorum is lowered to close with two.
    type(w.council).objects.filter(pk=w.council.pk).update(quorum=1)
    session_close(actor=secretary.user, session=w.session)
    text = " ".join(pages(minutes_pdf(w.session), tmp_path, "bien-ban"))
    assert "IV. Ý kiến thảo luận" in text
    assert "Hội đồng đề nghị bổ sung phiếu kiểm nghiệm." in text
    assert (
        "TV3 (" in text
        and "không nộp phiếu – Thư ký ghi biên bản, không chấm sản phẩm này." in text
    )
    assert "xung đột lợi ích" in text
    assert "vắng mặt, phiếu gửi trước không được tính theo quy chế – Về sớm vì công tác." in text


def test_item_9_minutes_are_not_changed_after_the_session_closes(council_world):
    """After closing (20 May 2027) the minutes' notes are refused and nothing changes."""
    w = council_world
    secretary, item = w.members[-1], w.items[0]
    item_minutes_set(actor=secretary.user, item=item, discussion="Thảo luận ban đầu")
    for member in w.members:
        for each in w.items:
            _submit(member, each, 70)
    session_close(actor=secretary.user, session=w.session)
    with pytest.raises(ValidationError, match="biên bản không sửa được nữa"):
        item_minutes_set(actor=secretary.user, item=item, discussion="Sửa sau khi kết thúc",
                         notes={secretary.pk: "x"})  # fmt: skip
    item.refresh_from_db()
    assert (item.discussion, MissingScoreNote.objects.count()) == ("Thảo luận ban đầu", 0)
    assert client_for(secretary.user).get(f"/sessions/{w.session.pk}/minutes/").status_code == 404


def test_art_7_6_d_written_consultation_minutes_say_who_replied_when(
    personas, world, setting, monkeypatch, tmp_path
):
    """Art. 7.6.d: consultation opened 20 Aug 2026, replies due 31 Aug 2026; two members reply on
    25 Aug 2026 (10:00 UTC = 17:00 in Hà Nội), the third does not. The minutes are the "tổng hợp ý
    kiến bằng văn bản": each member's reply time or "không gửi ý kiến", never "có mặt"."""
    council, members = setting
    council.quorum = 2
    council.save(update_fields=["quorum"])
    on(monkeypatch, date(2026, 8, 20))
    dossier = reevaluation(personas, world, "Chè Phú Xuyên")
    session = written_open(actor=members[0].user, council=council, round=world.round,
                           reply_by=REPLY_BY, applications=[dossier])  # fmt: skip
    clear_chair(members)
    item = session.items.get()
    on(monkeypatch, date(2026, 8, 25))
    reply(members[0], item, 80)
    reply(members[1], item, 76)
    on(monkeypatch, date(2026, 9, 1))
    session_close(actor=members[0].user, session=session)
    text = " ".join(pages(minutes_pdf(session), tmp_path, "tong-hop"))
    assert "Tổng hợp ý kiến bằng văn bản của" in text
    assert "Ngày gửi lấy ý kiến: 20/08/2026; hạn gửi ý kiến: 31/08/2026." in text
    assert "đã gửi ý kiến (phiếu đánh giá) lúc 17:00 ngày 25/08/2026" in text
    assert text.count("đã gửi ý kiến (phiếu đánh giá)") == 2
    assert "không gửi ý kiến" in text
    assert "có mặt" not in text and "vắng mặt" not in text
    assert f"TV3 ({members[2].name}): không gửi ý kiến" in text
