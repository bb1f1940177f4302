"""Smaller rules of Decision 26/2026/QĐ-TTg (issue 13, item 9), each on concrete dates: Art. 2.3
(associations and operating centres only for tourism), Art. 6.2.d (5 samples except tourism), and
the 148-2023 era's district 3★ (a province 3★ dated before 1 Jul 2025 is refused)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ocop.certificates.recognition import Problem, level_problem
from ocop.certificates.services import certificate_issue
from ocop.evaluation.models import Application
from ocop.evaluation.services.applications import application_create, application_save_forms
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import fill_dossier, make_product

pytestmark = pytest.mark.django_db

MAU03 = {
    "raw_materials": "Nguyên liệu tại xã.", "local_labour": "12 lao động địa phương.",
    "idea_origin": "Sản phẩm truyền thống.", "local_identity": "Giống rau bản địa.",
    "proposal_letter": "Tờ trình số 15/TTr-UBND",
}  # fmt: skip


def test_art_2_3_an_association_files_only_tourism_products(personas, world):
    """Art. 2.3 ("Đối với nhóm sản phẩm dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du
    lịch bao gồm thêm: hội, hiệp hội, trung tâm điều hành"): on 4 Jan 2027 an association's rice
    (set 1) is refused, nothing created; its community tourism product (set 26) is accepted."""
    world.producer_a.legal_form = "association"
    world.producer_a.save(update_fields=["legal_form"])
    rice = make_product(world.producer_a, "Gạo tám")
    tour = make_product(world.producer_a, "Du lịch làng nghề")
    tour.set_number = 26
    tour.save(update_fields=["set_number"])

    def create(product):
        return application_create(actor=personas["producer_a"], product=product,
                                  round=world.round, kind="first", today=date(2027, 1, 4))  # fmt: skip

    with pytest.raises(ValidationError) as refused:
        create(rice)
    assert refused.value.messages == [
        "Hội, hiệp hội, trung tâm điều hành chỉ đăng ký sản phẩm nhóm dịch vụ du lịch cộng đồng, "
        "du lịch sinh thái và điểm du lịch (bộ sản phẩm 26; khoản 3 Điều 2 Quyết định "
        "26/2026/QĐ-TTg)."
    ]
    assert Application.objects.count() == 0
    application = create(tour)
    assert (application.set_number, application.form01["samples"]) == (26, 0)


def test_art_6_2_d_five_samples_are_required_except_for_tourism(personas, world):
    """Art. 6.2.d ("05 sản phẩm mẫu được gửi kèm theo hồ sơ (trừ nhóm sản phẩm Dịch vụ du lịch
    cộng đồng, du lịch sinh thái và điểm du lịch)"): a rice dossier declaring 3 samples is refused
    at its submission on 4 Jan 2027 and stays a draft; with 5 it is filed."""
    user = personas["producer_a"]
    application = fill_dossier(
        application_create(actor=user, product=world.product_a, round=world.round, kind="first",
                           today=date(2027, 1, 4)), user)  # fmt: skip
    application_save_forms(actor=user, application=application, form01={"samples": 3})

    def submit():
        return application_transition(actor=user, application=application, action="submit",
                                      today=date(2027, 1, 4))  # fmt: skip

    with pytest.raises(ValidationError) as refused:
        submit()
    assert refused.value.messages == [
        "Cần gửi kèm 05 sản phẩm mẫu (điểm d khoản 2 Điều 6); Mẫu 01 ghi 3."
    ]
    application.refresh_from_db()
    assert (application.stage, application.registration_number) == ("draft", "")
    application_save_forms(actor=user, application=application, form01={"samples": 5})
    assert submit().stage == "submitted"


def test_a_province_3_star_dated_before_1_jul_2025_under_148_is_refused(world):
    """Districts recognised 3★ under 148-2023 until the 2025 reform (districts abolished 1 Jul
    2025): a province certificate for 3★ decided 10 Jun 2025 is refused, nothing issued; one
    decided 10 Jul 2025 is issued; 4★ by the province on 10 Jun 2025 stays fine."""
    product = make_product(world.producer_a, "Gạo tám")

    def issue(day, stars=3):
        return certificate_issue(
            actor=None, product=product, stars=stars, rules="148-2023",
            authority_name="UBND thành phố Hà Nội", authority_level="province",
            decision_number="05/QĐ-UBND", decision_date=day, issue_date=day,
        )  # fmt: skip

    with pytest.raises(ValidationError) as refused:
        issue(date(2025, 6, 10))
    assert refused.value.messages == [
        "Từ 24/02/2023 đến 30/06/2025 (Quyết định 148/QĐ-TTg) sản phẩm 3 sao do UBND cấp huyện "
        "công nhận, không phải cấp tỉnh (ngày 10/06/2025)."
    ]
    assert product.certificates.count() == 0
    assert issue(date(2025, 7, 10)).stars == 3
    assert level_problem(4, "province", date(2025, 6, 10)) is None
    # A year-only historic result of 2025 may fall after 1 Jul: accepted.
    assert level_problem(3, "province", date(2025, 1, 1), date(2025, 12, 31)) is None
    assert level_problem(3, "province", date(2024, 1, 1), date(2024, 12, 31)) == (
        Problem.PROVINCE_THREE_IN_DISTRICT_ERA
    )


def test_art_5_1_a_decision_after_the_rounds_decision_date_is_flagged(council_world):
    """Art. 5.1 ("Đợt 01 trước ngày 30 tháng 6"): round 1/2027 decides by 30 Jun 2027; the
    confirmation of a decision dated 10 Jul 2027 names the late products, one dated 30 Jun 2027
    does not (a warning: the decision is not refused)."""
    from ocop.evaluation.confirmations import decision_rows

    items = council_world.items
    late = dict(decision_rows(items, date(2027, 7, 10), "Nguyễn Văn A"))
    assert late["Quá hạn quyết định của đợt (Điều 5 khoản 1)"] == "; ".join(
        f"{i.application.product.name} (Đợt 1/2027 – Thành phố Hà Nội, hạn 30/06/2027)"
        for i in items
    )
    on_time = dict(decision_rows(items, date(2027, 6, 30), "Nguyễn Văn A"))
    assert "Quá hạn quyết định của đợt (Điều 5 khoản 1)" not in on_time


def test_art_7_3_b_and_7_4_b_council_composition_is_warned_not_blocked(
    council_world, client, personas
):
    """Art. 7.3.b (provincial council: chair from the provincial People's Committee; members from
    the departments of agriculture and environment, industry and trade, health, science and
    technology, culture) and 7.4.b (the ministries, centrally): the gaps are listed for the
    council's managers; nothing is refused."""
    from ocop.core.messages import Message
    from ocop.evaluation.composition import composition_gaps

    full = [("chair", "UBND thành phố Hà Nội"), ("member", "Sở Nông nghiệp và Môi trường"),
            ("member", "SỞ CÔNG THƯƠNG"), ("member", "Sở Y tế"),
            ("member", "Sở Khoa học và Công nghệ"), ("secretary", "Sở Văn hóa, Thể thao và Du lịch")]  # fmt: skip
    assert composition_gaps("province", full) == []
    assert composition_gaps("province", [("advisor", "Sở Y tế"), *full[3:]]) == [
        Message("council.no_chair", {"article": "7.3.b"}),
        Message("council.missing_agency", {"agency": "Sở Nông nghiệp và Môi trường", "article": "7.3.b"}),
        Message("council.missing_agency", {"agency": "Sở Công Thương", "article": "7.3.b"}),
    ]  # fmt: skip
    assert composition_gaps("central", [("chair", "Bộ Nông nghiệp và Môi trường")])[0] == Message(
        "council.missing_agency", {"agency": "Bộ Công Thương", "article": "7.4.b"}
    )
    client.force_login(personas["province_p"])
    page = client.get(f"/councils/{council_world.council.pk}/").content.decode()
    assert "data-composition-gaps" in page
    assert "Hội đồng chưa có thành viên đại diện Sở Công Thương (Điều 7.3.b)" in page


def test_attendance_can_be_changed_after_the_session_of_20_may_2027_opened(
    council_world, client, personas
):
    """Art. 7.3.d (the council meets under its rules; the minutes count who was present): after the
    session of 20 May 2027 opened, its manager records that only the chair and the secretary sit;
    a plain member cannot (404, unchanged); after the close it is refused."""
    from ocop.core.models import AuditEntry
    from ocop.evaluation.services.sessions import session_attendance_set

    w = council_world
    chair, member, secretary = w.members
    url = f"/sessions/{w.session.pk}/attendance/"
    client.force_login(member.user)
    assert client.post(url, {"present": [member.pk]}).status_code == 404
    before = set(w.session.present.values_list("pk", flat=True))
    client.force_login(personas["province_p"])
    page = client.get(f"/sessions/{w.session.pk}/").content.decode()
    assert "data-attendance" in page
    assert client.post(url, {"present": [chair.pk, secretary.pk]}).status_code == 302
    assert set(w.session.present.values_list("pk", flat=True)) == {chair.pk, secretary.pk} != before
    assert AuditEntry.objects.filter(action="session_attendance_set").count() >= 1
    type(w.session).objects.filter(pk=w.session.pk).update(status="closed")
    w.session.refresh_from_db()
    with pytest.raises(ValidationError):
        session_attendance_set(actor=personas["province_p"], session=w.session, present=[chair])
    assert set(w.session.present.values_list("pk", flat=True)) == {chair.pk, secretary.pk}


def test_art_5_1_an_extra_round_cites_its_basis(personas, territory):
    """Art. 5.1 ("có thể tổ chức thêm các đợt đánh giá trong năm, nhưng phải được quy định trong
    Quyết định ban hành Quy chế hoạt động của Hội đồng cấp tỉnh … và có kế hoạch"): round 3/2027
    (proposals by 15 Aug, decision by 30 Sep 2027) without a basis is refused, nothing created;
    with its basis it opens; regular round 1 needs none."""
    from ocop.evaluation.models import Round
    from ocop.evaluation.services.rounds import round_create

    def create(number, basis="", dates=(date(2027, 8, 15), date(2027, 9, 30))):
        return round_create(actor=personas["province_p"], level="province", year=2027,
                            number=number, province=territory.province_p,
                            proposal_deadline=dates[0], decision_deadline=dates[1], basis=basis)  # fmt: skip

    with pytest.raises(ValidationError) as refused:
        create(3, basis="   ")
    assert refused.value.messages == [
        "Đợt bổ sung phải nêu căn cứ: quyết định ban hành Quy chế hoạt động của Hội đồng có quy "
        "định đợt này và kế hoạch đánh giá, phân hạng (khoản 1 Điều 5 Quyết định 26/2026/QĐ-TTg)."
    ]
    assert Round.objects.count() == 0
    extra = create(3, basis="Quyết định số 12/QĐ-UBND; Kế hoạch số 45/KH-UBND")
    assert (extra.is_extra, extra.basis) == (
        True,
        "Quyết định số 12/QĐ-UBND; Kế hoạch số 45/KH-UBND",
    )
    assert create(1, dates=(None, None)).basis == ""


def test_art_5_1_a_dossier_refused_at_the_cut_off_moves_to_the_next_round(
    personas, world, territory, client, monkeypatch
):
    """Art. 5.1 (round 1 takes dossiers "được UBND cấp xã đề nghị trước ngày 30 tháng 4"): a dossier
    submitted 20 Apr 2027 and not proposed by 30 Apr 2027 is moved by its commune on 2 May 2027 to
    round 2/2027 (proposals by 30 Oct) and proposed there; before the cut-off, or by another
    commune, nothing moves."""
    from ocop.evaluation.models import Round
    from ocop.evaluation.services.round_move import application_move_round

    p = personas
    application = fill_dossier(application_create(actor=p["producer_a"], product=world.product_a,
                                                  round=world.round, kind="first",
                                                  today=date(2027, 4, 20)), p["producer_a"])  # fmt: skip
    application_transition(actor=p["producer_a"], application=application, action="submit",
                           today=date(2027, 4, 20))  # fmt: skip
    round_2 = Round.objects.create(level="province", province=territory.province_p, year=2027,
                                   number=2, proposal_deadline=date(2027, 10, 30),
                                   decision_deadline=date(2027, 12, 30))  # fmt: skip
    with pytest.raises(ValidationError):
        application_move_round(actor=p["commune_x"], application=application,
                               today=date(2027, 4, 30))  # fmt: skip
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2027, 5, 2))
    url = f"/applications/{application.pk}/next-round/"
    client.force_login(p["commune_y"])
    assert client.post(url).status_code == 404
    application.refresh_from_db()
    assert application.round_id == world.round.pk
    client.force_login(p["commune_x"])
    assert "data-next-round" in client.get(f"/applications/{application.pk}/").content.decode()
    assert client.post(url).status_code == 302
    application.refresh_from_db()
    assert (application.round_id, application.stage) == (round_2.pk, "submitted")
    proposed = application_transition(actor=p["commune_x"], application=application,
                                      action="propose", report=MAU03, today=date(2027, 5, 2))  # fmt: skip
    assert proposed.stage == "proposed"
