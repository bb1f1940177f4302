"""Every write of the registry: producers, products, their papers, codes, and pending changes.

Each service runs in one transaction and leaves one audit entry per changed object. A producer
representative's edit of data an officer has verified becomes a PendingChange instead.
Each service checks the actor's authority itself (see authority.py); `actor=None` is the system.
"""

import uuid
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.accounts.roles import Role
from ocop.core.services import audit_record, lock, snapshot

from .authority import represents, require_creator, require_editor, require_officer
from .choices import ChangeStatus
from .identifiers import format_product_code
from .images import prepare_image
from .messages import reason
from .models import (
    CommuneSerial,
    PendingChange,
    Producer,
    ProducerDocument,
    Product,
    ProductImage,
    ProductStandard,
)

PRODUCER_FIELDS = [
    "legal_form", "name", "tax_code", "registration_number", "registration_date",
    "representative_name", "representative_gender", "representative_ethnic_group",
    "representative_disabled", "commune", "historic_unit", "street_address", "phone", "email",
    "website", "founded_year", "workforce", "local_labour_percent", "cooperative_class",
]  # fmt: skip
PRODUCT_FIELDS = [
    "producer", "name", "rules", "set_number", "description", "raw_materials",
    "local_material_percent", "quality_declaration", "trademark", "trademark_number", "gtin",
    "story", "packaging", "bilingual_label", "traceability_code", "sales_channels", "price",
    "price_unit",
]  # fmt: skip


def _needs_review(actor, obj) -> bool:
    """A producer's edit of verified data waits for an officer."""
    return getattr(actor, "role", None) == Role.PRODUCER and obj.verified_at is not None


def _assign(obj: models.Model, data: dict[str, Any]) -> list[str]:
    """Set the given fields; return the names whose value changed."""
    changed = []
    for name, value in data.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed


@transaction.atomic
def producer_create(*, actor, data: dict[str, Any], representative=None) -> Producer:
    """Creates a producer (and links the representative account, if given); audits it.
    Officers create in their territory; a producer representative only as its own representative."""
    require_creator(actor, data.get("commune"), representative)
    producer = Producer(**data)
    producer.save()
    if representative is not None:
        producer.representatives.add(representative)
    audit_record(
        actor=actor, action="producer_create", obj=producer,
        summary=_("Tạo chủ thể"), after=snapshot(producer, PRODUCER_FIELDS),
    )  # fmt: skip
    return producer


@transaction.atomic
def producer_update(*, actor, producer: Producer, data: dict[str, Any]) -> PendingChange | None:
    """Applies the changes, or files them as a PendingChange when a producer edits verified data.
    Refreshes the search keys of the producer's products when its name or tax code changes."""
    lock(producer)
    require_editor(actor, producer)
    _require_move(actor, producer, data.get("commune"))
    if _needs_review(actor, producer):
        return _change_submit(actor=actor, target=producer, data=data, fields=PRODUCER_FIELDS)
    before = snapshot(producer, PRODUCER_FIELDS)
    changed = _assign(producer, data)
    if changed:
        producer.save()
        if {"name", "tax_code", "commune"} & set(changed):
            _refresh_product_keys(producer)
        audit_record(
            actor=actor, action="producer_update", obj=producer, summary=_("Sửa chủ thể"),
            before=before, after=snapshot(producer, PRODUCER_FIELDS),
        )  # fmt: skip
    return None


def _require_move(actor, producer: Producer, commune) -> None:
    """An officer may move a producer only into a commune of their territory too."""
    if commune is None or commune == producer.commune or actor is None:
        return
    if not represents(actor, producer):
        require_officer(actor, commune)


def _refresh_product_keys(producer: Producer) -> None:
    products = list(producer.products.all())
    for product in products:
        product.refresh_keys(producer)
    Product.objects.bulk_update(products, ["search_key", "public_key"], batch_size=500)


@transaction.atomic
def producer_verify(*, actor, producer: Producer) -> None:
    """Marks the producer's data as checked by an officer; later producer edits need review.
    Verifying verified data changes nothing (a double click, two officers at once)."""
    lock(producer)
    require_officer(actor, producer.commune)
    if producer.verified_at is not None:
        return
    producer.verified_at = timezone.now()
    producer.verified_by = actor
    producer.save(update_fields=["verified_at", "verified_by", "updated_at"])
    audit_record(actor=actor, action="producer_verify", obj=producer, summary=_("Xác minh chủ thể"))


