"""Round dates, rule-set pinning and registration numbers (pure, no Django).

Decision 26/2026, Art. 5: a province holds at least two rounds a year (round 1 decided by 30 June
for proposals by 30 April; round 2 by 30 December for proposals by 30 October); the ministry's
central rounds for 5★ decide by 30 September (proposals by 30 July) and by 30 March (proposals by
30 January). Extra rounds are allowed; their dates are set by hand.
"""

from datetime import date

RULES_148_2023 = "148-2023"
RULES_26_2026 = "26-2026"
RULES_26_2026_IN_FORCE = date(2026, 5, 22)

# (round number) → ((proposal month, day), (decision month, day))
PROVINCE_ROUNDS = {1: ((4, 30), (6, 30)), 2: ((10, 30), (12, 30))}
CENTRAL_ROUNDS = {1: ((7, 30), (9, 30)), 2: ((1, 30), (3, 30))}


def default_round_dates(level: str, year: int, number: int) -> tuple[date, date] | None:
    """(proposals by, decision by) for a regular round; None for an extra round (number > 2)."""
    table = CENTRAL_ROUNDS if level == "central" else PROVINCE_ROUNDS
    if number not in table:
        return None
    (pm, pd), (dm, dd) = table[number]
    return date(year, pm, pd), date(year, dm, dd)


def rules_for_filing(filed_on: date) -> str:
    """Dossiers filed before 22 May 2026 are finished under 148-2023 (Art. 12.2 transition)."""
    return RULES_148_2023 if filed_on < RULES_26_2026_IN_FORCE else RULES_26_2026


def format_registration_number(
    serial: int, province_code: str, commune_code: str, year: int
) -> str:
    """Mẫu 01's receipt number: NNN/PĐK-(T)-(X)-(YYYY)."""
    return f"{serial:03d}/PĐK-{province_code}-{commune_code}-{year}"
