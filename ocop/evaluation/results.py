"""The council's result for one product from its members' submitted sheets (pure, no Django).

Thin on purpose: the criteria engine does the arithmetic (exact average, minima on the average
points per criterion, spread); this module only feeds it and names the council's spread rule.
"""

from collections.abc import Iterable, Mapping

from ocop.criteria.engine import CouncilResult, Outcome, aggregate, score_sheet
from ocop.criteria.rules import Sheet


def consolidate(
    sheet: Sheet,
    answers: Iterable[Mapping[str, int]],
    spread_limit: int,
    outcome: Outcome | None = None,
) -> CouncilResult | None:
    """None when no sheet was submitted. With an outcome (reject/stop) there are no stars."""
    scored = [score_sheet(sheet, a, outcome) for a in answers]
    if not scored:
        return None
    return aggregate(scored, spread_limit)


def quorum_met(count: int, quorum: int) -> bool:
    return count >= quorum
