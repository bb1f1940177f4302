"""Form helpers shared by the apps: typed text is stored clean, numbers fit their columns."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.core.validators import MaxValueValidator, MinValueValidator

from .limits import integer_range
from .text import clean_long_text, nfc


def _cleaning(to_python: Callable[[Any], Any], clean: Callable[[str], str]) -> Callable:
    def read(value: Any) -> Any:
        value = to_python(value)
        return clean(value) if isinstance(value, str) else value

    return read


class CleanInputMixin:
    """Every text field drops invisible characters (zero-width, BOM, soft hyphen, bidi controls)
    and collapses white space before the required and length checks, so a name of only
    zero-width spaces is missing and two equal-looking names are equal; text areas keep their
    line breaks. On a ModelForm, integer fields also keep within the column's range on every
    database (SQLite would store any size, PostgreSQL refuses past its type)."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        model = getattr(getattr(self, "_meta", None), "model", None)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField):
                long = isinstance(field.widget, forms.Textarea)
                field.to_python = _cleaning(field.to_python, clean_long_text if long else nfc)  # type: ignore[method-assign]
            elif isinstance(field, forms.IntegerField) and model is not None:
                _bound(field, model, name)


def _bound(field: forms.IntegerField, model: Any, name: str) -> None:
    try:
        bounds = integer_range(model._meta.get_field(name))
    except FieldDoesNotExist:
        return
    if bounds is not None:
        field.validators += [MinValueValidator(bounds[0]), MaxValueValidator(bounds[1])]
