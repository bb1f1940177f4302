"""The certificate PDF in the official layout (Nghị định 30/2020/NĐ-CP): rendered to PNG, its text
read back, every glyph present."""

from datetime import date

import pytest

from ocop.certificates import services
from ocop.certificates.pdf import certificate_pdf
from ocop.core.pdf_testing import missing_glyphs, pdf_fonts, pdf_pngs, pdf_text

pytestmark = pytest.mark.django_db


def _issue(product, stars: int, **signer):
    central = stars == 5
    return services.certificate_issue(
        actor=None, product=product, stars=stars, rules="26-2026",
        authority_name="Bộ Nông nghiệp và Môi trường" if central else "UBND thành phố Hà Nội",
        authority_level="central" if central else "province",
        decision_number="09/QĐ-UBND", decision_date=date(2026, 9, 5), issue_date=date(2026, 9, 5),
        **signer,
    )  # fmt: skip


def _checked(pdf: bytes, tmp_path) -> str:
    assert len(pdf_pngs(pdf, tmp_path, "certificate")) == 1
    assert missing_glyphs(pdf) == 0
    assert all(embedded for _name, embedded in pdf_fonts(pdf))
    return " ".join(pdf_text(pdf).split())


def test_provincial_certificate_has_the_official_blocks(product_p, tmp_path):
    certificate = _issue(product_p, 4, signer_name="Nguyễn Văn Phong", signer_title="deputy")
    assert (certificate.signer_name, certificate.signer_title) == ("Nguyễn Văn Phong", "deputy")
    text = _checked(certificate_pdf(certificate), tmp_path)
    for block in (
        "ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", f"Số: {certificate.number}",
        "Hà Nội, ngày 05 tháng 9 năm 2026", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH", "Nguyễn Văn Phong", "★★★★",
    ):  # fmt: skip
        assert block in text, block


def test_ministry_certificate_is_signed_for_the_minister(product_p, tmp_path):
    certificate = _issue(product_p, 5, signer_name="Trần Thanh Nam", signer_title="deputy")
    text = _checked(certificate_pdf(certificate), tmp_path)
    for block in ("BỘ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG",
                  "Trần Thanh Nam", "Hà Nội, ngày 05 tháng 9 năm 2026"):  # fmt: skip
        assert block in text, block
    assert "ỦY BAN NHÂN DÂN" not in text
