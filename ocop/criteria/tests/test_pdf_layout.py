"""The blank score sheet PDF: rendered to PNG, its option boxes and signature block read back."""

from ocop.core.pdf_testing import missing_glyphs, pdf_fonts, pdf_pngs, pdf_text
from ocop.criteria.pdf import blank_sheet_pdf
from ocop.criteria.rules import load_rule_set


def test_blank_sheet_prints_every_option_with_a_box(tmp_path):
    rule_set = load_rule_set("26-2026")
    sheet = rule_set.sheets[1]
    pdf = blank_sheet_pdf(rule_set, sheet)
    texts = [page for page in pdf_text(pdf).split("\f") if page.strip()]
    assert len(pdf_pngs(pdf, tmp_path, "phieu")) == len(texts) > 1
    assert missing_glyphs(pdf) == 0
    assert all(embedded for _name, embedded in pdf_fonts(pdf))
    text = " ".join(" ".join(texts).split())
    options = sum(len(c.options) for c in sheet.criteria)
    assert text.count("☐") == options
    for block in ("PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP", "..., ngày ... tháng ... năm ...",
                  "Người đánh giá", "(Ký và ghi rõ họ tên)"):  # fmt: skip
        assert block in text, block
