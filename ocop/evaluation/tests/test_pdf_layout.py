"""Mẫu 01, Mẫu 02, the decision and the minutes in the official layout (Nghị định 30/2020/NĐ-CP,
Phụ lục III of 26/2026): each rendered to PNG, its text read back page by page, every glyph
present."""

from datetime import date

import pytest

from ocop.core.pdf_testing import missing_glyphs, pdf_fonts, pdf_pngs, pdf_text
from ocop.evaluation.models import Application
from ocop.evaluation.pdf import form01_pdf, form02_pdf
from ocop.evaluation.pdf_council import decision_pdf, minutes_pdf
from ocop.evaluation.selfscore import sheet_for
from ocop.evaluation.services.decisions import decision_issue
from ocop.evaluation.services.sessions import session_close, session_schedule
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.testing import answers_totalling, make_product, make_ready, new_dossier

pytestmark = pytest.mark.django_db


def pages(pdf: bytes, tmp_path, name: str) -> list[str]:
    """The text of each page, whitespace collapsed, after checking the PDF renders to one PNG a
    page with every glyph present and every font embedded."""
    texts = [" ".join(page.split()) for page in pdf_text(pdf).split("\f") if page.strip()]
    assert len(pdf_pngs(pdf, tmp_path, name)) == len(texts)
    assert missing_glyphs(pdf) == 0
    assert all(embedded for _name, embedded in pdf_fonts(pdf))
    return texts


@pytest.fixture
def dossier(personas, world):
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    form02 = {**application.form02, "has_business_registration": True}
    Application.objects.filter(pk=application.pk).update(filed_on=date(2026, 9, 5), form02=form02)
    application.refresh_from_db()
    return application


def test_form01_ticks_the_kind_and_dates_the_place(dossier, tmp_path):
    texts = pages(form01_pdf(dossier), tmp_path, "mau-01")
    text = " ".join(texts)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc" in texts[0]
    # Phụ lục III: each receipt block (commune, provincial OCOP agency) whole on one page.
    for title in ("DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ", "DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH"):
        block = f"{title} Phiếu số:"
        assert [block in page and "Cơ quan tiếp nhận" in page.split(title)[-1]
                for page in texts].count(True) == 1, title  # fmt: skip
    assert "Lần đầu ☑ Nâng hạng: ☐ Đánh giá lại: ☐" in text
    assert f"{dossier.commune.name}, ngày 05 tháng 9 năm 2026" in text


def test_form02_boxes_headings_and_rows_stay_whole(dossier, tmp_path):
    texts = pages(form02_pdf(dossier), tmp_path, "mau-02")
    text = " ".join(texts)
    assert "a) Giấy đăng ký kinh doanh: ☑" in text
    assert "b) Đã công bố chất lượng sản phẩm theo quy định: ☐" in text
    assert f"{dossier.commune.name}, ngày 05 tháng 9 năm 2026" in text
    # A part's heading sits on the page of what follows it.
    for heading, after in (("Phần III", "Bộ sản phẩm:"), ("Phần IV", "Mở rộng thị trường")):
        assert [heading in page and after in page for page in texts].count(True) == 1, heading
    # No criterion row is split across pages: its whole text is on one page.
    sheet = sheet_for(dossier.rules, dossier.set_number)
    assert sheet is not None
    for criterion in sheet.criteria:
        words = " ".join(criterion.text.split())
        assert sum(words in page for page in texts) == 1, criterion.code


def _closed_session(council_world):
    w = council_world
    for item in w.session.items.order_by("id")[:3]:
        for member, total in zip(w.members, (80, 76, 73), strict=True):
            sheet_submit(actor=member.user, item=item, member=member,
                         answers=answers_totalling(item_sheet(item), total))  # fmt: skip
    session_close(actor=None, session=w.session)
    return w


def test_decision_has_the_signature_block_and_recipients(council_world, personas, world, tmp_path):
    w = _closed_session(council_world)
    decision = decision_issue(
        actor=None, level="province", province=w.council.province,
        items=list(w.session.items.order_by("id")), decided_on=date(2027, 1, 15),
        signer="Nguyễn Văn Phong", signer_title="deputy",
    )  # fmt: skip
    certificate = decision.items.first().application.product.certificates.get()
    assert (certificate.signer_name, certificate.signer_title) == ("Nguyễn Văn Phong", "deputy")
    text = " ".join(pages(decision_pdf(decision), tmp_path, "quyet-dinh"))
    for block in (
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f"Số: {decision.number}",
        "Hà Nội, ngày 15 tháng 01 năm 2027", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH", "Nguyễn Văn Phong", "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, OCOP.",
    ):  # fmt: skip
        assert block in text, block
    # The ministry signs for the minister, never "TM. ỦY BAN NHÂN DÂN".
    decision.level, decision.authority_name = "central", "Bộ Nông nghiệp và Môi trường"
    decision.signer_title = "head"
    text = " ".join(pages(decision_pdf(decision), tmp_path, "quyet-dinh-bo"))
    assert "BỘ NÔNG NGHIỆP" in text and "BỘ TRƯỞNG" in text and "Nơi nhận:" in text
    assert "ỦY BAN NHÂN DÂN" not in text and "KT. BỘ TRƯỞNG" not in text


def test_minutes_name_the_council_the_number_and_the_signers(
    council_world, personas, world, tmp_path
):
    w = council_world  # open: the minutes can be printed for the meeting itself
    more = [
        make_ready(new_dossier(personas["producer_a"], make_product(
            world.producer_a, f"Sản phẩm số {n:02d} của hợp tác xã Phú Xuyên"), world.round))
        for n in range(12)
    ]  # fmt: skip
    session_schedule(actor=None, session=w.session, applications=more)
    texts = pages(minutes_pdf(w.session), tmp_path, "bien-ban")
    text = " ".join(texts)
    chair, secretary = w.members[0].name, w.members[-1].name
    for block in (
        "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP", "Số: 01/BB-HĐ", "BIÊN BẢN",
        "Hà Nội, ngày 20 tháng 5 năm 2027", "THƯ KÝ HỘI ĐỒNG", "CHỦ TỊCH HỘI ĐỒNG",
    ):  # fmt: skip
        assert block in text, block
    assert text.index("CHỦ TỊCH HỘI ĐỒNG") < text.rindex(chair)
    assert text.index("THƯ KÝ HỘI ĐỒNG") < text.rindex(secretary)
    # The table runs over two pages and repeats its header.
    assert len(texts) >= 2
    assert all("Sản phẩm Chủ thể TV1" in page or "TT Sản phẩm" in page for page in texts[:2])
