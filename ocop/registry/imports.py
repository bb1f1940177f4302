"""Excel import: check every row first, then write all of them in one transaction, or nothing.

`import_check` turns rows into a plan (creates, updates, unchanged, errors: row, column, reason);
`import_apply` is the service that writes a plan without errors, with bulk inserts and one audit
entry for the whole import (its row count, the ids created, each update's before and after). Producers match by tax code; products by product code, else
by producer tax code and product name.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import Field
from django.utils.translation import gettext as _

from ocop.accounts.scope import covers_commune
from ocop.core.limits import limit_error
from ocop.core.models import AuditEntry
from ocop.core.services import snapshot
from ocop.core.text import search_key
from ocop.places.models import Commune

from .columns import COLUMNS
from .excel import column_header, column_letter
from .messages import reason
from .models import Producer, Product
from .product_sets import find_set

BATCH = 1000
# Columns whose value lands in a field of another name or model.
FIELD_OF = {("products", "producer_tax_code"): (Producer, "tax_code")}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    letter: str
    reason: str

    def __str__(self) -> str:
        values = {
            "row": self.row,
            "letter": self.letter,
            "column": self.column,
            "reason": self.reason,
        }
        if self.letter:
            return _("Dòng %(row)s, cột %(letter)s (%(column)s): %(reason)s") % values
        return _("Dòng %(row)s, %(column)s: %(reason)s") % values


@dataclass
class ImportPlan:
    kind: str
    creates: list[Any] = field(default_factory=list)
    updates: list[tuple[Any, list[str], dict[str, Any]]] = field(default_factory=list)
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Row:
    """One row's parsed values and the errors found in it."""

    def __init__(self, kind: str, number: int, raw: dict[str, Any], plan: ImportPlan):
        self.kind, self.number, self.plan = kind, number, plan
        self.values: dict[str, Any] = {}
        self.failed = False
        for column in COLUMNS[kind]:
            cell = raw.get(column.key)
            try:
                value = column.read(cell)
            except ValueError as exc:
                self.error(column.key, reason(exc))
                continue
            if column.required and value in ("", None):
                self.error(column.key, _("Thiếu giá trị bắt buộc."))
            problem = _field_problem(kind, column.key, value)
            if problem:
                self.error(column.key, problem)
                continue
            self.values[column.key] = value

    def error(self, key: str, reason: str) -> None:
        self.failed = True
        letter = column_letter(self.kind, key)
        self.plan.errors.append(
            RowError(self.number, column_header(self.kind, key), letter, reason)
        )


def _field_problem(kind: str, key: str, value: Any) -> str | None:
    """The value against the model field it lands in: text length, integer range."""
    model, name = FIELD_OF.get((kind, key), (Producer if kind == "producers" else Product, key))
    try:
        target = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return limit_error(target, value) if isinstance(target, Field) else None


def import_check(kind: str, rows: Iterable[tuple[int, dict[str, Any]]], user=None) -> ImportPlan:
    """Every problem of every row, and what would be created or updated. `user` None: the CLI."""
    plan = ImportPlan(kind)
    parsed = [_Row(kind, number, raw, plan) for number, raw in rows]
    if kind == "producers":
        _check_producers(parsed, plan, user)
    else:
        _check_products(parsed, plan, user)
    plan.errors.sort(key=lambda e: (e.row, e.letter))
    return plan


def _may_act(user, commune) -> bool:
    return user is None or covers_commune(user, commune)


def _check_producers(rows: list[_Row], plan: ImportPlan, user) -> None:
    communes = {c.code: c for c in Commune.objects.select_related("province")}
    codes = {r.values.get("tax_code") for r in rows if r.values.get("tax_code")}
    existing = {p.tax_code: p for p in Producer.objects.filter(tax_code__in=codes)}
    seen: dict[str, int] = {}
    for row in rows:
        tax_code, commune_code = row.values.get("tax_code"), row.values.get("commune")
        if tax_code in seen:
            row.error("tax_code", _("Trùng mã số thuế với dòng %(row)s.") % {"row": seen[tax_code]})
        elif tax_code:
            seen[tax_code] = row.number
        commune = communes.get(commune_code) if commune_code else None
        if commune_code and commune is None:
            row.error("commune", _("Không có xã/phường mã %(code)s.") % {"code": commune_code})
        elif commune is not None and not _may_act(user, commune):
            row.error("commune", _("Xã/phường ngoài phạm vi quản lý của bạn."))
        current = existing.get(tax_code) if tax_code else None
        if current is not None and not _may_act(user, current.commune):
            row.error(
                "tax_code", _("Mã số thuế đã thuộc một chủ thể ngoài phạm vi quản lý của bạn.")
            )
        if row.failed:
            continue
        data = {**row.values, "commune": commune}
        _plan_row(plan, Producer, current, data)


