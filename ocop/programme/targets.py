"""How far a target is, against the time gone in its period. Pure: no Django, no database.

A period runs from 1 January of its first year to 31 December of its last. The status compares
the share of the target reached with the share of the period elapsed:

- ``on_track``: reached, or at least as far as the time elapsed (or the period has not begun);
- ``at_risk``: behind the time, by less than a fifth of what was due by now (``AT_RISK_MARGIN``);
- ``behind``: further behind, or the period is over and the target was not reached.
"""

from dataclasses import dataclass
from datetime import date

ON_TRACK, AT_RISK, BEHIND = "on_track", "at_risk", "behind"
STATUSES = (ON_TRACK, AT_RISK, BEHIND)
AT_RISK_MARGIN = 0.8  # reached ≥ 80 % of what was due by now: at risk, not yet behind


@dataclass(frozen=True)
class Period:
    start_year: int
    end_year: int

    @property
    def start(self) -> date:
        return date(self.start_year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.end_year, 12, 31)

    @property
    def label(self) -> str:
        return f"{self.start_year}-{self.end_year}"

    def elapsed(self, today: date) -> float:
        """The share of the period gone by the end of `today`, between 0 and 1."""
        if today < self.start:
            return 0.0
        if today >= self.end:
            return 1.0
        days = (self.end - self.start).days + 1
        return ((today - self.start).days + 1) / days


def percent(actual: int | float, target: int | float) -> float | None:
    """The share of the target reached, in percent with one decimal; None for a zero target."""
    if target <= 0:
        return None
    return round(actual * 100 / target, 1)


def status(*, actual: int | float, target: int | float, period: Period, today: date) -> str:
    """ON_TRACK, AT_RISK or BEHIND (see the module's docstring)."""
    if target <= 0 or actual >= target:
        return ON_TRACK
    if today > period.end:
        return BEHIND
    due = target * period.elapsed(today)
    if actual >= due:
        return ON_TRACK
    return AT_RISK if actual >= due * AT_RISK_MARGIN else BEHIND
