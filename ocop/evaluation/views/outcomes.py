"""The rules a council may apply to each product on the board (its own sheet's, Phụ lục II)."""

from ..models.scoring import Outcome
from ..selfscore import sheet_for
from ..sheet_rules import OUTCOME_KINDS, outcome_rules


def outcome_options(rows) -> list[tuple[object, list[tuple[str, list]]]]:
    """[(item, [(outcome label, [SheetRule, …]), …]), …] for the products not yet concluded, each
    sheet read once (a session has many products of few sets)."""
    by_sheet: dict[tuple[str, int], list[tuple[str, list]]] = {}
    options = []
    for row in rows:
        item = row.item
        if item.outcome:
            continue
        key = (item.application.rules, item.application.set_number)
        if key not in by_sheet:
            sheet = sheet_for(*key)
            by_sheet[key] = [(str(Outcome(kind).label), rules) for kind in OUTCOME_KINDS
                             if (rules := outcome_rules(sheet, kind))]  # fmt: skip
        options.append((item, by_sheet[key]))
    return options
