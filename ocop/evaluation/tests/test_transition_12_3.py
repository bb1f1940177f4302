"""Art. 12.3 of Decision 26/2026/QĐ-TTg (in force 22 May 2026, Art. 11.1): "Những sản phẩm thuộc
đối tượng đánh giá, phân hạng lại, nhưng thời gian nộp hồ sơ không đáp ứng được thời hạn theo quy
định tại điểm a khoản 6 Điều 7 Quyết định này, thì giấy chứng nhận tiếp tục có hiệu lực đến ngày
có kết quả xử lý của cơ quan có thẩm quyền, nhưng không quá 180 ngày tính từ ngày hết thời hạn."

A certificate expiring 1 Aug 2026 had its 180–120-day window from 2 Feb to 3 Apr 2026, closed
before 22 May 2026: a re-evaluation filed 1 Jun 2026 is accepted and the certificate stays in force
after 1 Aug 2026 until the result, at most until 28 Jan 2027 (1 Aug 2026 + 180 days)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ocop.certificates.models import Certificate
from ocop.certificates.services import certificate_issue, certificates_refresh
from ocop.evaluation.models import SessionItem
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.decisions import decision_issue
from ocop.evaluation.services.sessions import session_close, session_schedule
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import answers_totalling, fill_dossier, make_product, make_ready

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """Set the services' today (timezone.localdate) to a concrete day."""

    def set_day(day: date) -> None:
        monkeypatch.setattr("django.utils.timezone.localdate", lambda: day)

    return set_day


def certified(producer, name, *, valid_until: date, stars: int = 4) -> Certificate:
    """A 148-2023 provincial certificate issued 36 months before `valid_until`."""
    issued = valid_until.replace(year=valid_until.year - 3)
    return certificate_issue(
        actor=None, product=make_product(producer, name), stars=stars, rules="148-2023",
        authority_name="UBND thành phố Hà Nội", authority_level="province",
        decision_number="05/QĐ-UBND", decision_date=issued, issue_date=issued,
    )  # fmt: skip


def open_reevaluation(user, certificate, round_, day: date):
    return application_create(actor=user, product=certificate.product, round=round_,
                              kind="reevaluation", today=day)  # fmt: skip


def file_late(user, certificate, round_, day: date):
    application = fill_dossier(open_reevaluation(user, certificate, round_, day), user)
    return application_transition(actor=user, application=application, action="submit",
                                  today=day)  # fmt: skip


def test_art_12_3_late_reevaluation_filed_1_jun_2026_extends_a_certificate_expiring_1_aug_2026(
    personas, world, clock, client
):
    """Art. 12.3: filed 1 Jun 2026, in force after 1 Aug 2026 as "extended" until 28 Jan 2027."""
    clock(date(2026, 5, 30))
    certificate = certified(world.producer_a, "Gạo tám", valid_until=date(2026, 8, 1))
    assert (certificate.window_start, certificate.window_end) == (
        date(2026, 2, 2), date(2026, 4, 3),
    )  # fmt: skip
    clock(date(2026, 6, 1))
    application = file_late(personas["producer_a"], certificate, world.round, date(2026, 6, 1))
    assert (application.stage, application.filed_on) == ("submitted", date(2026, 6, 1))
    certificate.refresh_from_db()
    assert (certificate.status, certificate.extended_until) == ("valid", date(2027, 1, 28))

    assert certificates_refresh(today=date(2026, 8, 1)).changes == []
    report = certificates_refresh(today=date(2026, 8, 2))
    assert [(c.number, old, new) for c, old, new in report.changes] == [
        (certificate.number, "valid", "extended")
    ]
    assert report.reminders == []  # no "expired" reminder while the extension runs
    certificate.refresh_from_db()
    certificate.product.refresh_from_db()
    assert certificate.status == "extended"
    assert (certificate.product.current_stars, certificate.product.certificate_status) == (
        4,
        "valid",
    )

    clock(date(2026, 8, 2))
    page = client.get(certificate.verification_url.removeprefix("http://127.0.0.1:8000"))
    text = page.content.decode()
    assert page.status_code == 200
    assert 'data-verdict="extended"' in text
    assert "không quá ngày 28/01/2027 (Điều 12 khoản 3 Quyết định 26/2026/QĐ-TTg)" in text

    assert certificate.status_on(date(2027, 1, 28)) == "extended"
    assert certificate.status_on(date(2027, 1, 29)) == "expired"
    lapsed = certificates_refresh(today=date(2027, 1, 29))
    assert [(c.number, milestone) for c, milestone in lapsed.reminders] == [
        (certificate.number, "expired")
    ]
    certificate.refresh_from_db()
    certificate.product.refresh_from_db()
    assert certificate.status == "expired"
    assert (certificate.product.current_stars, certificate.product.certificate_status) == (
        None, "expired",
    )  # fmt: skip


