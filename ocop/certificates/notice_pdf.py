"""The written notice as a PDF (typst, official letterhead), rendered from the stored Notice."""

from pathlib import Path

from ocop.core.dates import place_date_line
from ocop.core.letterhead import agency_lines, document_place, signature_lines
from ocop.core.pdf import compile_pdf

from .notice_models import Notice

TEMPLATE = Path(__file__).resolve().parent / "typst" / "notice.typ"


def notice_payload(notice: Notice) -> dict[str, object]:
    level = "central" if notice.authority_level == "central" else "province"
    return {
        "agency": list(agency_lines(notice.authority_name, level)),
        "number": notice.number,
        "place_date": place_date_line(
            document_place(notice.authority_name, level), notice.issued_on
        ),  # fmt: skip
        "subject": notice.subject,
        "addressee": notice.addressee,
        "paragraphs": [line for line in notice.body.splitlines() if line.strip()],
        "copies": [f"- Như trên ({notice.addressee});", "- Lưu: VT, OCOP."],
        "signature": list(signature_lines(level, notice.signer_deputy)),
        "signer": notice.signer,
    }


def notice_pdf(notice: Notice) -> bytes:
    return compile_pdf(TEMPLATE, notice_payload(notice))
