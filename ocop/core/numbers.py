"""Decimal numbers as Vietnamese pages write them. Pure, no Django.

One format in every language, so that a score reads the same on every page and in every document:
comma before the decimals, dot between thousands ("85,00", "1.234,50").
"""

from decimal import Decimal
from fractions import Fraction


def format_decimal(value: Decimal | Fraction | int | float | str, places: int = 2) -> str:
    """85 → "85,00"; Decimal("89.99") → "89,99"; 1234.5 → "1.234,50". Rounds half up only when
    `value` has more places than asked; scores arrive already truncated by display_score."""
    number = (
        Decimal(value)
        if not isinstance(value, Fraction)
        else Decimal(value.numerator) / value.denominator
    )
    text = f"{number:,.{places}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
