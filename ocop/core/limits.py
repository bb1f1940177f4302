"""What a model field can hold: the length of a text and the range of an integer column, the same
on every database (SQLite stores any integer, PostgreSQL refuses past the column's type)."""

from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.translation import gettext as _


def integer_range(field: models.Field) -> tuple[int, int] | None:
    """The (min, max) of an integer column as PostgreSQL stores it, or None for other fields."""
    return BaseDatabaseOperations.integer_field_ranges.get(field.get_internal_type())


def limit_error(field: models.Field, value: object) -> str | None:
    """Why `value` does not fit `field` (Vietnamese), or None when it fits."""
    if isinstance(value, str) and field.max_length and len(value) > field.max_length:
        return _("Dài %(length)s ký tự, tối đa %(max)s ký tự.") % {
            "length": len(value), "max": field.max_length,
        }  # fmt: skip
    bounds = integer_range(field)
    if bounds is None or not isinstance(value, int) or isinstance(value, bool):
        return None
    low, high = bounds
    if value > high:
        return _("Số quá lớn (tối đa %(max)s).") % {"max": _grouped(high)}
    if value < low:
        return _("Số quá nhỏ (tối thiểu %(min)s).") % {"min": _grouped(low)}
    return None


def _grouped(number: int) -> str:
    """Thousands with dots, as the import's cells are written (15.000)."""
    return f"{number:,}".replace(",", ".")