@transaction.atomic
def producer_set_archived(*, actor, producer: Producer, archived: bool) -> None:
    """Archives (hides from lists) or restores a producer; never deletes. Asking for the state it
    is already in changes nothing."""
    lock(producer)
    require_officer(actor, producer.commune)
    if (producer.archived_at is not None) == archived:
        return
    producer.archived_at = timezone.now() if archived else None
    producer.save(update_fields=["archived_at", "updated_at"])
    action = "producer_archive" if archived else "producer_restore"
    summary = _("Lưu trữ chủ thể") if archived else _("Khôi phục chủ thể")
    audit_record(actor=actor, action=action, obj=producer, summary=summary)


@transaction.atomic
def producer_add_document(*, actor, producer: Producer, data: dict[str, Any]) -> ProducerDocument:
    require_editor(actor, producer)
    document = ProducerDocument.objects.create(producer=producer, **data)
    audit_record(
        actor=actor, action="producer_add_document", obj=producer,
        summary=_("Thêm giấy tờ: %(doc)s") % {"doc": document},
        after={"document": str(document), "valid_until": str(document.valid_until or "")},
    )  # fmt: skip
    return document


@transaction.atomic
def product_create(*, actor, data: dict[str, Any]) -> Product:
    require_editor(actor, data["producer"])
    product = Product(**data)
    product.search_key = product.make_search_key()
    product.save()
    audit_record(
        actor=actor, action="product_create", obj=product,
        summary=_("Tạo sản phẩm"), after=snapshot(product, PRODUCT_FIELDS),
    )  # fmt: skip
    return product


@transaction.atomic
def product_update(*, actor, product: Product, data: dict[str, Any]) -> PendingChange | None:
    """Applies the changes, or files a PendingChange when a producer edits verified data."""
    lock(product)
    require_editor(actor, product.producer)
    if data.get("producer") not in (None, product.producer):
        require_editor(actor, data["producer"])
    if _needs_review(actor, product):
        return _change_submit(actor=actor, target=product, data=data, fields=PRODUCT_FIELDS)
    before = snapshot(product, PRODUCT_FIELDS)
    if _assign(product, data):
        product.search_key = product.make_search_key()
        product.save()
        audit_record(
            actor=actor, action="product_update", obj=product, summary=_("Sửa sản phẩm"),
            before=before, after=snapshot(product, PRODUCT_FIELDS),
        )  # fmt: skip
    return None


@transaction.atomic
def product_verify(*, actor, product: Product) -> None:
    """Marks the product's data as checked by an officer (once: see producer_verify)."""
    lock(product)
    require_officer(actor, product.producer.commune)
    if product.verified_at is not None:
        return
    product.verified_at = timezone.now()
    product.verified_by = actor
    product.save(update_fields=["verified_at", "verified_by", "updated_at"])
    audit_record(actor=actor, action="product_verify", obj=product, summary=_("Xác minh sản phẩm"))


@transaction.atomic
def product_set_archived(*, actor, product: Product, archived: bool) -> None:
    """Archives or restores a product; asking for the state it is already in changes nothing."""
    lock(product)
    require_officer(actor, product.producer.commune)
    if (product.archived_at is not None) == archived:
        return
    product.archived_at = timezone.now() if archived else None
    product.save(update_fields=["archived_at", "updated_at"])
    action = "product_archive" if archived else "product_restore"
    summary = _("Lưu trữ sản phẩm") if archived else _("Khôi phục sản phẩm")
    audit_record(actor=actor, action=action, obj=product, summary=summary)


@transaction.atomic
def product_add_standard(*, actor, product: Product, data: dict[str, Any]) -> ProductStandard:
    require_editor(actor, product.producer)
    standard = ProductStandard.objects.create(product=product, **data)
    audit_record(
        actor=actor, action="product_add_standard", obj=product,
        summary=_("Thêm chứng nhận: %(std)s") % {"std": standard},
        after={"standard": str(standard), "valid_until": str(standard.valid_until or "")},
    )  # fmt: skip
    return standard


@transaction.atomic
def product_add_image(*, actor, product: Product, data: bytes, caption: str = "") -> ProductImage:
    """Checks the bytes are a real image, resizes to 1600 px at most, stores under MEDIA_ROOT.
    The stored file is deleted again if the row or the audit entry cannot be written."""
    require_editor(actor, product.producer)
    try:
        content, extension, width, height = prepare_image(data)
    except ValueError as exc:
        raise ValidationError(reason(exc)) from exc
    image = ProductImage(product=product, width=width, height=height, caption=caption)
    image.image.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(content), save=False)
    try:
        image.save()
        audit_record(
            actor=actor, action="product_add_image", obj=product,
            summary=_("Thêm ảnh %(w)s×%(h)s") % {"w": width, "h": height},
        )  # fmt: skip
    except Exception:
        # the transaction rolls the row back, but not the file on disk
        image.image.delete(save=False)
        raise
    return image


