"""The one way to write an audit entry (every service that changes workflow state calls it), and
the one way to lock the row a state change reads."""

from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry

M = TypeVar("M", bound=models.Model)


def lock(obj: M) -> M:
    """Lock the object's row until the surrounding transaction ends and reload its fields, so the
    checks that follow see the committed state, never the caller's stale copy. A concurrent caller
    waits here (SELECT … FOR UPDATE on PostgreSQL; on SQLite the IMMEDIATE transaction already
    holds the write lock) and then finds the state the first one left. Call inside
    transaction.atomic. Returns the same instance."""
    type(obj)._default_manager.select_for_update().filter(pk=obj.pk).exists()
    obj.refresh_from_db()
    return obj


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: models.Model,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Side effect: inserts one AuditEntry row. Call inside the caller's transaction."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        summary=summary,
        before=_jsonable(before or {}),
        after=_jsonable(after or {}),
    )


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    """The named fields of an object as JSON-safe values, for an audit before/after."""
    return _jsonable({name: getattr(obj, name) for name in fields})


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        plain = value is None or isinstance(value, str | int | float | bool | list | dict)
        out[key] = value if plain and not isinstance(value, models.Model) else str(value)
    return out
