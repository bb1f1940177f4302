"""The forms of Phụ lục III (Decision 26/2026/QĐ-TTg) as PDFs: the text pypdf reads back holds
each block of Mẫu 01, 02 and 03, and "Tải toàn bộ hồ sơ (ZIP)" carries the three of them."""

import io
import zipfile
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from ocop.evaluation.models import Application
from ocop.evaluation.pdf import form01_pdf, form02_pdf
from ocop.evaluation.pdf_phuluc3 import form03_pdf
from ocop.evaluation.services.applications import application_save_forms
from ocop.evaluation.services.form03 import application_save_form03
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import new_dossier

pytestmark = pytest.mark.django_db
REPORT = {
    "raw_materials": "Rau trồng tại 3 thôn của xã.", "local_labour": "12 lao động địa phương.",
    "idea_origin": "Sản phẩm truyền thống.", "local_identity": "Giống cải bản địa Phú Xuyên.",
    "proposal_letter": "Tờ trình số 15/TTr-UBND ngày 10/01/2027", "signer_title": "chair",
    "signer_name": "Nguyễn Văn Bình",
}  # fmt: skip


def text_of(pdf: bytes) -> str:
    """The PDF's text as pypdf extracts it, whitespace collapsed."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def accepted(personas, world):
    """A first dossier with Mẫu 02's new parts, proposed by commune X on 4 Jan 2027 with its saved
    Mẫu 03, accepted by province P on 8 Jan 2027."""
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    producer = world.producer_a
    producer.representative_gender, producer.representative_ethnic_group = "male", "Mường"
    producer.save()
    descriptions = {"1.1": "Hợp đồng liên kết 40 hộ trồng rau."}
    application_save_forms(
        actor=personas["producer_a"], application=application,
        form02={"representative_gender": "male", "representative_address": "Thôn Phú Mỹ",
                "business_registration_number": "01G8000123", "has_ip_registration": True,
                "ip_trademark": True, "descriptions": descriptions},
    )  # fmt: skip
    day = date(2027, 1, 4)
    application_transition(actor=personas["producer_a"], application=application, action="submit",
                           today=day)  # fmt: skip
    application_save_form03(actor=personas["commune_x"], application=application, report=REPORT)
    application_transition(actor=personas["commune_x"], application=application, action="propose",
                           today=day)  # fmt: skip
    application_transition(actor=personas["province_p"], application=application, action="accept",
                           today=date(2027, 1, 8))  # fmt: skip
    return Application.objects.get(pk=application.pk)


def test_mau03_pdf_holds_part_i_the_assessments_the_proposal_and_the_signature(accepted):
    """Phụ lục III, Mẫu 03: letterhead, Part I, the four assessments of Part II, the closing
    sentence and "T.M ỦY BAN NHÂN DÂN XÃ" with its hint."""
    text = text_of(form03_pdf(accepted))
    for block in (
        "ỦY BAN NHÂN DÂN XÃ PHÚ XUYÊN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Phú Xuyên, ngày 04 tháng 01 năm 2027",
        "BÁO CÁO",
        "Đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP",
        "I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM",
        "1. Tên chủ thể: HTX Phú Xuyên",
        "2. Loại hình tổ chức: Hợp tác xã",
        "Họ tên: Đại diện HTX Phú Xuyên",
        "Giới tính: Nam; Dân tộc: Mường",
        "Địa chỉ thường trú: Thôn Phú Mỹ",
        "5. Sản phẩm đăng ký đánh giá: Rau cải Phú Xuyên",
        "II. ĐÁNH GIÁ MỘT SỐ NỘI DUNG CỦA HỒ SƠ SẢN PHẨM",
        "1. Về sử dụng nguyên liệu địa phương: Rau trồng tại 3 thôn của xã.",
        "4. Bản sắc/trí tuệ địa phương: Giống cải bản địa Phú Xuyên.",
        "Ủy ban nhân dân xã Phú Xuyên đề nghị Ủy ban nhân dân thành phố Hà Nội đánh giá, phân "
        "hạng sản phẩm OCOP cho sản phẩm Rau cải Phú Xuyên của HTX Phú Xuyên.",
        "T.M ỦY BAN NHÂN DÂN XÃ PHÚ XUYÊN CHỦ TỊCH (Ký tên và đóng dấu)",
        "Nguyễn Văn Bình",
    ):
        assert block in text, block


def test_mau01_pdf_holds_the_classification_and_both_receipt_blocks(accepted):
    """Phụ lục III, Mẫu 01: point 3 from Phụ lục I; the commune's block and the provincial OCOP
    agency's block, each with its number, day, receiver and agency."""
    text = text_of(form01_pdf(accepted))
    for block in (
        "Ngành: I. Sản phẩm thực phẩm; Nhóm: I.1. Thực phẩm tươi sống; Phân nhóm: I.1.a. Rau, củ, "
        "quả, hạt tươi",
        "PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ",
        "DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ Phiếu số: 001/PĐK-01-10273-2027 Ngày nhận: 04/01/2027 "
        "Người tiếp nhận: commune_x",
        "UBND xã Phú Xuyên",
        "DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH Phiếu số: 001/PĐK-01-10273-2027 Ngày nhận: "
        "08/01/2027",
        "Sở Nông nghiệp và Môi trường thành phố Hà Nội",
    ):
        assert block in text, block


