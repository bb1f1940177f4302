"""Cells that spreadsheets must not run. Pure, no Django.

Text typed by producers ends up in exported .xlsx and .csv files that officers open in Excel; a
value starting with = + - @ (or a tab or carriage return) would be read as a formula there.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would take for a formula gets a leading apostrophe; numbers,
    dates and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: list[object] | tuple[object, ...]) -> list[object]:
    return [safe_cell(value) for value in values]