def test_art_12_3_applies_only_when_the_window_had_closed_by_22_may_2026(personas, world, clock):
    """Art. 12.3 with Art. 7.6.a and 11.1: a certificate expiring 18 Sep 2026 (window closed 21 May)
    may be re-evaluated late on 1 Jun 2026; one expiring 19 Sep 2026 (window 23 Mar – 22 May, open
    when the decision took effect) may not; and nothing is late before 22 May 2026."""
    user = personas["producer_a"]
    clock(date(2026, 5, 20))
    closed = certified(world.producer_a, "Gạo tám", valid_until=date(2026, 9, 18))
    still_open = certified(world.producer_a, "Gạo nếp", valid_until=date(2026, 9, 19))
    early = certified(world.producer_a, "Gạo lứt", valid_until=date(2026, 8, 1))
    with pytest.raises(ValidationError) as refused:
        open_reevaluation(user, early, world.round, date(2026, 5, 21))
    assert refused.value.messages == [
        "Hồ sơ đánh giá lại chỉ được nộp từ 02/02/2026 đến 03/04/2026 (từ 180 đến 120 ngày "
        f"trước ngày giấy chứng nhận {early.number} hết hạn, 01/08/2026)."
    ]
    with pytest.raises(ValidationError) as refused:
        open_reevaluation(user, still_open, world.round, date(2026, 6, 1))
    assert refused.value.messages == [
        "Hồ sơ đánh giá lại chỉ được nộp từ 23/03/2026 đến 22/05/2026 (từ 180 đến 120 ngày "
        f"trước ngày giấy chứng nhận {still_open.number} hết hạn, 19/09/2026)."
    ]
    assert still_open.product.applications.count() == 0
    clock(date(2026, 6, 1))
    file_late(user, closed, world.round, date(2026, 6, 1))
    closed.refresh_from_db()
    assert closed.extended_until == date(2027, 3, 17)


def test_art_12_3_a_late_dossier_submitted_after_expiry_is_refused(personas, world, clock):
    """Art. 12.3 "tiếp tục có hiệu lực": a draft opened 1 Jun 2026 but submitted 2 Aug 2026, after
    the certificate expired on 1 Aug 2026, is refused and the certificate is not extended."""
    user = personas["producer_a"]
    clock(date(2026, 6, 1))
    certificate = certified(world.producer_a, "Gạo tám", valid_until=date(2026, 8, 1))
    application = fill_dossier(open_reevaluation(user, certificate, world.round, date(2026, 6, 1)),
                               user)  # fmt: skip
    clock(date(2026, 8, 1))  # still in force on its last day: the lookup finds it
    with pytest.raises(ValidationError) as refused:
        application_transition(actor=user, application=application, action="submit",
                               today=date(2026, 8, 2))  # fmt: skip
    assert refused.value.messages == [
        f"Giấy chứng nhận {certificate.number} đã hết hạn ngày 01/08/2026: Điều 12.3 Quyết định "
        "26/2026/QĐ-TTg chỉ kéo dài hiệu lực khi hồ sơ đánh giá lại được nộp trước ngày hết hạn."
    ]
    application.refresh_from_db()
    certificate.refresh_from_db()
    assert (application.stage, application.filed_on, certificate.extended_until) == (
        "draft", None, None,
    )  # fmt: skip


def test_art_12_3_withdrawing_the_late_reevaluation_ends_the_extension(personas, world, clock):
    """Art. 12.3 "đến ngày có kết quả xử lý": filed 1 Jun 2026, returned by the commune on
    5 Jun, withdrawn on 10 Sep 2026: the extension ends on 10 Sep, expired from 11 Sep."""
    p = personas
    clock(date(2026, 6, 1))
    certificate = certified(world.producer_a, "Gạo tám", valid_until=date(2026, 8, 1))
    application = file_late(p["producer_a"], certificate, world.round, date(2026, 6, 1))
    application_transition(actor=p["commune_x"], application=application, action="return",
                           items=[{"item": "Mẫu 02", "reason": "Thiếu phiếu kiểm nghiệm."}],
                           today=date(2026, 6, 5))  # fmt: skip
    certificates_refresh(today=date(2026, 8, 2))
    clock(date(2026, 9, 10))
    application_transition(actor=p["producer_a"], application=application, action="withdraw",
                           reason="Chưa kịp kiểm nghiệm.", today=date(2026, 9, 10))  # fmt: skip
    certificate.refresh_from_db()
    assert (certificate.status, certificate.extended_until) == ("extended", date(2026, 9, 10))
    certificates_refresh(today=date(2026, 9, 11))
    certificate.refresh_from_db()
    assert certificate.status == "expired"


def test_art_12_3_the_decision_ends_the_extension_or_supersedes_it(
    council_world, personas, world, clock
):
    """Art. 12.3: two late re-evaluations filed 1 Jun 2026 for certificates expiring 1 Aug 2026,
    decided on 10 Oct 2026: the one scored 3★ gets a new certificate that supersedes the extended
    one; the one scored below 3★ ends its extension on 10 Oct 2026."""
    w, user = council_world, personas["producer_a"]
    clock(date(2026, 6, 1))
    kept = certified(world.producer_a, "Gạo tám", valid_until=date(2026, 8, 1))
    lapsed = certified(world.producer_a, "Gạo nếp", valid_until=date(2026, 8, 1))
    dossiers = [
        make_ready(file_late(user, c, world.round, date(2026, 6, 1))) for c in (kept, lapsed)
    ]
    certificates_refresh(today=date(2026, 8, 2))
    session_schedule(actor=None, session=w.session, applications=dossiers)
    items = list(w.session.items.order_by("id"))
    for item, total in zip(items, [60, 60, 60, 60, 25], strict=True):
        for member in w.members:
            sheet_submit(actor=member.user, item=item, member=member,
                         answers=answers_totalling(item_sheet(item), total))  # fmt: skip
    session_close(actor=None, session=w.session)
    clock(date(2026, 10, 10))
    decision_issue(actor=personas["province_p"], level="province", province=w.council.province,
                   items=[SessionItem.objects.get(pk=i.pk) for i in items],
                   decided_on=date(2026, 10, 10))  # fmt: skip
    kept.refresh_from_db()
    lapsed.refresh_from_db()
    new = kept.product.certificates.exclude(pk=kept.pk).get()
    assert (kept.status, new.supersedes_id, new.stars) == ("superseded", kept.pk, 3)
    assert (lapsed.status, lapsed.extended_until) == ("extended", date(2026, 10, 10))
    certificates_refresh(today=date(2026, 10, 11))
    lapsed.refresh_from_db()
    assert lapsed.status == "expired"
