"""Printable QR labels: the QR code (segno) with the OCOP stars and a few lines under it, as SVG
text, and as PNG drawn from that SVG by typst (with the fonts the certificates use). Pure, no
Django: the caller gives the words already translated.
"""

import io
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import segno
import typst

TEMPLATE = Path(__file__).resolve().parent / "typst" / "label.typ"
SCALE = 8  # pixels per QR module
MIN_WIDTH = 360
FONT = "DejaVu Sans"
GOLD = "#a87f00"
WRAP = 32  # characters per line of the product name
PNG_PPI = 144


@dataclass(frozen=True)
class Label:
    target: str  # what the QR code encodes
    stars: int
    title: str  # the product name
    lines: Sequence[str] = ()  # certificate number, GTIN, status…

    @property
    def stars_line(self) -> str:
        return f"{'★' * self.stars} OCOP".lstrip()


def _text_rows(label: Label) -> list[tuple[str, int, str]]:
    """(text, font size, colour) of each row under the code."""
    rows = [(label.stars_line, 26, GOLD)]
    rows += [(part, 17, "#000") for part in textwrap.wrap(label.title, WRAP)[:3]]
    rows += [(line, 14, "#333") for line in label.lines]
    return rows


def label_svg(label: Label) -> str:
    qr = segno.make(label.target, error="m")
    code = io.BytesIO()
    qr.save(code, kind="svg", scale=SCALE, border=2, xmldecl=False, svgns=True)
    qr_width, qr_height = qr.symbol_size(scale=SCALE, border=2)
    width = max(qr_width, MIN_WIDTH)
    texts, y = [], qr_height + 6
    for content, size, colour in _text_rows(label):
        y += round(size * 1.35)
        texts.append(
            f'<text x="{width / 2:g}" y="{y}" text-anchor="middle" font-family={quoteattr(FONT)} '
            f'font-size="{size}" fill="{colour}">{escape(content)}</text>'
        )
    height = y + 14
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img">',
            f"<title>{escape(label.stars_line + ' – ' + label.title)}</title>",
            f'<rect width="{width}" height="{height}" fill="#fff"/>',
            f'<g transform="translate({(width - qr_width) / 2:g},0)">{code.getvalue().decode()}</g>',
            *texts,
            "</svg>",
            "",
        ]
    )


def label_png(label: Label) -> bytes:
    result = typst.compile(
        str(TEMPLATE), format="png", ppi=PNG_PPI, sys_inputs={"svg": label_svg(label)}
    )
    assert isinstance(result, bytes)
    return result
