"""The receipt blocks of Mẫu 01 (Phụ lục III, "Phần dành cho cơ quan quản lý"): the commune's
when it takes the dossier in and proposes it, the provincial OCOP agency's, with its own number,
when it accepts the dossier. Called inside application_transition's transaction (which audits)."""

from datetime import date

from ..models import Application, Receipt, ReceiptCounter, ReceiptLevel
from ..periods import format_registration_number
from ..phuluc3 import unit_name

# The provincial body that runs the OCOP programme (cơ quan thường trực OCOP cấp tỉnh).
PROVINCE_AGENCY = "Sở Nông nghiệp và Môi trường"


def receipt_commune(*, application: Application, actor, today: date) -> None:
    """The commune's block: the dossier's registration number and filing day, the officer who
    proposes it as the receiver (once; a dossier proposed again keeps it)."""
    if (
        not application.registration_number
        or application.receipts.filter(level=ReceiptLevel.COMMUNE).exists()
    ):
        return
    Receipt.objects.create(
        application=application, level=ReceiptLevel.COMMUNE,
        number=application.registration_number, received_on=application.filed_on or today,
        receiver=actor, receiver_name=str(actor),
        agency=f"UBND {unit_name(application.commune.name)}",
    )  # fmt: skip


def receipt_province(*, application: Application, actor, today: date) -> None:
    """The provincial OCOP agency's block, when it accepts the dossier: its own serial NNN of
    NNN/PĐK-(mã tỉnh)-(mã xã)-(năm), counted per province and year (once per dossier)."""
    if application.receipts.filter(level=ReceiptLevel.PROVINCE).exists():
        return
    province = application.commune.province
    ReceiptCounter.objects.get_or_create(province=province, year=today.year)
    counter = ReceiptCounter.objects.select_for_update().get(province=province, year=today.year)
    counter.last += 1
    counter.save(update_fields=["last"])
    number = format_registration_number(
        counter.last, province.code, application.commune.code, today.year
    )
    Receipt.objects.create(
        application=application, level=ReceiptLevel.PROVINCE, number=number, received_on=today,
        receiver=actor, receiver_name=str(actor),
        agency=f"{PROVINCE_AGENCY} {unit_name(province.name)}",
    )  # fmt: skip
