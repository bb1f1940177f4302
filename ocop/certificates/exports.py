"""Rows for the CSV export and the CLI. Pure over model instances; no writes."""

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

EXPORT_KEYS = [
    "number",
    "product",
    "producer",
    "stars",
    "status",
    "valid_until",
    "verification_url",
]


def certificate_record(certificate) -> dict:
    """One certificate as the CLI's JSON object (exactly EXPORT_KEYS)."""
    return {
        "number": certificate.number,
        "product": certificate.product_name,
        "producer": certificate.producer_name,
        "stars": certificate.stars,
        "status": certificate.status,
        "valid_until": certificate.valid_until.isoformat(),
        "verification_url": certificate.verification_url,
    }


EXPORT_WIDTHS = [24, 32, 32, 8, 24, 14, 60]


def export_header() -> list[str]:
    return [
        _("Số giấy chứng nhận"),
        _("Sản phẩm"),
        _("Chủ thể"),
        _("Số sao"),
        _("Tình trạng"),
        _("Hiệu lực đến"),
        _("Đường dẫn xác minh"),
    ]


def export_rows(certificates: Iterable) -> Iterator[list]:
    for certificate in certificates:
        record = certificate_record(certificate)
        record["status"] = certificate.get_status_display()
        yield [record[key] for key in EXPORT_KEYS]
