"""Phụ lục III of Decision 26/2026/QĐ-TTg (Mẫu 01, 02, 03) and Art. 6.1 / 6.2 (what the dossier
and the commune's proposal hold): the forms' fields, their refusals that change nothing, the
receipt blocks, and the commune's Mẫu 03 as a document."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ocop.core.models import AuditEntry
from ocop.evaluation.mau03 import document
from ocop.evaluation.models import Application, Receipt
from ocop.evaluation.phuluc3 import classification, proposal_sentence, signature_heading
from ocop.evaluation.services.applications import application_create, application_save_forms
from ocop.evaluation.services.form03 import application_save_form03
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import new_dossier

pytestmark = pytest.mark.django_db
TODAY = date(2027, 1, 4)
REPORT = {
    "raw_materials": "Rau trồng tại 3 thôn của xã.", "local_labour": "12 lao động địa phương.",
    "idea_origin": "Sản phẩm truyền thống.", "local_identity": "Giống cải bản địa Phú Xuyên.",
    "proposal_letter": "Tờ trình số 15/TTr-UBND ngày 10/01/2027", "signer_title": "vice_chair",
    "signer_name": "Nguyễn Văn Bình",
}  # fmt: skip


def act(user, application, action, today=TODAY, **kwargs):
    return application_transition(
        actor=user, application=application, action=action, today=today, **kwargs
    )


@pytest.fixture
def submitted(personas, world):
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    producer = world.producer_a
    producer.representative_gender, producer.representative_ethnic_group = "female", "Kinh"
    producer.street_address = "Thôn Phú Mỹ"
    producer.save()
    application_save_forms(actor=personas["producer_a"], application=application,
                           form02={"representative_address": "Thôn Phú Mỹ, xã Phú Xuyên"})  # fmt: skip
    act(personas["producer_a"], application, "submit")
    return application


# Phụ lục I and Mẫu 01 point 3 ------------------------------------------------------------------


def test_mau01_point_3_names_sector_group_and_subgroup_from_phu_luc_i():
    """Mẫu 01, 3. "Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm)" per Phụ lục I: set 1."""
    found = classification("26-2026", 1)
    assert found is not None
    assert (found.sector, found.group, found.subgroup) == (
        "I. Sản phẩm thực phẩm", "I.1. Thực phẩm tươi sống", "I.1.a. Rau, củ, quả, hạt tươi",
    )  # fmt: skip
    assert classification("26-2026", 999) is None
    assert classification("no-such-rules", 1) is None


# Mẫu 03 wording ------------------------------------------------------------------------------


def test_mau03_closing_sentence_and_signature_follow_phu_luc_iii():
    """Mẫu 03: "Ủy ban nhân dân xã.... đề nghị Ủy ban nhân dân tỉnh.... đánh giá, phân hạng sản
    phẩm OCOP cho sản phẩm.... của ……." and "T.M ỦY BAN NHÂN DÂN XÃ...."."""
    assert proposal_sentence("Xã Phú Xuyên", "Thành phố Hà Nội", "Rau cải", "HTX Phú Xuyên") == (
        "Ủy ban nhân dân xã Phú Xuyên đề nghị Ủy ban nhân dân thành phố Hà Nội đánh giá, phân "
        "hạng sản phẩm OCOP cho sản phẩm Rau cải của HTX Phú Xuyên."
    )
    assert signature_heading("Xã Phú Xuyên", "chair") == (
        "T.M ỦY BAN NHÂN DÂN XÃ PHÚ XUYÊN",
        "CHỦ TỊCH",
    )
    assert signature_heading("Phường Hà Đông", "vice_chair") == (
        "T.M ỦY BAN NHÂN DÂN PHƯỜNG HÀ ĐÔNG",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    )


