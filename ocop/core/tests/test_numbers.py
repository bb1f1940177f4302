"""One decimal format on every page: comma decimals, dot thousands, whatever the language."""

from decimal import Decimal
from fractions import Fraction

import pytest
from django.template import Context, Template
from django.utils import translation

from ocop.core.numbers import format_decimal


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (85, "85,00"),
        (Decimal("89.99"), "89,99"),
        (Decimal("0.5"), "0,50"),
        (Fraction(511, 6), "85,17"),
        (1234.5, "1.234,50"),
        (Decimal("-3.25"), "-3,25"),
    ],
)
def test_format_decimal(value, expected):
    assert format_decimal(value) == expected


@pytest.mark.parametrize("language", ["vi", "en"])
def test_score_filter_is_the_same_in_both_languages(language):
    template = Template("{% load ocop_format %}[{{ a|score }}][{{ b|score }}]")
    with translation.override(language):
        assert template.render(Context({"a": Decimal("85.00"), "b": None})) == "[85,00][]"
