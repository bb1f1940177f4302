"""Phụ lục II of Decision 26/2026/QĐ-TTg: each score sheet carries its own rules, "Hồ sơ bị loại
khi…" (reject), "Không xem xét… / không đánh giá các bước tiếp theo" (stop) and "Không đánh giá những
sản phẩm có tính phổ biến của nhóm sản phẩm chủ lực…" (not evaluated). The council's outcome for a
product names one of the rules of that product's own sheet; a free reason is kept as a note.
Session of 20 May 2027 (council_world: three products of set 1, "Rau, củ, quả, hạt tươi")."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ocop.accounts.testing import client_for
from ocop.core.models import AuditEntry
from ocop.criteria.rules import load_rule_set
from ocop.evaluation.models import Application, StageChange
from ocop.evaluation.pdf_council import minutes_pdf
from ocop.evaluation.services.sessions import item_outcome_record, session_close
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.sheet_rules import find_rule, outcome_rules
from ocop.evaluation.testing import answers_totalling

from .test_pdf_layout import pages

pytestmark = pytest.mark.django_db

NOT_EVALUATED_SET_1 = (
    "2.1: Không đánh giá những sản phẩm có tính phổ biến của nhóm sản phẩm chủ lực cấp quốc gia, "
    "cấp tỉnh mà không có sự nổi trội về chất lượng và đặc sắc."
)
REJECT_SET_1 = (
    "Giả mạo hồ sơ hoặc không tuân thủ đầy đủ các quy định về giấy chứng nhận cơ sở đủ điều kiện an "
    "toàn thực phẩm theo quy định; hoặc không đáp ứng về hồ sơ đăng ký theo quy định"
)


def test_phu_luc_ii_rules_are_read_from_each_sheet():
    """Set 5 of 26-2026 has two rejection rules ("Bị loại nếu phát hiện giống hệt sản phẩm…" under
    2.1) and one stop under 6.1; set 1 one rejection, the "không đánh giá" note under 2.1 and the
    "Không xem xét…" stop under 6.1; set 26 (tourism) none of them."""
    sheets = load_rule_set("26-2026").sheets
    assert [(r.key, r.criterion) for r in outcome_rules(sheets[5])] == [
        ("reject-1", ""), ("reject-2", "2.1"), ("stop-1", "6.1"),
    ]  # fmt: skip
    assert [r.key for r in outcome_rules(sheets[1])] == ["reject-1", "not_evaluated-1", "stop-1"]
    assert outcome_rules(sheets[26]) == []
    assert find_rule(sheets[1], "reject", "reject-2") is None
    assert find_rule(sheets[1], "not_evaluated", "not_evaluated-1").label == NOT_EVALUATED_SET_1


def test_phu_luc_ii_a_rule_not_on_the_products_sheet_is_refused(council_world):
    """Set 1 has one rejection rule: rejecting a set-1 product under "reject-2" (set 5's "Bị loại
    nếu phát hiện giống hệt sản phẩm…") is refused on 20 May 2027 and nothing changes; so is a
    rejection with no rule, or under a rule of another kind."""
    w = council_world
    chair, item = w.members[0], w.items[0]
    stage, history = item.application.stage, StageChange.objects.count()
    for outcome, rule in (("reject", "reject-2"), ("reject", ""), ("reject", "not_evaluated-1")):
        with pytest.raises(ValidationError) as refused:
            item_outcome_record(actor=chair.user, item=item, outcome=outcome, rule=rule,
                                reason="Có tạp chất")  # fmt: skip
        assert "không có trong phiếu đánh giá của sản phẩm này (bộ 1, Phụ lục II)" in str(
            refused.value.messages[0]
        )
    item.refresh_from_db()
    item.application.refresh_from_db()
    assert (item.outcome, item.outcome_rule, item.application.stage) == ("", "", stage)
    assert StageChange.objects.count() == history


def test_phu_luc_ii_not_evaluated_is_an_outcome_of_its_own(council_world, tmp_path):
    """The "Không đánh giá…" rule of set 1 (criterion 2.1) applied on 20 May 2027: the dossier
    ends as "Không đánh giá" (not rejected), with the rule and the council's note on the board,
    the dossier page, its history and the minutes; the session closes without its sheets."""
    w = council_world
    chair, item = w.members[0], w.items[1]
    item_outcome_record(actor=chair.user, item=item, outcome="not_evaluated",
                        rule="not_evaluated-1", reason="Bưởi phổ biến của vùng")  # fmt: skip
    item.refresh_from_db()
    assert (item.outcome, item.outcome_rule, item.outcome_rule_text) == (
        "not_evaluated", "not_evaluated-1", NOT_EVALUATED_SET_1,
    )  # fmt: skip
    application = Application.objects.get(pk=item.application_id)
    assert application.stage == "not_evaluated"
    assert application.history.last().reason == NOT_EVALUATED_SET_1 + ". Bưởi phổ biến của vùng"
    assert AuditEntry.objects.filter(action="application_not_evaluate").count() == 1
    line = f"Không đánh giá: {NOT_EVALUATED_SET_1}. Ghi chú: Bưởi phổ biến của vùng"
    assert item.outcome_text == line

    client = client_for(chair.user)
    board = client.get(f"/sessions/{w.session.pk}/").content.decode()
    assert f'data-outcome="not_evaluated">{line}</span>' in board
    # The other products are offered their own sheet's rules only (set 1: no second rejection).
    assert 'value="stop-1"' in board and 'value="reject-2"' not in board
    assert f'data-outcome-form="{item.pk}"' not in board

    for other in w.items[::2]:
        for member in w.members:
            sheet_submit(actor=member.user, item=other, member=member,
                         answers=answers_totalling(item_sheet(other), 70))  # fmt: skip
    session_close(actor=chair.user, session=w.session)
    producer = client_for(application.producer.representatives.first()).get(
        f"/applications/{application.pk}/"
    )
    page = producer.content.decode()
    assert 'data-stage="not_evaluated">Không đánh giá</span>' in page
    assert (
        f'data-council-outcome="not_evaluated"><strong>Kết luận của hội đồng:</strong> {line}'
        in page
    )
    text = " ".join(pages(minutes_pdf(w.session), tmp_path, "bien-ban"))
    assert "Không đánh giá: 2.1: Không đánh giá những sản phẩm có tính phổ biến" in text


def test_phu_luc_ii_reject_through_the_board_form(council_world):
    """The board's form posts the rule key; the outcome is read from it (reject-1 → Loại hồ sơ)."""
    w = council_world
    item = w.items[2]
    posted = client_for(w.members[-1].user).post(
        f"/sessions/{w.session.pk}/items/{item.pk}/outcome/",
        {"rule": "reject-1", "reason": "Giấy chứng nhận ATTP hết hạn"},
    )
    assert posted.status_code == 302
    item.refresh_from_db()
    assert (item.outcome, item.outcome_rule_text, item.outcome_reason) == (
        "reject", REJECT_SET_1, "Giấy chứng nhận ATTP hết hạn",
    )  # fmt: skip
    assert Application.objects.get(pk=item.application_id).stage == "rejected"


def test_phu_luc_ii_the_decision_lists_products_not_evaluated(council_world, personas):
    """A decision of 25 May 2027 on the session of 20 May lists, apart from the recognised
    products, those the council did not evaluate, with the sheet's rule."""
    from ocop.evaluation.pdf_council import decision_payload
    from ocop.evaluation.services.decisions import decision_issue

    w = council_world
    chair = w.members[0]
    item_outcome_record(actor=chair.user, item=w.items[1], outcome="not_evaluated",
                        rule="not_evaluated-1")  # fmt: skip
    for other in w.items[::2]:
        for member in w.members:
            sheet_submit(actor=member.user, item=other, member=member,
                         answers=answers_totalling(item_sheet(other), 72))  # fmt: skip
    session_close(actor=chair.user, session=w.session)
    decision = decision_issue(
        actor=personas["province_p"], level="province", province=w.council.province,
        items=list(w.session.items.filter(outcome="")), decided_on=date(2027, 5, 25),
    )  # fmt: skip
    payload = decision_payload(decision)
    assert [r["product"] for r in payload["not_evaluated"]] == ["Bưởi Phú Xuyên"]
    assert payload["not_evaluated"][0]["rule"] == NOT_EVALUATED_SET_1
    page = client_for(personas["province_p"]).get(f"/decisions/{decision.pk}/").content.decode()
    assert "data-not-evaluated" in page and "Bưởi Phú Xuyên" in page
