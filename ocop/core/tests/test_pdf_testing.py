"""The PDF checks of the document tests find what they claim to find."""

import typst

from ocop.core.pdf import ROOT
from ocop.core.pdf_testing import missing_glyphs, pdf_fonts, pdf_pngs, pdf_text


def _pdf(tmp_path, source: str) -> bytes:
    path = tmp_path / "t.typ"
    path.write_text(source, encoding="utf-8")
    result = typst.compile(str(path), root=str(tmp_path))
    assert isinstance(result, bytes)
    return result


def test_a_glyph_the_font_lacks_is_counted(tmp_path):
    # Liberation Serif has no U+2610; without fallback typst draws its .notdef box.
    pdf = _pdf(tmp_path, '#set text(font: "Liberation Serif", fallback: false)\nA ☐ B ☐\n')
    assert missing_glyphs(pdf) == 2


def test_ballot_boxes_of_the_shared_blocks_have_glyphs(tmp_path):
    source = (ROOT / "core" / "typst" / "official.typ").read_text(encoding="utf-8")
    pdf = _pdf(tmp_path, source + "\n#set text(font: serif)\n#check(false) #check(true) Hội đồng\n")
    assert missing_glyphs(pdf) == 0
    assert "☐ ☑ Hội đồng" in pdf_text(pdf)
    assert ("DejaVuSans", True) in pdf_fonts(pdf)
    pngs = pdf_pngs(pdf, tmp_path / "png", "t")
    assert [p.name for p in pngs] == ["t-1.png"]