def _check_products(rows: list[_Row], plan: ImportPlan, user) -> None:
    tax_codes = {r.values.get("producer_tax_code") for r in rows} - {None, ""}
    producers = {
        p.tax_code: p
        for p in Producer.objects.filter(tax_code__in=tax_codes).select_related("commune")
    }
    products = Product.objects.filter(
        producer__in=list(producers.values()), archived_at__isnull=True
    ).select_related("producer")
    by_code = {
        p.code: p
        for p in Product.objects.filter(code__in={r.values.get("code") for r in rows} - {None, ""})
    }
    by_name: dict[tuple[int, str], list[Product]] = {}
    for product in products:
        by_name.setdefault((product.producer_id, search_key(product.name)), []).append(product)
    seen: dict[tuple, int] = {}
    for row in rows:
        producer = _row_producer(row, producers, user)
        _check_set(row)
        current = _row_product(row, producer, by_code, by_name)
        key = (producer.pk if producer else None, search_key(row.values.get("name") or ""))
        if producer is not None and key in seen:
            row.error(
                "name",
                _("Trùng sản phẩm cùng tên của cùng chủ thể với dòng %(row)s.")
                % {"row": seen[key]},
            )
        seen.setdefault(key, row.number)
        if row.failed:
            continue
        data = {k: v for k, v in row.values.items() if k not in ("code", "producer_tax_code")}
        _plan_row(plan, Product, current, {**data, "producer": producer})


def _row_producer(row: _Row, producers: dict[str, Producer], user) -> Producer | None:
    tax_code = row.values.get("producer_tax_code")
    if not tax_code:
        return None
    producer = producers.get(tax_code)
    if producer is None:
        row.error(
            "producer_tax_code",
            _("Chưa có chủ thể với mã số thuế %(code)s.") % {"code": tax_code},
        )
    elif not _may_act(user, producer.commune):
        row.error("producer_tax_code", _("Chủ thể ngoài phạm vi quản lý của bạn."))
        return None
    return producer


def _check_set(row: _Row) -> None:
    rules, number = row.values.get("rules"), row.values.get("set_number")
    if rules and number is not None and find_set(rules, number) is None:
        row.error(
            "set_number",
            _("Bộ tiêu chí %(rules)s không có bộ sản phẩm số %(number)s.")
            % {"rules": rules, "number": number},
        )


def _row_product(row: _Row, producer, by_code, by_name) -> Product | None:
    code = row.values.get("code")
    if code:
        current = by_code.get(code)
        if current is None:
            row.error(
                "code",
                _("Không có sản phẩm mã %(code)s; để trống khi tạo sản phẩm mới.") % {"code": code},
            )
        elif producer is not None and current.producer_id != producer.pk:
            row.error("code", _("Mã sản phẩm thuộc một chủ thể khác."))
        return current
    if producer is None:
        return None
    matches = by_name.get((producer.pk, search_key(row.values.get("name") or "")), [])
    if len(matches) > 1:
        row.error("name", _("Chủ thể có nhiều sản phẩm cùng tên: hãy ghi mã sản phẩm."))
    return matches[0] if len(matches) == 1 else None


def _plan_row(plan: ImportPlan, model, current, data: dict[str, Any]) -> None:
    if current is None:
        plan.creates.append(model(**data))
        return
    changed = [k for k, v in data.items() if getattr(current, k) != v]
    if not changed:
        plan.unchanged += 1
        return
    before = {name: getattr(current, name) for name in changed}
    for name in changed:
        setattr(current, name, data[name])
    plan.updates.append((current, changed, before))


@transaction.atomic
def import_apply(*, actor, plan: ImportPlan) -> tuple[int, int]:
    """Writes a checked plan: bulk inserts and updates, one audit entry for the import (its row
    count, the ids created, each update's before and after). Returns (created, updated). Refuses a
    plan with errors."""
    if not plan.ok:
        raise ValueError("plan has errors")
    is_product = plan.kind == "products"
    model = Product if is_product else Producer
    keys = {"search_key", "public_key"} if is_product else {"search_key"}
    for obj in plan.creates + [update[0] for update in plan.updates]:
        if is_product:
            obj.refresh_keys()
        else:
            obj.search_key = obj.make_search_key()
    created = model.objects.bulk_create(plan.creates, batch_size=BATCH)
    changed_fields = sorted({name for _, names, _ in plan.updates for name in names} | keys)
    updated = [update[0] for update in plan.updates]
    model.objects.bulk_update(updated, changed_fields, batch_size=BATCH)
    if not is_product:
        _refresh_renamed(plan)
    _audit_import(actor, created, plan, model)
    return len(created), len(updated)


def _refresh_renamed(plan: ImportPlan) -> None:
    from .services import _refresh_product_keys

    for producer, names, _before in plan.updates:
        if {"name", "tax_code", "commune"} & set(names):
            _refresh_product_keys(producer)


def _audit_import(actor, created, plan: ImportPlan, model) -> None:
    """One audit entry for the whole import, carrying its row count and, so that every object's
    change stays traceable, the ids created and each update's fields before and after."""
    rows = len(created) + len(plan.updates) + plan.unchanged
    changes = {
        str(obj.pk): {"before": _plain(before), "after": _plain(snapshot(obj, names))}
        for obj, names, before in plan.updates
    }
    AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=f"{plan.kind}_import",
        content_type=ContentType.objects.get_for_model(model),
        object_id="",
        object_repr=_("Nhập từ Excel: %(rows)s dòng") % {"rows": rows},
        summary=_("Nhập từ Excel: %(rows)s dòng, %(created)s tạo mới, %(updated)s cập nhật")
        % {"rows": rows, "created": len(created), "updated": len(plan.updates)},
        after={
            "rows": rows,
            "created": len(created),
            "updated": len(plan.updates),
            "unchanged": plan.unchanged,
            "created_ids": [obj.pk for obj in created],
        },
        before={"changes": changes} if changes else {},
    )


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """JSON-safe values, as core.services.snapshot makes them."""
    simple = (str, int, float, bool, list, dict, type(None))
    return {k: v if isinstance(v, simple) else str(v) for k, v in values.items()}
