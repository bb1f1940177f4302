"""Decision 26/2026 rules the reviewer checked: the 5★ band goes to the ministry (Art. 7.3.e), the
product code at the commune's proposal, upgrades never downgrade (Art. 7.5), the re-evaluation
filing window (Art. 7.6.a), the round's proposal cut-off (Art. 5) and attendance at closing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ocop.certificates.services import certificate_issue
from ocop.evaluation.models import Application, Round, SessionItem
from ocop.evaluation.pdf_council import decision_payload, decision_pdf
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.decisions import decision_issue
from ocop.evaluation.services.sessions import (
    session_attendance_set,
    session_close,
    session_create,
    session_schedule,
)
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import (
    answers_totalling,
    fill_dossier,
    make_product,
    make_ready,
    new_dossier,
)

pytestmark = pytest.mark.django_db

MAU03 = {
    "raw_materials": "Nguyên liệu tại xã.", "local_labour": "12 lao động địa phương.",
    "idea_origin": "Sản phẩm truyền thống.", "local_identity": "Giống rau bản địa.",
    "proposal_letter": "Tờ trình số 15/TTr-UBND",
}  # fmt: skip
NO_ATTENDANCE = (
    "Chưa ghi nhận thành viên có mặt tại phiên họp: chọn ít nhất một thành viên có mặt trước khi "
    "chấm điểm hoặc kết thúc phiên."
)


def score(members, item, answers_per_member):
    for member, answers in zip(members, answers_per_member, strict=True):
        sheet_submit(actor=member.user, item=item, member=member, answers=answers)


def totals(item, *values):
    return [answers_totalling(item_sheet(item), v) for v in values]


def fresh(item):
    return SessionItem.objects.get(pk=item.pk)


def provincial_decision(personas, w, items, day=date(2027, 6, 10)):
    return decision_issue(actor=personas["province_p"], level="province",
                          province=w.council.province, items=items, decided_on=day)  # fmt: skip


# 1. Art. 7.3.e: an average of 90 or more goes to the ministry whatever the 5★ minima say.


def test_ninety_held_back_by_a_five_star_minimum_is_proposed_to_the_ministry(
    council_world, personas
):
    w = council_world
    sheet = item_sheet(w.items[0])
    held = {c.code: c.allowed[-1] for c in sheet.criteria} | {"1.3": 2}  # 99; 1.3 needs 3 for 5★
    score(w.members, w.items[0], [held, held, held])
    score(w.members, w.items[1], totals(w.items[1], 90, 90, 89))  # 269/3 = 89.67: 4★ band
    score(w.members, w.items[2], totals(w.items[2], 60, 60, 60))
    session_close(actor=None, session=w.session)
    first, second, third = (fresh(i) for i in w.items)
    assert (first.average, first.band_stars, first.stars, first.held_back) == (
        99,
        5,
        4,
        {"5": ["1.3"]},
    )
    assert first.in_five_star_band and not second.in_five_star_band
    decision = provincial_decision(personas, w, [first, second, third])
    first, second = fresh(first), fresh(second)
    application = Application.objects.get(pk=first.application_id)
    assert application.stage == "proposed_central"
    assert application.history.last().reason == "Điểm trung bình từ 90 trở lên"
    assert first.decision is None
    assert not application.product.certificates.exists()
    assert (second.decision, second.application.stage) == (decision, "decided")
    assert [c.stars for c in second.application.product.certificates.all()] == [4]


# 2. The product code is given when the commune proposes the dossier, and kept afterwards.


def test_the_commune_proposal_gives_the_product_its_code_once(personas, world):
    p = personas
    first = new_dossier(p["producer_a"], world.product_a, world.round)
    second = new_dossier(p["producer_a"], make_product(world.producer_a, "Bưởi"), world.round)
    for application in (first, second):
        application_transition(actor=p["producer_a"], application=application, action="submit",
                               today=date(2027, 1, 4))  # fmt: skip
        assert application.product.code == ""
    application_transition(actor=p["commune_x"], application=second, action="propose",
                           report=MAU03, today=date(2027, 1, 5))  # fmt: skip
    application_transition(actor=p["commune_x"], application=first, action="propose",
                           report=MAU03, today=date(2027, 1, 6))  # fmt: skip
    second.product.refresh_from_db()
    first.product.refresh_from_db()
    assert second.product.code == "01-10273-001-2027"
    assert first.product.code == "01-10273-002-2027"


def test_a_product_with_a_code_keeps_it(personas, world):
    world.product_a.code = "01-10273-007-2024"
    world.product_a.save(update_fields=["code"])
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    application_transition(actor=personas["producer_a"], application=application, action="submit",
                           today=date(2027, 1, 4))  # fmt: skip
    application_transition(actor=personas["commune_x"], application=application, action="propose",
                           report=MAU03, today=date(2027, 1, 5))  # fmt: skip
    world.product_a.refresh_from_db()
    assert world.product_a.code == "01-10273-007-2024"


# 3. Art. 7.5: an upgrade only moves up; a re-evaluation may move down (DOMAIN §5).


def certified(producer, name, stars, issued=date(2026, 6, 10), rules="26-2026"):
    product = make_product(producer, name)
    certificate_issue(
        actor=None, product=product, stars=stars, rules=rules,
        authority_name="UBND thành phố Hà Nội", authority_level="province",
        decision_number="05/QĐ-UBND", decision_date=issued, issue_date=issued,
    )  # fmt: skip
    product.refresh_from_db()
    return product


def test_an_upgrade_that_does_not_score_higher_keeps_its_certificate(
    council_world, personas, world
):
    w = council_world
    user = personas["producer_a"]
    kept = certified(world.producer_a, "Gạo nếp", 4)
    kept.code = "01-10273-009-2026"
    kept.save(update_fields=["code"])
    raised = certified(world.producer_a, "Chuối", 3)
    upgrades = [
        make_ready(fill_dossier(application_create(actor=user, product=p, round=world.round,
                                                   kind="upgrade"), user))
        for p in (kept, raised)
    ]  # fmt: skip
    session_schedule(actor=None, session=w.session, applications=upgrades)
    items = list(w.session.items.order_by("id"))
    for item, total in zip(items, [60, 60, 60, 72, 80], strict=True):
        score(w.members, item, totals(item, total, total, total))
    session_close(actor=None, session=w.session)
    decision = provincial_decision(personas, w, [fresh(i) for i in items])
    old_kept = kept.certificates.get()
    assert fresh(items[3]).decision_note == (
        f"Không nâng hạng: giữ giấy chứng nhận {old_kept.number} (4 sao)."
    )
    assert (old_kept.status, old_kept.stars) == ("valid", 4)
    kept.refresh_from_db()
    assert kept.current_stars == 4
    assert fresh(items[3]).decision == decision
    new, old = raised.certificates.order_by("-id")
    assert (new.stars, new.decision_number, old.status) == (4, "01/QĐ-UBND", "superseded")
    assert fresh(items[4]).decision_note == ""
    payload = decision_payload(decision)
    assert [(r["product"], r["code"], r["stars"]) for r in payload["rows"]] == [
        ("Chuối", "—", "4 sao"), ("Bưởi Phú Xuyên", "—", "3 sao"),
        ("Rau cải Phú Xuyên", "—", "3 sao"), ("Ổi Phú Xuyên", "—", "3 sao"),
    ]  # fmt: skip
    assert [(r["product"], r["code"], r["average"], r["note"]) for r in payload["kept"]] == [
        ("Gạo nếp", "01-10273-009-2026", "72,00",
         f"Không nâng hạng: giữ giấy chứng nhận {old_kept.number} (4 sao)."),
    ]  # fmt: skip
    assert decision_pdf(decision)[:5] == b"%PDF-"


def test_a_reevaluation_may_move_down(council_world, personas, world):
    w = council_world
    product = certified(world.producer_a, "Gạo tám", 4, issued=date(2024, 6, 3), rules="148-2023")
    application = application_create(actor=personas["producer_a"], product=product,
                                     round=world.round, kind="reevaluation",
                                     today=date(2026, 12, 5))  # fmt: skip
    session_schedule(actor=None, session=w.session,
                     applications=[make_ready(fill_dossier(application, personas["producer_a"]))])  # fmt: skip
    items = list(w.session.items.order_by("id"))
    for item in items:
        score(w.members, item, totals(item, 60, 60, 60))
    session_close(actor=None, session=w.session)
    provincial_decision(personas, w, [fresh(i) for i in items])
    new, old = product.certificates.order_by("-id")
    assert (new.stars, old.stars, old.status) == (3, 4, "superseded")
    assert fresh(items[3]).decision_note == ""


# 4. Art. 7.6.a: a re-evaluation is filed 180 to 120 days before the certificate expires.


def test_reevaluation_only_inside_the_filing_window(personas, world):
    product = certified(world.producer_a, "Gạo tám", 4, issued=date(2024, 6, 3), rules="148-2023")
    number = product.certificates.get().number  # valid until 03/06/2027

    def create(day):
        return application_create(actor=personas["producer_a"], product=product,
                                  round=world.round, kind="reevaluation", today=day)  # fmt: skip

    expected = (
        "Hồ sơ đánh giá lại chỉ được nộp từ 05/12/2026 đến 03/02/2027 (từ 180 đến 120 ngày "
        f"trước ngày giấy chứng nhận {number} hết hạn, 03/06/2027)."
    )
    for day in (date(2026, 12, 4), date(2027, 2, 4)):
        with pytest.raises(ValidationError) as refused:
            create(day)
        assert refused.value.messages == [expected]
    assert create(date(2027, 2, 3)).kind == "reevaluation"


def test_reevaluation_needs_a_certificate_in_force(personas, world):
    product = make_product(world.producer_a, "Gạo cũ", stars=3)  # stars without a certificate
    with pytest.raises(ValidationError) as refused:
        application_create(actor=personas["producer_a"], product=product, round=world.round,
                           kind="reevaluation", today=date(2027, 1, 4))  # fmt: skip
    assert refused.value.messages == [
        "Sản phẩm không có giấy chứng nhận OCOP còn hiệu lực để đăng ký đánh giá lại."
    ]


# 5. Art. 5.1: the commune proposes by the round's proposal deadline.


def test_the_commune_proposes_by_the_round_deadline(personas, world, territory):
    p = personas
    application = new_dossier(p["producer_a"], world.product_a, world.round)
    application_transition(actor=p["producer_a"], application=application, action="submit",
                           today=date(2027, 4, 20))  # fmt: skip

    def propose(day):
        return application_transition(actor=p["commune_x"], application=application,
                                      action="propose", report=MAU03, today=day)  # fmt: skip

    with pytest.raises(ValidationError) as refused:
        propose(date(2027, 5, 1))
    assert refused.value.messages == [
        "Đã quá hạn đề nghị của Đợt 1/2027 – Thành phố Hà Nội (hạn 30/04/2027). "
        "Hồ sơ cần được xét ở đợt đánh giá tiếp theo của tỉnh."
    ]
    Round.objects.create(level="province", province=territory.province_p, year=2027, number=2,
                         proposal_deadline=date(2027, 10, 30),
                         decision_deadline=date(2027, 12, 30))  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        propose(date(2027, 5, 1))
    assert refused.value.messages == [
        "Đã quá hạn đề nghị của Đợt 1/2027 – Thành phố Hà Nội (hạn 30/04/2027). "
        "Hồ sơ cần được xét ở đợt sau: Đợt 2/2027 – Thành phố Hà Nội (hạn đề nghị 30/10/2027)."
    ]
    application.refresh_from_db()
    assert (application.stage, application.product.code) == ("submitted", "")
    assert propose(date(2027, 4, 30)).stage == "proposed"


# 6. Attendance: no session closes (or opens) without it.


def test_closing_without_attendance_is_refused(council_world):
    w = council_world
    for item in w.items:
        score(w.members, item, totals(item, 70, 70, 70))
    w.session.present.clear()
    with pytest.raises(ValidationError) as refused:
        session_close(actor=None, session=w.session)
    assert refused.value.messages == [NO_ATTENDANCE]
    w.session.refresh_from_db()
    assert w.session.status == "open"
    assert set(Application.objects.values_list("stage", flat=True)) == {"in_council_session"}
    with pytest.raises(ValidationError) as refused:
        session_attendance_set(actor=None, session=w.session, present=[])
    assert refused.value.messages == [NO_ATTENDANCE]
    session_attendance_set(actor=None, session=w.session, present=w.members)
    session_close(actor=None, session=w.session)
    assert [fresh(i).stars for i in w.items] == [4, 4, 4]


def test_a_session_cannot_open_with_nobody_present(council_world):
    w = council_world
    with pytest.raises(ValidationError) as refused:
        session_create(actor=None, council=w.council, round=w.session.round,
                       held_on=date(2027, 5, 21), present=[])  # fmt: skip
    assert refused.value.messages == [NO_ATTENDANCE]
