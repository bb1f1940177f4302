"""The printable certificate (PDF via typst) with a QR code of its verification URL.

The data goes to typst as JSON (sys.inputs.data), never pasted into the source, so a product
called `#exit()` or `]` prints as text.
"""

import io
import json
from pathlib import Path

import segno
import typst
from django.utils.translation import gettext as _

from ocop.core.dates import format_date, format_date_long

TEMPLATE = Path(__file__).resolve().parent / "typst" / "certificate.typ"


def qr_svg(url: str) -> str:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=4, border=2, xmldecl=False)
    return out.getvalue().decode()


def certificate_data(certificate) -> dict:
    return {
        "labels": {
            "nation": _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "motto": _("Độc lập – Tự do – Hạnh phúc"),
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
        "authority": certificate.authority_name,
        "number": certificate.number,
        "product": certificate.product_name,
        "producer": certificate.producer_name,
        "address": certificate.producer_address,
        "stars": certificate.stars,
        "rules": certificate.get_rules_display(),
        "decision_number": certificate.decision_number,
        "decision_date": format_date(certificate.decision_date),
        "issue_date_long": format_date_long(certificate.issue_date),
        "valid_until": format_date(certificate.valid_until),
        "verification_url": certificate.verification_url,
        "qr_svg": qr_svg(certificate.verification_url),
    }


def certificate_pdf(certificate) -> bytes:
    payload = json.dumps(certificate_data(certificate), ensure_ascii=False)
    result = typst.compile(str(TEMPLATE), format="pdf", sys_inputs={"data": payload})
    assert isinstance(result, bytes)
    return result
