"""The printable certificate (PDF via typst) with a QR code of its verification URL.

The data goes to typst as JSON (sys.inputs.data), never pasted into the source, so a product
called `#exit()` or `]` prints as text.
"""

import io
from pathlib import Path

import segno
from django.utils.translation import gettext as _

from ocop.core.dates import format_date, place_date_line
from ocop.core.letterhead import agency_lines, document_place, signature_lines
from ocop.core.pdf import compile_pdf

from .choices import SignerTitle

TEMPLATE = Path(__file__).resolve().parent / "typst" / "certificate.typ"


def qr_svg(url: str) -> str:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=4, border=2, xmldecl=False)
    return out.getvalue().decode()


def certificate_data(certificate) -> dict:
    return {
        "labels": {
            "title": _("GIẤY CHỨNG NHẬN"),
            "subtitle": _("Sản phẩm đạt chuẩn OCOP – Chương trình Mỗi xã một sản phẩm"),
            "product": _("Tên sản phẩm"),
            "producer": _("Chủ thể"),
            "address": _("Địa chỉ"),
            "stars": _("Hạng"),
            "star_word": _("sao"),
            "decision": _("Theo Quyết định số"),
            "rules": _("Bộ tiêu chí"),
            "valid": _("Giấy chứng nhận có giá trị 36 tháng, đến hết"),
            "number": _("Số"),
            "verify": _("Quét mã để kiểm tra hiệu lực"),
        },
        "agency": agency_lines(certificate.authority_name, certificate.authority_level),
        "signature": signature_lines(
            certificate.authority_level, certificate.signer_title == SignerTitle.DEPUTY
        ),
        "signer": certificate.signer_name,
        "number": certificate.number,
        "product": certificate.product_name,
        "producer": certificate.producer_name,
        "address": certificate.producer_address,
        "stars": certificate.stars,
        "rules": certificate.get_rules_display(),
        "decision_number": certificate.decision_number,
        "decision_date": format_date(certificate.decision_date),
        "place_date": place_date_line(
            document_place(certificate.authority_name, certificate.authority_level),
            certificate.issue_date,
        ),
        "valid_until": format_date(certificate.valid_until),
        "verification_url": certificate.verification_url,
        "qr_svg": qr_svg(certificate.verification_url),
    }


def certificate_pdf(certificate) -> bytes:
    return compile_pdf(TEMPLATE, certificate_data(certificate))
