"""What tests check in a rendered PDF, with poppler-utils (pdftoppm, pdftotext, pdffonts) and a
small reader of the PDF's own content streams. Test support only; no Django.

A glyph a font lacks prints as that font's .notdef box. Typst keeps .notdef as glyph 0 of every
(Identity-H, two bytes per glyph) font it embeds, so "a missing glyph" is "glyph 0 shown by a text
operator": `missing_glyphs` counts them. The extracted text is no proof, since the PDF maps the
box back to the character it stands for."""

import re
import subprocess
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path

STREAM = re.compile(rb"obj\s*<<(.*?)>>\s*stream\r?\n(.*?)\r?\nendstream", re.S)
NOT_CONTENT = (b"/Length1", b"/Length2", b"/Length3", b"/Subtype/Image", b"/Subtype /Image",
               b"/CIDFontType0C", b"/Type1C", b"/OpenType")  # fmt: skip
TEXT_OBJECT = re.compile(rb"\bBT\b(.*?)\bET\b", re.S)
ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def pdf_text(pdf: bytes) -> str:
    """The text as pdftotext reads it (reading order: a table cell's lines stay together), pages
    separated by form feeds."""
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf,
                         capture_output=True, check=True)  # fmt: skip
    return run.stdout.decode()


def pdf_pngs(pdf: bytes, folder: Path, name: str, dpi: int = 40) -> list[Path]:
    """Every page as a PNG (pdftoppm), kept in `folder` so a person can look at them."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(suffix=".pdf") as source:
        source.write(pdf)
        source.flush()
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", source.name, str(folder / name)],
                       capture_output=True, check=True)  # fmt: skip
    return sorted(folder.glob(f"{name}-*.png"))


def pdf_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(font name without the subset tag, embedded?) for every font of the document."""
    run = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True)
    fonts = []
    for line in run.stdout.decode().splitlines()[2:]:
        columns = line.split()
        fonts.append((columns[0].split("+")[-1], columns[-5] == "yes"))
    return fonts


def missing_glyphs(pdf: bytes) -> int:
    """How many glyphs the text operators of the PDF draw as .notdef (glyph 0)."""
    count = 0
    for content in _content_streams(pdf):
        for text in TEXT_OBJECT.findall(content):
            for string in _strings(text):
                count += sum(
                    1 for i in range(0, len(string) - 1, 2) if string[i : i + 2] == b"\0\0"
                )
    return count


def _content_streams(pdf: bytes) -> Iterator[bytes]:
    for match in STREAM.finditer(pdf):
        head, body = match.groups()
        if any(marker in head for marker in NOT_CONTENT):
            continue
        try:
            yield zlib.decompress(body) if b"FlateDecode" in head else body
        except zlib.error:
            continue


def _strings(text: bytes) -> Iterator[bytes]:
    """The literal (…) and hex <…> strings of a text object, decoded to their bytes."""
    i = 0
    while i < len(text):
        char = text[i : i + 1]
        if char == b"(":
            string, i = _literal(text, i + 1)
            yield string
        elif text[i : i + 2] in (b"<<", b">>"):
            i += 2
        elif char == b"<":
            end = text.index(b">", i)
            digits = re.sub(rb"\s", b"", text[i + 1 : end])
            yield bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
            i = end + 1
        else:
            i += 1


def _literal(text: bytes, i: int) -> tuple[bytes, int]:
    out, depth = bytearray(), 1
    while i < len(text):
        char = text[i : i + 1]
        if char == b"\\":
            octal = re.match(rb"[0-7]{1,3}", text[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(), 8) & 0xFF)
                i += 1 + len(octal.group())
                continue
            following = text[i + 1 : i + 2]
            out += ESCAPES.get(following, following)
            i += 2
            continue
        depth += {b"(": 1, b")": -1}.get(char, 0)
        if depth == 0:
            return bytes(out), i + 1
        out += char
        i += 1
    return bytes(out), i
