"""Art. 12.2 of Decision 26/2026/QĐ-TTg (in force 22 May 2026): "Những sản phẩm đã được chủ thể
OCOP nộp hồ sơ đề nghị đánh giá, phân hạng sản phẩm OCOP trước ngày Quyết định này có hiệu lực ...
a) Đối với những sản phẩm đánh giá, phân hạng lần đầu hoặc nâng hạng: Tiếp tục thực hiện theo quy
định ... của giai đoạn 2021 - 2025, nhưng thời hạn hoàn thành đánh giá, phân hạng không quá 60
ngày, kể từ ngày Quyết định này có hiệu lực. b) Đối với những sản phẩm đăng ký đánh giá, phân hạng
lại: ... không quá 30 ngày". With Art. 11.2 (148 "hết hiệu lực sau 60 ngày"): the last days are
21 Jul 2026 (a) and 21 Jun 2026 (b)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ocop.certificates.models import Certificate
from ocop.evaluation.models import Application, Decision, SessionItem
from ocop.evaluation.pdf_council import (
    BASIS_26_2026,
    BASIS_148_2023,
    BASIS_TRANSITION,
    decision_bases,
    decision_payload,
)
from ocop.evaluation.periods import completion_limit
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.decisions import decision_issue
from ocop.evaluation.services.sessions import session_close, session_schedule
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import answers_totalling, fill_dossier, make_product, make_ready

pytestmark = pytest.mark.django_db

REFUSED_25_JUL = (
    "Quyết định ngày 25/07/2026 không thể công nhận kết quả chấm theo Bộ tiêu chí 148/QĐ-TTg: "
    "thời hạn hoàn thành đánh giá theo khoản 2 Điều 12 Quyết định 26/2026/QĐ-TTg đã hết ngày "
    "21/07/2026 và Quyết định 148/QĐ-TTg đã hết hiệu lực (khoản 2 Điều 11). Sản phẩm: Mật ong "
    "Phú Xuyên. Các hồ sơ này phải được đánh giá lại theo Bộ tiêu chí 26/2026."
)


@pytest.fixture
def clock(monkeypatch):
    def set_day(day: date) -> None:
        monkeypatch.setattr("django.utils.timezone.localdate", lambda: day)

    return set_day


def submitted_on(user, product, round_, day: date) -> Application:
    application = application_create(actor=user, product=product, round=round_, kind="first",
                                     today=day)  # fmt: skip
    fill_dossier(application, user)
    return application_transition(actor=user, application=application, action="submit",
                                  today=day)  # fmt: skip


def test_art_12_2_a_dossier_submitted_21_may_2026_is_pinned_to_148_with_limit_21_jul_2026(
    personas, world, clock, client
):
    """Art. 12.2.a: submitted 21 May 2026 → 148-2023, completed by 21 Jul 2026; the commune's
    "my tasks" and the dossier page warn 14 days before and flag it after."""
    product = make_product(world.producer_a, "Mật ong Phú Xuyên")
    application = submitted_on(personas["producer_a"], product, world.round, date(2026, 5, 21))
    assert (application.rules, application.filed_on) == ("148-2023", date(2026, 5, 21))
    assert application.completion_on(date(2026, 7, 6)) == {
        "limit": date(2026, 7, 21), "article": "12.2.a", "state": "open", "days_left": 15,
    }  # fmt: skip
    assert application.completion_on(date(2026, 7, 7))["state"] == "soon"
    assert application.completion_on(date(2026, 7, 22))["state"] == "overdue"

    client.force_login(personas["commune_x"])
    clock(date(2026, 7, 10))
    tasks = client.get("/applications/tasks/").content.decode()
    assert 'data-completion="soon"' in tasks
    assert "hoàn thành đánh giá trước hết ngày 21/07/2026 (Điều 12.2.a) — còn 11 ngày" in tasks
    clock(date(2026, 7, 22))
    page = client.get(f"/applications/{application.pk}/").content.decode()
    assert 'data-completion="overdue"' in page
    assert "(Điều 12.2.a) — đã quá thời hạn hoàn thành" in page


def test_art_12_2_b_and_7_6_g_completion_limits():
    """Art. 12.2.b: a 148-2023 re-evaluation is completed by 21 Jun 2026; Art. 7.6.g: a
    re-evaluation under 26/2026 whose complete dossier was received 3 Aug 2026 by 17 Sep 2026."""
    assert completion_limit("148-2023", "reevaluation", None) == (date(2026, 6, 21), "12.2.b")
    assert completion_limit("148-2023", "upgrade", None) == (date(2026, 7, 21), "12.2.a")
    assert completion_limit("26-2026", "reevaluation", date(2026, 8, 3)) == (
        date(2026, 9, 17), "7.6.g",
    )  # fmt: skip
    assert completion_limit("26-2026", "reevaluation", None) is None
    assert completion_limit("26-2026", "first", date(2026, 8, 3)) is None


def test_art_12_2_a_148_dossier_decided_25_jul_2026_is_refused_and_21_jul_cites_148(
    council_world, personas, world
):
    """Art. 12.2.a and 11.2: a 148 dossier submitted 21 May 2026 cannot be recognised by a decision
    dated 25 Jul 2026 (the decision service refuses as the certificate service would; nothing is
    written); decided 21 Jul 2026 it is, and the decision cites 148 and Art. 12.2."""
    w = council_world
    product = make_product(world.producer_a, "Mật ong Phú Xuyên")
    late = make_ready(submitted_on(personas["producer_a"], product, world.round, date(2026, 5, 21)))
    session_schedule(actor=None, session=w.session, applications=[late])
    items = list(w.session.items.order_by("id"))
    for item in items:
        for member in w.members:
            sheet_submit(actor=member.user, item=item, member=member,
                         answers=answers_totalling(item_sheet(item), 60))  # fmt: skip
    session_close(actor=None, session=w.session)
    fresh = [SessionItem.objects.get(pk=i.pk) for i in items]

    def decide(day, chosen):
        return decision_issue(actor=personas["province_p"], level="province",
                              province=w.council.province, items=chosen, decided_on=day)  # fmt: skip

    with pytest.raises(ValidationError) as refused:
        decide(date(2026, 7, 25), fresh)
    assert refused.value.messages == [REFUSED_25_JUL]
    assert Decision.objects.count() == 0
    assert Certificate.objects.count() == 0
    assert set(Application.objects.values_list("stage", flat=True)) == {"scored"}

    decision = decide(date(2026, 7, 21), [fresh[3]])
    certificate = product.certificates.get()
    assert (certificate.rules, certificate.stars, certificate.decision_date) == (
        "148-2023", 3, date(2026, 7, 21),
    )  # fmt: skip
    assert decision_payload(decision)["bases"] == [BASIS_TRANSITION, BASIS_148_2023]
    ordinary = decide(date(2026, 7, 25), fresh[:3])
    assert decision_payload(ordinary)["bases"] == [BASIS_26_2026]
    assert decision_bases({"26-2026", "148-2023"}) == [BASIS_26_2026, BASIS_148_2023]


def test_art_12_2_a_lapsed_148_dossier_goes_back_to_the_producer_under_26_2026(
    personas, world, territory, clock, client
):
    """Art. 12.2.a and 11.2: a 148 dossier submitted 20 Apr 2026 in round 1/2026 and not finished
    by 21 Jul 2026 is moved on 25 Jul 2026 by the province officer to 26-2026, back to the producer, in the
    province's next open round (round 2/2026); before 22 Jul and for a commune officer: refused,
    nothing changed."""
    from ocop.evaluation.models import Round
    from ocop.evaluation.services.renewal import application_renew_rules

    round_1 = Round.objects.create(level="province", province=territory.province_p, year=2026,
                                   number=1, proposal_deadline=date(2026, 4, 30),
                                   decision_deadline=date(2026, 6, 30))  # fmt: skip
    round_2 = Round.objects.create(level="province", province=territory.province_p, year=2026,
                                   number=2, proposal_deadline=date(2026, 10, 30),
                                   decision_deadline=date(2026, 12, 30))  # fmt: skip
    application = submitted_on(personas["producer_a"], make_product(world.producer_a, "Mật ong"),
                               round_1, date(2026, 4, 20))  # fmt: skip
    Application.objects.filter(pk=application.pk).update(
        stage="scored"
    )  # council done, no decision
    application.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        application_renew_rules(actor=personas["province_p"], application=application,
                                today=date(2026, 7, 21))  # fmt: skip
    assert refused.value.messages == [
        "Chỉ chuyển sang Bộ tiêu chí 26/2026 hồ sơ theo Bộ tiêu chí 148/QĐ-TTg chưa có kết quả "
        "khi đã hết thời hạn hoàn thành theo khoản 2 Điều 12 Quyết định 26/2026/QĐ-TTg."
    ]
    application.refresh_from_db()
    assert (application.stage, application.rules, application.round_id) == (
        "scored", "148-2023", round_1.pk,
    )  # fmt: skip
    client.force_login(personas["commune_x"])
    clock(date(2026, 7, 25))
    url = f"/applications/{application.pk}/renew-rules/"
    assert client.post(url, {"confirm": "1"}).status_code == 403
    application.refresh_from_db()
    assert (application.stage, application.rules) == ("scored", "148-2023")

    client.force_login(personas["province_p"])
    assert "data-renew-rules" in client.get(f"/applications/{application.pk}/").content.decode()
    assert client.post(url, {"confirm": "1"}).status_code == 302
    application.refresh_from_db()
    assert (application.stage, application.rules, application.round_id) == (
        "returned", "26-2026", round_2.pk,
    )  # fmt: skip
    assert (application.self_scores, application.self_total) == ({}, None)
    change = application.history.get(action="renew_rules")
    assert change.reason == (
        "Hết thời hạn hoàn thành đánh giá theo Bộ tiêu chí 148/QĐ-TTg (khoản 2 Điều 12 Quyết định "
        "26/2026/QĐ-TTg): hồ sơ được đánh giá lại theo Bộ tiêu chí 26/2026, Đợt 2/2026 – Thành "
        "phố Hà Nội."
    )