def test_mau03_saved_by_the_commune_then_filed_by_the_proposal(personas, submitted):
    """Art. 6.2.b / 7.2.b: the commune writes its Mẫu 03 report, then proposes with it: the saved
    text is filed (the proposal posts nothing), with the date; Part I is read from the registry."""
    application_save_form03(actor=personas["commune_x"], application=submitted, report=REPORT)
    assert AuditEntry.objects.filter(action="application_save_form03").count() == 1
    assert "date" not in submitted.commune_report
    act(personas["commune_x"], submitted, "propose", report={})
    submitted.refresh_from_db()
    assert submitted.stage == "proposed"
    assert submitted.commune_report == {**REPORT, "date": "2027-01-04"}
    doc = document(submitted)
    assert doc["producer_name"] == "HTX Phú Xuyên"
    assert doc["legal_form"] == "Hợp tác xã"
    assert (
        doc["address"]
        == f"Thôn Phú Mỹ, {submitted.commune.name}, {submitted.commune.province.name}"
    )
    person = doc["representative"]
    assert (person.name, person.gender, person.ethnic_group, person.permanent_address) == (
        "Đại diện HTX Phú Xuyên", "Nữ", "Kinh", "Thôn Phú Mỹ, xã Phú Xuyên",
    )  # fmt: skip
    assert doc["signature"] == ("T.M ỦY BAN NHÂN DÂN XÃ PHÚ XUYÊN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert doc["topics"][3] == ("4. Bản sắc/trí tuệ địa phương", "Giống cải bản địa Phú Xuyên.")


def test_mau03_posted_with_the_proposal_still_works_as_before(personas, submitted):
    """The proposal form of the dossier page (four topics and the letter) files Mẫu 03 alone."""
    posted = {k: REPORT[k] for k in ("raw_materials", "local_labour", "idea_origin",
                                     "local_identity", "proposal_letter")}  # fmt: skip
    act(personas["commune_x"], submitted, "propose", report=posted)
    submitted.refresh_from_db()
    assert submitted.commune_report == {**posted, "date": "2027-01-04"}
    assert document(submitted)["signature"] == ("T.M ỦY BAN NHÂN DÂN XÃ PHÚ XUYÊN", "CHỦ TỊCH")


def test_mau03_refused_outside_the_communes_step_changes_nothing(personas, submitted):
    """Only the commune that may propose the dossier writes its Mẫu 03: another commune, the
    producer, and the same commune once proposed are refused and nothing is saved."""
    for user in (personas["commune_y"], personas["producer_a"], personas["province_p"]):
        with pytest.raises(PermissionDenied):
            application_save_form03(actor=user, application=submitted, report=REPORT)
    act(personas["commune_x"], submitted, "propose", report=REPORT)
    filed = dict(Application.objects.get(pk=submitted.pk).commune_report)
    audits = AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):
        application_save_form03(actor=personas["commune_x"], application=submitted,
                                report={**REPORT, "raw_materials": "Sửa sau khi đề nghị"})  # fmt: skip
    assert Application.objects.get(pk=submitted.pk).commune_report == filed
    assert AuditEntry.objects.count() == audits


def test_mau03_page_refuses_a_blank_topic_with_a_message_and_saves_nothing(
    client, personas, submitted
):
    """Mẫu 03's four assessments are required: a blank one is shown with its message."""
    client.force_login(personas["commune_x"])
    url = reverse("evaluation:application_form03", args=[submitted.pk])
    response = client.post(url, {**REPORT, "local_identity": "   "})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["local_identity"]
    assert Application.objects.get(pk=submitted.pk).commune_report == {}
    response = client.post(url, REPORT)
    assert response.status_code == 302
    assert Application.objects.get(pk=submitted.pk).commune_report == REPORT