def test_mau02_pdf_holds_registration_number_tick_d_gender_and_descriptions(accepted):
    """Phụ lục III, Mẫu 02: "Số giấy đăng ký (nếu có)", the parent tick d) with its title ticked,
    gender as chosen, the "Mô tả, chứng minh" column of Part III."""
    text = text_of(form02_pdf(accepted))
    for block in (
        "Số giấy đăng ký (nếu có): 01G8000123",
        "Giới tính: Nam; Dân tộc:",
        "d) Đã có đăng ký sở hữu trí tuệ: ☑",
        "+ Giấy chứng nhận đăng ký nhãn hiệu: ☑",
        "+ Bằng sáng chế: ☐",
        "Mô tả, chứng minh",
        "Hợp đồng liên kết 40 hộ trồng rau.",
    ):
        assert block in text, block
    assert "Những thay đổi so với sản phẩm OCOP đã được công nhận" not in text  # a first dossier


def test_mau02_pdf_of_a_reevaluation_has_the_three_year_update(accepted):
    """Art. 6.1.c: the re-evaluation's update is printed under Part III."""
    Application.objects.filter(pk=accepted.pk).update(kind="reevaluation")
    accepted.refresh_from_db()
    text = text_of(form02_pdf(accepted))
    assert "Cập nhật những nội dung mới và kết quả đạt được sau 3 năm được công nhận OCOP" in text
    assert "Bao bì, nhãn mác: Nhãn song ngữ từ năm 2028." in text


def test_old_dossier_without_the_new_data_still_renders(client, personas, world):
    """A dossier saved before these forms (typed gender, typed product group, no receipts, Mẫu 03
    of four topics and a letter) renders all three PDFs."""
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    form02 = {**application.form02, "representative_gender": "Nữ", "ip_trademark": True}
    old_report = {k: REPORT[k] for k in ("raw_materials", "local_labour", "idea_origin",
                                         "local_identity", "proposal_letter")}  # fmt: skip
    Application.objects.filter(pk=application.pk).update(
        form02=form02, commune_report={**old_report, "date": "2026-09-05"},
        registration_number="007/PĐK-01-10273-2026", filed_on=date(2026, 9, 1), set_number=99,
        form01={**application.form01, "product_group": "Rau ăn lá"},
    )  # fmt: skip
    application.refresh_from_db()
    assert "Rau ăn lá" in text_of(form01_pdf(application))
    assert "Phiếu số: 007/PĐK-01-10273-2026 Ngày nhận: 01/09/2026" in text_of(
        form01_pdf(application)
    )
    two = text_of(form02_pdf(application))
    assert "Giới tính: Nữ" in two
    assert "d) Đã có đăng ký sở hữu trí tuệ: ☑" in two  # derived from the ticked title
    three = text_of(form03_pdf(application))
    assert "T.M ỦY BAN NHÂN DÂN XÃ PHÚ XUYÊN CHỦ TỊCH" in three
    client.force_login(personas["producer_a"])
    for name in ("application_detail", "application_form03", "application_form02"):
        assert client.get(reverse(f"evaluation:{name}", args=[application.pk])).status_code == 200
    page = client.get(reverse("evaluation:application_form02", args=[application.pk]))
    assert page.context["form"].initial["representative_gender"] == "female"  # typed "Nữ" before


def test_zip_holds_the_three_forms_and_the_evidence(client, personas, accepted):
    """ "Tải toàn bộ hồ sơ (ZIP)": Mẫu 01, 02 and 03 as PDFs, then the evidence by criterion."""
    client.force_login(personas["province_p"])
    response = client.get(reverse("evaluation:application_zip", args=[accepted.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert names == ["mau-01-phieu-dang-ky.pdf", "mau-02-bao-cao-tu-danh-gia.pdf",
                     "mau-03-bao-cao-cua-xa.pdf", "1.1/001-minh-chung.pdf"]  # fmt: skip
    assert "T.M ỦY BAN NHÂN DÂN XÃ PHÚ XUYÊN" in text_of(archive.read("mau-03-bao-cao-cua-xa.pdf"))


def test_zip_of_a_draft_has_no_mau03(client, personas, world):
    draft = new_dossier(personas["producer_a"], world.product_a, world.round)
    client.force_login(personas["producer_a"])
    response = client.get(reverse("evaluation:application_zip", args=[draft.pk]))
    names = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist()
    assert names == ["mau-01-phieu-dang-ky.pdf", "mau-02-bao-cao-tu-danh-gia.pdf",
                     "1.1/001-minh-chung.pdf"]  # fmt: skip
