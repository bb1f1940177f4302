"""Money is integer đồng, never float. Pure functions, no Django."""


def format_dong(amount: int, *, unit: str = "đồng") -> str:
    """968721000 → "968.721.000 đồng" (dot thousands separator, as Vietnamese documents write it)."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("money is an integer number of đồng")
    sign = "-" if amount < 0 else ""
    digits = f"{abs(amount):,}".replace(",", ".")
    return f"{sign}{digits} {unit}".rstrip()
