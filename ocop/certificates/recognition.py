"""Which authority level and rule set fit a recognition (DOMAIN.md §1). Pure, no Django.

- 5★ is recognised by the central level, and the central level recognises only 5★.
- The province recognises 3★ and 4★ (under 1048-2019 after the district council scored, under
  148-2023 the 4★, and from 1 Jul 2025 both).
- So a province 3★ dated 24 Feb 2023 – 30 Jun 2025 (148-2023, before the 2025 reform) is refused.
- A district People's Committee recognised 3★ only in the 148-2023 era, by decisions dated from
  24 Feb 2023 (148 in force) to 30 Jun 2025 (districts abolished on 1 Jul 2025).
- The rule set is one in force on the decision date: 1048-2019 until 23 Feb 2023; 148-2023 from
  24 Feb 2023 until 21 Jul 2026 (it lapses 60 days after 26/2026 takes effect, Art. 11.2, and
  dossiers filed earlier are finished under it, Art. 11.2 transitional); 26-2026 from 22 May 2026.
  Both 148-2023 and 26-2026 fit a decision dated 22 May – 21 Jul 2026. 1048-2019 has no start
  here: results from 2018 are recorded against it too.

Dates come as a span [first, last]: one day for a decision date, a whole year when a historic
result has only its year. A fit on any day of the span is accepted.
"""

from datetime import date
from enum import StrEnum

CENTRAL, PROVINCE, DISTRICT = "central", "province", "district_historic"
DISTRICT_FROM, DISTRICT_UNTIL = date(2023, 2, 24), date(2025, 6, 30)
RULES_IN_FORCE: dict[str, tuple[date, date]] = {
    "1048-2019": (date.min, date(2023, 2, 23)),
    "148-2023": (date(2023, 2, 24), date(2026, 7, 21)),
    "26-2026": (date(2026, 5, 22), date.max),
}


class Problem(StrEnum):
    FIVE_STARS_NOT_CENTRAL = "five_stars_not_central"
    CENTRAL_NOT_FIVE_STARS = "central_not_five_stars"
    PROVINCE_NOT_THREE_FOUR = "province_not_three_four"
    DISTRICT_NOT_THREE = "district_not_three"
    DISTRICT_OUT_OF_PERIOD = "district_out_of_period"
    PROVINCE_THREE_IN_DISTRICT_ERA = "province_three_in_district_era"
    RULES_NOT_IN_FORCE = "rules_not_in_force"


def _overlaps(first: date, last: date, start: date, end: date) -> bool:
    return first <= end and start <= last


def rules_in_force(first: date, last: date | None = None) -> list[str]:
    """The rule sets in force on some day of [first, last], oldest first."""
    last = last or first
    return [rules for rules, span in RULES_IN_FORCE.items() if _overlaps(first, last, *span)]


def level_problem(stars: int, level: str, first: date, last: date | None = None) -> Problem | None:
    """Why `level` cannot have recognised `stars` stars on [first, last]; None when it fits."""
    last = last or first
    if stars == 5 and level != CENTRAL:
        return Problem.FIVE_STARS_NOT_CENTRAL
    if level == CENTRAL and stars != 5:
        return Problem.CENTRAL_NOT_FIVE_STARS
    if level == PROVINCE and stars not in (3, 4):
        return Problem.PROVINCE_NOT_THREE_FOUR
    if level == DISTRICT and stars != 3:
        return Problem.DISTRICT_NOT_THREE
    if level == DISTRICT and not _overlaps(first, last, DISTRICT_FROM, DISTRICT_UNTIL):
        return Problem.DISTRICT_OUT_OF_PERIOD
    # Under 148-2023 before 1 Jul 2025 the district recognised 3★, not the province: refused when
    # every day of the span lies in that era.
    if level == PROVINCE and stars == 3 and first >= DISTRICT_FROM and last <= DISTRICT_UNTIL:
        return Problem.PROVINCE_THREE_IN_DISTRICT_ERA
    return None


def rules_problem(rules: str, first: date, last: date | None = None) -> Problem | None:
    """Why `rules` cannot apply to a decision on [first, last]; None when it fits."""
    if rules in rules_in_force(first, last):
        return None
    return Problem.RULES_NOT_IN_FORCE