@transaction.atomic
def product_assign_code(*, product: Product, year: int, actor=None) -> str:
    """Gives the product its code (T)-(X)-(STT)-YYYY from the next serial of its producer's commune.
    Idempotent: a product keeps its first code. Locks the commune's serial row.
    `actor` None: the system (the evaluation workflow); otherwise an officer of the commune."""
    product = (
        Product.objects.select_for_update()
        .select_related("producer__commune__province")
        .get(pk=product.pk)
    )
    require_officer(actor, product.producer.commune)
    if product.code:
        return product.code
    commune = product.producer.commune
    CommuneSerial.objects.get_or_create(commune=commune)
    serial_row = CommuneSerial.objects.select_for_update().get(commune=commune)
    serial_row.last += 1
    serial_row.save(update_fields=["last"])
    product.code = format_product_code(commune.province.code, commune.code, serial_row.last, year)
    product.code_serial = serial_row.last
    product.code_commune = commune
    product.refresh_keys()
    product.save(
        update_fields=[
            "code",
            "code_serial",
            "code_commune",
            "search_key",
            "public_key",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor, action="product_assign_code", obj=product,
        summary=_("Cấp mã sản phẩm %(code)s") % {"code": product.code}, after={"code": product.code},
    )  # fmt: skip
    return product.code


def _to_json(obj: models.Model, name: str, value: Any) -> Any:
    """A field value as JSON: a foreign key as its pk, a date as ISO text, the rest as is."""
    if isinstance(obj._meta.get_field(name), models.ForeignKey):
        return value.pk if value is not None else None
    return value.isoformat() if isinstance(value, date) else value


def _from_json(obj: models.Model, name: str, value: Any) -> Any:
    field = obj._meta.get_field(name)
    if isinstance(field, models.ForeignKey):
        related = field.related_model
        assert isinstance(related, type)
        return related._default_manager.get(pk=value) if value is not None else None
    return field.to_python(value) if isinstance(field, models.DateField) else value


def _change_submit(
    *, actor, target, data: dict[str, Any], fields: list[str]
) -> PendingChange | None:
    differing = {k: v for k, v in data.items() if getattr(target, k) != v}
    if not differing:
        return None
    values = {k: _to_json(target, k, v) for k, v in differing.items()}
    previous = {k: _to_json(target, k, getattr(target, k)) for k in differing}
    is_product = isinstance(target, Product)
    producer = target.producer if is_product else target
    change = PendingChange.objects.create(
        producer=None if is_product else target, product=target if is_product else None,
        commune=producer.commune, values=values, previous=previous, submitted_by=actor,
    )  # fmt: skip
    audit_record(
        actor=actor, action="change_submit", obj=target, summary=_("Đề nghị sửa, chờ cán bộ duyệt"),
        before=previous, after=values,
    )  # fmt: skip
    return change


@transaction.atomic
def change_accept(*, actor, change: PendingChange) -> None:
    """Applies a pending change to its producer or product and closes it."""
    lock(change)
    require_officer(actor, _change_commune(change))
    if change.status != ChangeStatus.PENDING:
        raise ValidationError(_("Đề nghị này đã được xử lý."))
    target = change.target
    data = {k: _from_json(target, k, v) for k, v in change.values.items()}
    update = product_update if isinstance(target, Product) else producer_update
    update(
        actor=actor, **{"product" if isinstance(target, Product) else "producer": target}, data=data
    )
    _change_close(actor=actor, change=change, status=ChangeStatus.ACCEPTED, note="")


@transaction.atomic
def change_reject(*, actor, change: PendingChange, note: str) -> None:
    lock(change)
    require_officer(actor, _change_commune(change))
    if change.status != ChangeStatus.PENDING:
        raise ValidationError(_("Đề nghị này đã được xử lý."))
    _change_close(actor=actor, change=change, status=ChangeStatus.REJECTED, note=note)
    audit_record(
        actor=actor, action="change_reject", obj=change.target,
        summary=_("Từ chối đề nghị sửa: %(note)s") % {"note": note},
    )  # fmt: skip


def _change_commune(change: PendingChange):
    """Where the changed producer or product is now (it may have moved since the request)."""
    target = change.target
    return target.producer.commune if isinstance(target, Product) else target.commune


def _change_close(*, actor, change: PendingChange, status: str, note: str) -> None:
    change.status = status
    change.decided_by = actor
    change.decided_at = timezone.now()
    change.note = note
    change.save(update_fields=["status", "decided_by", "decided_at", "note"])
