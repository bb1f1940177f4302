"""Writes of the plans and the support budget: allocations and disbursements (integer đồng).

Every function runs in one transaction and writes one audit entry per row it creates. A
disbursement locks its allocation first, then re-reads the balance, so two payments that together
overspend cannot both pass (unless the second states why it may overspend).
"""

import uuid
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from ocop.accounts.roles import Role
from ocop.accounts.scope import NATIONWIDE_ROLES
from ocop.core.money import format_dong
from ocop.core.services import audit_record, lock, snapshot
from ocop.evaluation.messages import text as message_text
from ocop.evaluation.uploads import MAX_FILE_BYTES, UploadRefused, check_content, safe_name

from .models import Allocation, Disbursement, Plan, PlannedBudget, Target
from .units import Unit, unit_of

MAX_AMOUNT = 10**13  # 10,000 tỷ đồng: more than any OCOP budget; a typo beyond it is refused
FIRST_YEAR, LAST_YEAR = 2010, 2100
ALLOCATION_FIELDS = ["year", "source", "content", "amount", "document_number", "document_date"]
DISBURSEMENT_FIELDS = [
    "allocation_id", "paid_on", "amount", "description", "producer_id", "product_id",
    "course_id", "event_id", "document_number", "document_date", "overspend_reason",
]  # fmt: skip


