"""Allocations and disbursements: integer đồng, balances, dates, scope, audit, concurrency."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ocop.core.models import AuditEntry
from ocop.core.testing import run_at_once
from ocop.evaluation.testing import pdf_upload
from ocop.programme import services
from ocop.programme.models import Allocation, Disbursement
from ocop.programme.units import resolve_unit

pytestmark = pytest.mark.django_db


def allocate(actor, code="10273", amount=100_000_000, year=2027) -> Allocation:
    return services.allocation_create(
        actor=actor, unit=resolve_unit(code), year=year, source="commune", content="training",
        amount=amount,
    )  # fmt: skip


def pay(actor, allocation, amount, day=date(2027, 3, 1), **extra) -> Disbursement:
    return services.disbursement_create(
        actor=actor, allocation=allocation, paid_on=day, amount=amount, description="Tập huấn",
        **extra,
    )  # fmt: skip


def test_allocation_and_disbursement_are_audited(personas):
    allocation = allocate(personas["commune_x"])
    payment = pay(personas["commune_x"], allocation, 40_000_000)
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", "object_id"))
    assert actions == [
        ("allocation_create", str(allocation.pk)), ("disbursement_create", str(payment.pk))
    ]  # fmt: skip
    assert (allocation.commune.code, allocation.historic_unit) == ("10273", None)


def test_overspending_is_refused_without_a_reason_and_allowed_with_one(personas):
    officer = personas["commune_x"]
    allocation = allocate(officer, amount=100_000_000)
    pay(officer, allocation, 60_000_000)
    with pytest.raises(ValidationError, match="vượt số dư 40.000.000 đồng"):
        pay(officer, allocation, 40_000_001)
    assert Disbursement.objects.count() == 1
    pay(officer, allocation, 50_000_000, overspend_reason="UBND xã cho phép tại CV 12/UBND")
    assert services.disbursed_total(allocation) == 110_000_000


@pytest.mark.parametrize(
    "amount, message",
    [(0, "lớn hơn 0"), (-5, "lớn hơn 0"), (10**13 + 1, "quá lớn"), (1.5, "số nguyên")],
)
def test_bad_amounts_write_nothing(personas, amount, message):
    allocation = allocate(personas["commune_x"])
    with pytest.raises(ValidationError, match=message):
        pay(personas["commune_x"], allocation, amount)
    with pytest.raises(ValidationError, match=message):
        allocate(personas["commune_x"], amount=amount)
    assert (Disbursement.objects.count(), Allocation.objects.count()) == (0, 1)


def test_a_payment_outside_the_allocation_year_is_refused(personas):
    allocation = allocate(personas["commune_x"], year=2027)
    with pytest.raises(ValidationError, match="không thuộc năm 2027"):
        pay(personas["commune_x"], allocation, 1_000, day=date(2028, 1, 1))
    assert Disbursement.objects.count() == 0


def test_officers_keep_only_their_territorys_budget(personas, territory):
    with pytest.raises(PermissionDenied):
        allocate(personas["commune_y"], code="10273")
    with pytest.raises(PermissionDenied):
        allocate(personas["province_q"], code="10273")
    with pytest.raises(PermissionDenied):
        allocate(personas["producer_a"], code="10273")
    with pytest.raises(PermissionDenied):
        allocate(personas["commune_x"], code="01")  # a commune officer: not the province's
    allocation = allocate(personas["province_p"], code="10273")
    with pytest.raises(PermissionDenied):
        pay(personas["commune_y"], allocation, 1_000)
    assert (Allocation.objects.count(), Disbursement.objects.count()) == (1, 0)
    assert list(Allocation.objects.visible_to(personas["commune_y"])) == []
    assert list(Allocation.objects.visible_to(personas["commune_x"])) == [allocation]


def test_an_attachment_is_checked_by_content_and_kept(personas, settings):
    allocation = allocate(personas["commune_x"])
    fake = SimpleUploadedFile("chung-tu.pdf", b"not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError, match="Chỉ nhận tệp PDF"):
        pay(personas["commune_x"], allocation, 1_000, attachment=fake)
    with pytest.raises(ValidationError, match="không thuộc năm"):  # stored, then removed
        pay(personas["commune_x"], allocation, 1_000, day=date(2030, 1, 1), attachment=pdf_upload())
    assert list((settings.MEDIA_ROOT / "programme").rglob("*.pdf")) == []
    payment = pay(personas["commune_x"], allocation, 1_000, attachment=pdf_upload())
    assert payment.attachment.name.startswith("programme/")
    assert payment.attachment.name.endswith(".pdf")


@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_payments_never_overspend(personas):
    officer = personas["commune_x"]
    allocation = allocate(officer, amount=100_000_000)

    race = run_at_once(lambda: pay(officer, Allocation.objects.get(pk=allocation.pk), 60_000_000))

    assert race.errors == []
    assert (len(race.results), len(race.refusals)) == (1, 9)
    assert services.disbursed_total(allocation) == 60_000_000
