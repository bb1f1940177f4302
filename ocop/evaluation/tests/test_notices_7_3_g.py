"""Art. 7.3.g, 7.6.đ and 8.3.c of Decision 26/2026: written notices. Every product of a
recognition decision — recognised, below 3★, an upgrade not raised, sent to the ministry — gets
a numbered letter (PDF, official letterhead) to its producer and to its commune, in the
application and by e-mail after commit; a revocation writes to the producer, the commune and the
provincial agency. Decision of 10 Jun 2027 on the council session of 20 May 2027."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from ocop.accounts.models import Notification
from ocop.accounts.testing import assert_matrix, client_for
from ocop.certificates.models import Notice
from ocop.certificates.notice_pdf import notice_payload
from ocop.certificates.services import certificate_issue, certificate_revoke
from ocop.evaluation.models import SessionItem
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.decisions import decision_issue
from ocop.evaluation.services.sessions import session_close, session_schedule
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.testing import (
    answers_totalling,
    fill_dossier,
    make_product,
    make_ready,
    new_dossier,
)

pytestmark = pytest.mark.django_db
DECIDED_ON = date(2027, 6, 10)


def score(members, item, total):
    for member in members:
        sheet_submit(actor=member.user, item=item, member=member,
                     answers=answers_totalling(item_sheet(item), total))  # fmt: skip


def certified(producer, name, stars):
    product = make_product(producer, name)
    certificate_issue(
        actor=None, product=product, stars=stars, rules="26-2026",
        authority_name="UBND thành phố Hà Nội", authority_level="province",
        decision_number="05/QĐ-UBND", decision_date=date(2026, 6, 10),
        issue_date=date(2026, 6, 10),
    )  # fmt: skip
    product.refresh_from_db()
    return product


@pytest.fixture
def decided(council_world, personas, world, django_capture_on_commit_callbacks):
    """Items: 93 (→ ministry), 75, 40, and an upgrade of a 4★ product scoring 72 (not raised)."""
    w = council_world
    for name in ("producer_a", "commune_x"):
        personas[name].email = f"{name}@example.vn"
        personas[name].save(update_fields=["email"])
    user = personas["producer_a"]
    kept = certified(world.producer_a, "Gạo nếp", 4)
    upgrade = make_ready(fill_dossier(application_create(
        actor=user, product=kept, round=world.round, kind="upgrade"), user))  # fmt: skip
    session_schedule(actor=None, session=w.session, applications=[upgrade])
    items = list(w.session.items.order_by("id"))
    for item, total in zip(items, [93, 75, 40, 72], strict=True):
        score(w.members, item, total)
    session_close(actor=None, session=w.session)
    with django_capture_on_commit_callbacks(execute=True):
        decision = decision_issue(actor=personas["province_p"], level="province",
                                  province=w.council.province, items=items,
                                  decided_on=DECIDED_ON, signer="Nguyễn Văn A")  # fmt: skip
    return decision, [SessionItem.objects.get(pk=i.pk) for i in items]


def test_7_3_g_every_item_of_a_decision_is_notified_to_producer_and_commune(decided, personas):
    decision, items = decided
    notices = Notice.objects.filter(kind="result").order_by("id")
    assert [(n.product.name, n.recipient_kind, n.outcome) for n in notices] == [
        ("Rau cải Phú Xuyên", "producer", "proposed_central"),
        ("Rau cải Phú Xuyên", "commune", "proposed_central"),
        ("Bưởi Phú Xuyên", "producer", "recognised"),
        ("Bưởi Phú Xuyên", "commune", "recognised"),
        ("Ổi Phú Xuyên", "producer", "below_three"),
        ("Ổi Phú Xuyên", "commune", "below_three"),
        ("Gạo nếp", "producer", "not_upgraded"),
        ("Gạo nếp", "commune", "not_upgraded"),
    ]
    assert [n.number for n in notices] == [f"{k:02d}/TB-UBND" for k in range(1, 9)]
    assert {(n.issued_on, n.authority_name, n.source) for n in notices} == {
        (DECIDED_ON, "UBND thành phố Hà Nội", decision)}  # fmt: skip
    assert [n.addressee for n in notices[:2]] == ["HTX Phú Xuyên", "UBND xã Phú Xuyên"]
    certificate = items[1].application.product.certificates.get()
    assert notices[2].certificate == certificate
    assert f"đạt chuẩn OCOP {items[1].stars} sao theo Quyết định số 01/QĐ-UBND ngày 10/06/2027, " \
        f"giấy chứng nhận số {certificate.number}." in notices[2].body  # fmt: skip
    assert "đề nghị Bộ Nông nghiệp và Môi trường đánh giá, phân hạng sản phẩm OCOP 5 sao" in (
        notices[0].body
    )
    assert "không cấp giấy chứng nhận (khoản 1 Điều 4" in notices[4].body
    assert "Không nâng hạng: giữ giấy chứng nhận" in notices[6].body


def test_7_3_g_notices_reach_users_in_app_and_by_mail_after_commit(decided, personas):
    producer_inbox = Notification.objects.filter(recipient=personas["producer_a"])
    assert producer_inbox.filter(message__startswith="Thông báo ").count() == 4
    assert Notification.objects.filter(recipient=personas["commune_x"]).count() == 4
    assert Notification.objects.filter(recipient=personas["commune_y"]).count() == 0
    first = Notice.objects.filter(recipient_kind="producer").order_by("id").first()
    assert producer_inbox.filter(url=f"/notices/{first.pk}/pdf/").count() == 1
    to = sorted(m.to[0] for m in mail.outbox if m.subject.startswith("[OCOP] Thông báo"))
    assert to == ["commune_x@example.vn"] * 4 + ["producer_a@example.vn"] * 4
    assert Notice.objects.get(pk=first.pk).sent_to == 1


def test_7_3_g_the_letter_pdf_has_the_letterhead_and_signer(decided):
    notice = Notice.objects.filter(recipient_kind="commune").order_by("id").first()
    payload = notice_payload(notice)
    assert payload["agency"] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]
    assert payload["place_date"] == "Hà Nội, ngày 10 tháng 6 năm 2027"
    assert payload["signature"] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert (payload["number"], payload["signer"]) == ("02/TB-UBND", "Nguyễn Văn A")
    assert payload["addressee"] == "UBND xã Phú Xuyên"


def test_7_3_g_a_letter_is_downloaded_only_by_its_recipients_and_officers_in_scope(
    decided, personas
):
    producer_letter = Notice.objects.filter(recipient_kind="producer").order_by("id").first()
    commune_letter = Notice.objects.filter(recipient_kind="commune").order_by("id").first()
    officers = ["commune_x", "province_p", "central", "admin"]
    assert_matrix(personas, reverse("certificates:notice_pdf", args=[producer_letter.pk]),
                  ["producer_a", *officers])  # fmt: skip
    assert_matrix(personas, reverse("certificates:notice_pdf", args=[commune_letter.pk]),
                  officers)  # fmt: skip
    response = client_for(personas["producer_a"]).get(producer_letter.get_absolute_url())
    assert (response["Content-Type"], response.content[:5]) == ("application/pdf", b"%PDF-")


def test_7_3_g_notices_listed_on_the_decision_page_and_the_notice_list(decided, personas):
    decision, _items = decided
    page = client_for(personas["province_p"]).get(
        reverse("evaluation:decision_detail", args=[decision.pk])).content.decode()  # fmt: skip
    assert page.count("/TB-UBND</a>") == 8
    mine = client_for(personas["producer_a"]).get(reverse("certificates:notice_list"))
    assert mine.content.decode().count("/TB-UBND</a>") == 4


def test_7_3_g_a_failing_mail_server_does_not_undo_the_decision(
    council_world, personas, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "ocop.evaluation.tests.test_notices_7_3_g.BrokenBackend"
    personas["producer_a"].email = "producer_a@example.vn"
    personas["producer_a"].save(update_fields=["email"])
    w = council_world
    for item in w.items:
        score(w.members, item, 75)
    session_close(actor=None, session=w.session)
    with django_capture_on_commit_callbacks(execute=True):
        decision = decision_issue(actor=personas["province_p"], level="province",
                                  province=w.council.province, items=list(w.session.items.all()),
                                  decided_on=DECIDED_ON)  # fmt: skip
    assert decision.items.count() == 3
    assert Notice.objects.filter(source_id=decision.pk, kind="result").count() == 6


def test_8_3_c_a_revocation_writes_to_producer_commune_and_province(decided, personas):
    _decision, items = decided
    certificate = items[1].application.product.certificates.get()
    certificate_revoke(actor=personas["province_p"], certificate=certificate,
                       ground="mark_misuse", conclusion_date=date(2027, 11, 20),
                       decision_number="15/QĐ-UBND", decision_date=date(2027, 11, 25))  # fmt: skip
    letters = Notice.objects.filter(kind="revocation").order_by("id")
    assert [(n.recipient_kind, n.addressee, n.issued_on) for n in letters] == [
        ("producer", "HTX Phú Xuyên", date(2027, 11, 25)),
        ("commune", "UBND xã Phú Xuyên", date(2027, 11, 25)),
        ("province", "Sở Nông nghiệp và Môi trường thành phố Hà Nội", date(2027, 11, 25)),
    ]
    assert "Sử dụng sai biểu trưng OCOP" in letters[0].body
    assert Notification.objects.filter(recipient=personas["province_p"],
                                       url=letters[2].get_absolute_url()).count() == 1  # fmt: skip
    page = client_for(personas["producer_a"]).get(certificate.get_absolute_url()).content.decode()
    assert letters[0].number in page and letters[2].number not in page


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("smtp down")


def test_7_4_and_7_3_g_a_ministry_decision_notifies_on_the_ministry_letterhead(
    council_world, personas
):
    """A product proposed for 5★ by the provincial decision of 10 Jun 2027, scored 91 by the
    central council on 20 Aug 2027 and recognised by the ministry on 20 Sep 2027: its producer and
    commune get the ministry's letters NN/TB-BNNMT."""
    from ocop.accounts.roles import Role
    from ocop.accounts.testing import make_user
    from ocop.evaluation.models import Application, Round
    from ocop.evaluation.services.sessions import session_create
    from ocop.evaluation.testing import make_council
    from ocop.evaluation.tests.test_services_central import hand_off

    w = council_world
    for item, total in zip(w.items, [95, 60, 60], strict=True):
        score(w.members, item, total)
    session_close(actor=None, session=w.session)
    decision_issue(actor=personas["province_p"], level="province", province=w.council.province,
                   items=list(w.session.items.all()), decided_on=DECIDED_ON)  # fmt: skip
    proposed = list(Application.objects.filter(stage="proposed_central"))
    for application in proposed:  # the 5★ hand-off (Art. 6.3.a) before the central council
        hand_off(personas, application)
    central = make_council(None, [make_user(f"tw{n}", Role.COUNCIL_MEMBER) for n in range(3)],
                           level="central")  # fmt: skip
    round_ = Round.objects.create(level="central", year=2027, number=1,
                                  proposal_deadline=date(2027, 7, 30),
                                  decision_deadline=date(2027, 9, 30))  # fmt: skip
    session = session_create(actor=personas["central"], council=central, round=round_,
                             held_on=date(2027, 8, 20), applications=proposed)  # fmt: skip
    seats = list(central.members.order_by("id"))
    [item] = list(session.items.all())
    score(seats, item, 91)
    session_close(actor=seats[-1].user, session=session)
    ministry = decision_issue(actor=personas["central"], level="central", province=None,
                              items=[item], decided_on=date(2027, 9, 20))  # fmt: skip
    letters = Notice.objects.filter(source_id=ministry.pk, source_type__model="decision")
    assert sorted((n.number, n.recipient_kind, n.outcome, n.authority_level) for n in letters) == [
        ("01/TB-BNNMT", "producer", "recognised", "central"),
        ("02/TB-BNNMT", "commune", "recognised", "central"),
    ]
    payload = notice_payload(letters.get(recipient_kind="producer"))
    assert payload["agency"] == ["BỘ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]
    assert payload["signature"] == ["BỘ TRƯỞNG"]
    assert "đạt chuẩn OCOP 5 sao theo Quyết định số 01/QĐ-BNNMT ngày 20/09/2027" in (
        letters.get(recipient_kind="producer").body)  # fmt: skip


NOT_EVALUATED_RULE = (
    "2.1: Không đánh giá những sản phẩm có tính phổ biến của nhóm sản phẩm chủ lực cấp quốc gia, "
    "cấp tỉnh mà không có sự nổi trội về chất lượng và đặc sắc."
)


def test_7_3_g_products_the_council_did_not_evaluate_are_notified_once(
    council_world, personas, world, django_capture_on_commit_callbacks
):
    """Art. 7.3.g: "UBND cấp tỉnh giao cơ quan tham mưu quản lý OCOP cấp tỉnh thông báo bằng văn
    bản về kết quả đánh giá, phân hạng cho UBND cấp xã và các chủ thể OCOP." Phụ lục II, sheet 1:
    "Ghi chú: Không đánh giá những sản phẩm có tính phổ biến của nhóm sản phẩm chủ lực cấp quốc
    gia, cấp tỉnh mà không có sự nổi trội về chất lượng và đặc sắc."

    At the session of 20 May 2027 the council does not evaluate "Bưởi Phú Xuyên" under that rule
    and rejects a fourth product ("Hồ sơ bị loại khi…", not listed on the decision); it scores the
    two others 75 and 40. The decision of 10 Jun 2027 on the 75 also writes to Bưởi's producer and
    commune, citing the rule; the decision of 15 Jun 2027 on the 40 (same session) does not write
    again. The rejected product gets no letter."""
    from ocop.evaluation.services.sessions import item_outcome_record

    w = council_world
    chair = w.members[0].user
    rejected = make_ready(new_dossier(personas["producer_a"],
                                      make_product(world.producer_a, "Na Phú Xuyên"), world.round))  # fmt: skip
    session_schedule(actor=None, session=w.session, applications=[rejected])
    rau, buoi, oi = w.items
    item_outcome_record(actor=chair, item=buoi, outcome="not_evaluated", rule="not_evaluated-1",
                        reason="Bưởi phổ biến của vùng")  # fmt: skip
    item_outcome_record(actor=chair, item=w.session.items.get(application=rejected),
                        outcome="reject", rule="reject-1")  # fmt: skip
    score(w.members, rau, 75)
    score(w.members, oi, 40)
    session_close(actor=chair, session=w.session)
    province = personas["province_p"]
    with django_capture_on_commit_callbacks(execute=True):
        first = decision_issue(actor=province, level="province", province=w.council.province,
                               items=[rau], decided_on=DECIDED_ON, signer="Nguyễn Văn A")  # fmt: skip
    letters = Notice.objects.filter(source_id=first.pk, source_type__model="decision").order_by(
        "id"
    )
    assert [(n.number, n.product.name, n.recipient_kind, n.outcome) for n in letters] == [
        ("01/TB-UBND", "Rau cải Phú Xuyên", "producer", "recognised"),
        ("02/TB-UBND", "Rau cải Phú Xuyên", "commune", "recognised"),
        ("03/TB-UBND", "Bưởi Phú Xuyên", "producer", "not_evaluated"),
        ("04/TB-UBND", "Bưởi Phú Xuyên", "commune", "not_evaluated"),
    ]
    letter = letters[2]
    assert (letter.addressee, letter.issued_on, letter.certificate, letter.signer) == (
        "HTX Phú Xuyên", DECIDED_ON, None, "Nguyễn Văn A")  # fmt: skip
    assert letter.subject == (
        "Sản phẩm không được Hội đồng đánh giá, phân hạng sản phẩm OCOP đánh giá"
    )
    assert letter.body == (
        "Căn cứ kết quả phiên họp ngày 20/05/2027 của Hội đồng đánh giá, phân hạng sản phẩm OCOP, "
        "UBND thành phố Hà Nội thông báo: sản phẩm “Bưởi Phú Xuyên” của chủ thể HTX Phú Xuyên "
        "không được Hội đồng đánh giá, phân hạng theo quy định của phiếu đánh giá sản phẩm (Phụ "
        f"lục II Quyết định số 26/2026/QĐ-TTg): “{NOT_EVALUATED_RULE}”. Ý kiến của Hội đồng: Bưởi "
        "phổ biến của vùng\nSản phẩm không có tên trong Quyết định số 01/QĐ-UBND ngày 10/06/2027; "
        "không được công nhận sản phẩm OCOP và không được cấp giấy chứng nhận. Chủ thể có thể "
        "hoàn thiện sản phẩm và đăng ký đánh giá ở kỳ sau."
    )
    assert letters[3].addressee == "UBND xã Phú Xuyên"
    assert Notification.objects.filter(recipient=personas["producer_a"],
                                       url=letter.get_absolute_url()).count() == 1  # fmt: skip
    page = client_for(province).get(
        reverse("evaluation:decision_detail", args=[first.pk])).content.decode()  # fmt: skip
    assert page.count("/TB-UBND</a>") == 4
    assert "03/TB-UBND</a>" in page and "Sản phẩm không được Hội đồng đánh giá" in page

    second = decision_issue(actor=province, level="province", province=w.council.province,
                            items=[oi], decided_on=date(2027, 6, 15))  # fmt: skip
    again = Notice.objects.filter(source_id=second.pk, source_type__model="decision")
    assert sorted((n.number, n.product.name, n.outcome) for n in again) == [
        ("05/TB-UBND", "Ổi Phú Xuyên", "below_three"),
        ("06/TB-UBND", "Ổi Phú Xuyên", "below_three"),
    ]
    assert Notice.objects.filter(outcome="not_evaluated").count() == 2
    assert Notice.objects.filter(product__name="Na Phú Xuyên").count() == 0