def may_manage(user, unit: Unit) -> bool:
    """Officers keep the budget of their own territory: a commune officer its commune, a province
    officer its province (its communes and historic units included), central and admins all."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser or user.role in NATIONWIDE_ROLES:
        return True
    if user.role == Role.PROVINCE:
        return unit.province.pk == user.province_id
    if user.role == Role.COMMUNE:
        return (
            unit.kind == "commune"
            and unit.commune is not None
            and (unit.commune.pk == user.commune_id)
        )
    return False


def check_amount(amount: int) -> None:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError(_("Số tiền phải là số nguyên đồng."))
    if amount <= 0:
        raise ValidationError(_("Số tiền phải lớn hơn 0 đồng."))
    if amount > MAX_AMOUNT:
        raise ValidationError(
            _("Số tiền quá lớn (tối đa %(max)s).") % {"max": format_dong(MAX_AMOUNT)}
        )


@transaction.atomic
def allocation_create(
    *,
    actor,
    unit: Unit,
    year: int,
    source: str,
    content: str,
    amount: int,
    document_number: str = "",
    document_date: date | None = None,
    note: str = "",
) -> Allocation:
    """Set aside `amount` đồng of a unit's year for one source and content.
    Side effects: one Allocation row, one audit entry."""
    if not may_manage(actor, unit):
        raise PermissionDenied(_("Bạn không quản lý kinh phí của đơn vị này."))
    check_amount(amount)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            _("Năm phải từ %(first)s đến %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    allocation = Allocation(
        **unit.fields(), year=year, source=source, content=content, amount=amount,
        document_number=document_number.strip(), document_date=document_date, note=note.strip(),
        created_by=actor,
    )  # fmt: skip
    allocation.full_clean()
    allocation.save()
    audit_record(
        actor=actor, action="allocation_create", obj=allocation,
        summary=_("Phân bổ %(amount)s") % {"amount": format_dong(amount)},
        after=snapshot(allocation, ALLOCATION_FIELDS),
    )  # fmt: skip
    return allocation


def disbursed_total(allocation: Allocation) -> int:
    return allocation.disbursements.aggregate(s=Sum("amount"))["s"] or 0


def disbursement_create(
    *,
    actor,
    allocation: Allocation,
    paid_on: date,
    amount: int,
    description: str,
    producer=None,
    product=None,
    course=None,
    event=None,
    document_number: str = "",
    document_date: date | None = None,
    attachment=None,
    overspend_reason: str = "",
) -> Disbursement:
    """Pay `amount` đồng out of an allocation. Refused when the date is outside the allocation's
    year, when the beneficiary is not of the allocation's unit, or when the balance would go
    negative without an over-spend reason. Side effects: one Disbursement row (and its
    attachment file, removed again if the row is not written), one audit entry."""
    unit = unit_of(allocation)
    if not may_manage(actor, unit):
        raise PermissionDenied(_("Bạn không quản lý kinh phí của đơn vị này."))
    check_amount(amount)
    _check_beneficiary(unit, producer, product, course, event)
    stored = _store_attachment(attachment) if attachment else None
    try:
        with transaction.atomic():
            return _disburse(
                actor, allocation, stored, paid_on=paid_on, amount=amount,
                description=description.strip(), producer=producer, product=product,
                course=course, event=event, document_number=document_number.strip(),
                document_date=document_date, overspend_reason=overspend_reason.strip(),
            )  # fmt: skip
    except BaseException:
        if stored is not None:
            default_storage.delete(stored)
        raise


def _disburse(actor, allocation: Allocation, stored, **fields) -> Disbursement:
    lock(allocation)  # the balance below is read with the allocation's row locked
    paid_on, amount = fields["paid_on"], fields["amount"]
    if paid_on.year != allocation.year:
        raise ValidationError(
            _("Ngày chi %(day)s không thuộc năm %(year)s của khoản phân bổ.")
            % {"day": paid_on.strftime("%d/%m/%Y"), "year": allocation.year}
        )
    balance = allocation.amount - disbursed_total(allocation)
    if amount > balance and not fields["overspend_reason"]:
        raise ValidationError(
            _(
                "Số tiền %(amount)s vượt số dư %(balance)s của khoản phân bổ; ghi lý do chi vượt "
                "phân bổ nếu khoản chi này được phép."
            )
            % {"amount": format_dong(amount), "balance": format_dong(max(balance, 0))}
        )
    if not fields["description"]:
        raise ValidationError(_("Nhập nội dung chi."))
    disbursement = Disbursement(allocation=allocation, created_by=actor, **fields)
    if stored is not None:
        disbursement.attachment.name = stored
    disbursement.full_clean(exclude=["attachment"])
    disbursement.save()
    audit_record(
        actor=actor, action="disbursement_create", obj=disbursement,
        summary=_("Giải ngân %(amount)s") % {"amount": format_dong(amount)},
        after=snapshot(disbursement, DISBURSEMENT_FIELDS),
    )  # fmt: skip
    return disbursement


def _check_beneficiary(unit: Unit, producer, product, course, event) -> None:
    communes = unit.communes()
    if product is not None and producer is not None and product.producer_id != producer.pk:
        raise ValidationError(_("Sản phẩm được hỗ trợ không thuộc chủ thể đã chọn."))
    for who in (producer, product.producer if product is not None else None):
        if who is not None and not communes.filter(pk=who.commune_id).exists():
            raise ValidationError(_("Chủ thể được hỗ trợ không thuộc đơn vị của khoản phân bổ."))
    for activity in (course, event):
        if (
            activity is not None
            and not type(activity).objects.filter(unit.records(), pk=activity.pk).exists()
        ):
            raise ValidationError(_("Lớp tập huấn hoặc sự kiện không thuộc đơn vị này."))


def _store_attachment(upload) -> str:
    """Check the uploaded document by content (PDF or image, as dossier files) and store it
    under a random name; returns the stored name."""
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(_("Tệp vượt quá %(mb)s MB.") % {"mb": MAX_FILE_BYTES // 2**20})
    data = upload.read()
    try:
        checked = check_content(data)
    except UploadRefused as error:
        raise ValidationError(message_text(error)) from None
    extension = safe_name(upload.name or "", checked.content_type).rsplit(".", 1)[-1]
    name = f"programme/{date.today().year}/{uuid.uuid4().hex}.{extension}"
    return default_storage.save(name, ContentFile(data))


PLAN_FIELDS = ["name", "start_year", "end_year", "document_number", "document_date"]


@transaction.atomic
def plan_create(
    *,
    actor,
    unit: Unit,
    name: str,
    start_year: int,
    end_year: int,
    targets: list[tuple[str, int | None, int]] = (),  # type: ignore[assignment]
    budget: dict[str, int] | None = None,
    document_number: str = "",
    document_date: date | None = None,
) -> Plan:
    """A unit's programme plan for a period, with its targets (indicator, stars, value) and its
    planned budget by content. Side effects: one Plan row, its Target and PlannedBudget rows, one
    audit entry."""
    if not may_manage(actor, unit):
        raise PermissionDenied(_("Bạn không quản lý kế hoạch của đơn vị này."))
    if not FIRST_YEAR <= start_year <= end_year <= LAST_YEAR:
        raise ValidationError(_("Giai đoạn của kế hoạch không hợp lệ."))
    for amount in (budget or {}).values():
        check_amount(amount)
    plan = Plan(
        **unit.fields(), name=name.strip(), start_year=start_year, end_year=end_year,
        document_number=document_number.strip(), document_date=document_date, created_by=actor,
    )  # fmt: skip
    plan.full_clean()
    plan.save()
    for indicator, stars, value in targets:
        target = Target(plan=plan, indicator=indicator, stars=stars, value=value)
        target.full_clean()
        target.save()
    for content, amount in (budget or {}).items():
        PlannedBudget.objects.create(plan=plan, content=content, amount=amount)
    audit_record(
        actor=actor, action="plan_create", obj=plan, summary=str(plan),
        after={
            **snapshot(plan, PLAN_FIELDS),
            "targets": [list(t) for t in targets], "budget": dict(budget or {}),
        },
    )  # fmt: skip
    return plan