def test_mau03_page_is_read_only_for_the_producer(client, personas, submitted):
    client.force_login(personas["producer_a"])
    url = reverse("evaluation:application_form03", args=[submitted.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"] is None
    assert "T.M ỦY BAN NHÂN DÂN XÃ PHÚ XUYÊN" in page.content.decode()
    assert client.post(url, REPORT).status_code == 403
    assert Application.objects.get(pk=submitted.pk).commune_report == {}


# Mẫu 01 receipt blocks ------------------------------------------------------------------------


def test_mau01_receipts_of_the_commune_and_of_the_provincial_agency(personas, submitted, world):
    """Mẫu 01, "Phần dành cho cơ quan quản lý": the commune's block (its number and day, the
    officer, the agency) when it proposes; the provincial OCOP agency's own number and day when it
    accepts; a second dossier of the province gets the next provincial number."""
    act(personas["commune_x"], submitted, "propose", report=REPORT)
    act(personas["province_p"], submitted, "accept", today=date(2027, 1, 8))
    commune, province = (Receipt.objects.get(application=submitted, level=level)
                         for level in ("commune", "province"))  # fmt: skip
    assert (commune.number, commune.received_on, commune.receiver, commune.agency) == (
        "001/PĐK-01-10273-2027", date(2027, 1, 4), personas["commune_x"], "UBND xã Phú Xuyên",
    )  # fmt: skip
    assert (province.number, province.received_on, province.receiver) == (
        "001/PĐK-01-10273-2027", date(2027, 1, 8), personas["province_p"],
    )  # fmt: skip
    assert province.agency == "Sở Nông nghiệp và Môi trường thành phố Hà Nội"
    other = new_dossier(personas["producer_b"], world.product_b, world.round)
    act(personas["producer_b"], other, "submit")
    act(personas["commune_y"], other, "propose", report=REPORT)
    act(personas["province_p"], other, "accept", today=date(2027, 1, 8))
    later = Receipt.objects.get(application=other, level="province")
    assert later.number == f"002/PĐK-01-{other.commune.code}-2027"


# Mẫu 02 ---------------------------------------------------------------------------------------


def form02_post(**extra):
    return {"business_results": "Vùng nguyên liệu 5 ha.", "future_plan": "Mở rộng thị trường.",
            "representative_gender": "female", **extra}  # fmt: skip


def test_mau02_gender_is_a_choice_not_free_text(client, personas, world):
    """Mẫu 02, 5.: "Giới tính: … (Nam/nữ)": a value outside the choice is refused, nothing saved."""
    draft = application_create(actor=personas["producer_a"], product=world.product_a,
                               round=world.round, kind="first")  # fmt: skip
    client.force_login(personas["producer_a"])
    url = reverse("evaluation:application_form02", args=[draft.pk])
    response = client.post(url, form02_post(representative_gender="đàn ông"))
    assert response.status_code == 200
    assert "representative_gender" in response.context["form"].errors
    assert Application.objects.get(pk=draft.pk).form02 == {}
    assert (
        client.post(url, form02_post(business_registration_number="0100109106")).status_code == 302
    )
    saved = Application.objects.get(pk=draft.pk).form02
    assert (saved["representative_gender"], saved["business_registration_number"]) == (
        "female", "0100109106",
    )  # fmt: skip


def test_mau02_parent_tick_d_goes_with_its_titles(client, personas, world):
    """Mẫu 02, 7.d) "Đã có đăng ký sở hữu trí tuệ: □" with its titles under it (+ …): a title
    without the parent, or the parent without a title, is refused with a message."""
    draft = application_create(actor=personas["producer_a"], product=world.product_a,
                               round=world.round, kind="first")  # fmt: skip
    client.force_login(personas["producer_a"])
    url = reverse("evaluation:application_form02", args=[draft.pk])
    for data in (form02_post(ip_trademark="on"), form02_post(has_ip_registration="on")):
        response = client.post(url, data)
        assert response.status_code == 200
        assert response.context["form"].errors["has_ip_registration"]
    assert Application.objects.get(pk=draft.pk).form02 == {}
    client.post(url, form02_post(has_ip_registration="on", ip_trademark="on"))
    saved = Application.objects.get(pk=draft.pk).form02
    assert (saved["has_ip_registration"], saved["ip_trademark"], saved["ip_patent"]) == (
        True, True, False,
    )  # fmt: skip


def test_upgrade_needs_its_changes_article_6_1_b(client, personas, world):
    """Art. 6.1.b: an upgrade's Mẫu 02 "phải thể hiện rõ nội dung và tài liệu minh chứng về những
    thay đổi so với sản phẩm OCOP đã được công nhận": the page requires it, and so does filing."""
    first = new_dossier(personas["producer_a"], world.product_a, world.round)
    Application.objects.filter(pk=first.pk).update(stage="decided")
    world.product_a.current_stars = 3
    world.product_a.save()
    upgrade = application_create(actor=personas["producer_a"], product=world.product_a,
                                 round=world.round, kind="upgrade")  # fmt: skip
    client.force_login(personas["producer_a"])
    url = reverse("evaluation:application_form02", args=[upgrade.pk])
    response = client.post(url, form02_post())
    assert response.context["form"].errors["upgrade_changes"]
    assert Application.objects.get(pk=upgrade.pk).form02 == upgrade.form02
    form02 = {**upgrade.form02, "upgrade_changes": ""}
    Application.objects.filter(pk=upgrade.pk).update(form02=form02)
    upgrade.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        act(personas["producer_a"], upgrade, "submit")
    assert any("điểm b khoản 1 Điều 6" in m for m in refused.value.messages)
    assert Application.objects.get(pk=upgrade.pk).stage == "draft"
    client.post(url, form02_post(upgrade_changes="Bao bì mới, nhãn song ngữ."))
    upgrade.refresh_from_db()
    act(personas["producer_a"], upgrade, "submit")
    assert upgrade.stage == "submitted"


def test_reevaluation_needs_the_three_year_update_article_6_1_c(client, personas, world):
    """Art. 6.1.c: a re-evaluation updates "nguyên liệu, công nghệ sử dụng, bao bì, nhãn mác, công
    bố chất lượng, các phiếu kiểm nghiệm định kỳ, thị trường tiêu thụ, sản lượng, doanh thu và bổ
    sung minh chứng các giấy tờ pháp lý có thời hạn": five parts, each required."""
    draft = application_create(actor=personas["producer_a"], product=world.product_a,
                               round=world.round, kind="first")  # fmt: skip
    Application.objects.filter(pk=draft.pk).update(kind="reevaluation")
    client.force_login(personas["producer_a"])
    url = reverse("evaluation:application_form02", args=[draft.pk])
    response = client.post(url, form02_post(update_market="Doanh thu tăng 30 %."))
    errors = response.context["form"].errors
    assert sorted(errors) == ["update_legal_papers", "update_materials_technology",
                              "update_packaging_label", "update_quality"]  # fmt: skip
    assert Application.objects.get(pk=draft.pk).form02 == {}


def test_mau02_part_iii_description_per_criterion(client, personas, world):
    """Mẫu 02, Phần III: "Mô tả, chứng minh về kết quả tương ứng", in the order of the criteria;
    kept with the self-scores, and a text over the limit saves nothing."""
    draft = new_dossier(personas["producer_a"], world.product_a, world.round)
    scores = {f"score_{code}": str(points) for code, points in draft.self_scores.items()}
    client.force_login(personas["producer_a"])
    url = reverse("evaluation:application_selfscore", args=[draft.pk])
    too_long = client.post(url, {**scores, "describe_1.1": "x" * 4001})
    assert too_long.status_code == 200
    assert "descriptions" not in Application.objects.get(pk=draft.pk).form02
    client.post(url, {**scores, "describe_1.1": "Hợp đồng liên kết 40 hộ.", "describe_zz": "x"})
    saved = Application.objects.get(pk=draft.pk).form02["descriptions"]
    assert saved == {"1.1": "Hợp đồng liên kết 40 hộ."}


def test_detail_page_lists_the_mau01_receipts(client, personas, submitted):
    """The dossier page names each receipt of Mẫu 01 with its number and day."""
    act(personas["commune_x"], submitted, "propose", report=REPORT)
    client.force_login(personas["producer_a"])
    page = client.get(reverse("evaluation:application_detail", args=[submitted.pk])).content
    assert "phiếu số <strong>001/PĐK-01-10273-2027</strong>, ngày nhận 04/01/2027" in page.decode()


def test_proposal_may_carry_the_signer_and_ignores_an_unknown_title(personas, submitted):
    """Mẫu 03's signer given with the proposal is filed; a title outside the choices is dropped
    (the signature then reads "CHỦ TỊCH")."""
    act(personas["commune_x"], submitted, "propose",
        report={**REPORT, "signer_title": "thủ trưởng"})  # fmt: skip
    submitted.refresh_from_db()
    assert submitted.commune_report["signer_name"] == "Nguyễn Văn Bình"
    assert "signer_title" not in submitted.commune_report
    assert document(submitted)["signature"] == ("T.M ỦY BAN NHÂN DÂN XÃ PHÚ XUYÊN", "CHỦ TỊCH")
