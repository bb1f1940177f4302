"""Round dates, rule-set pinning and registration numbers (pure, no Django).

Decision 26/2026, Art. 5: a province holds at least two rounds a year (round 1 decided by 30 June
for proposals by 30 April; round 2 by 30 December for proposals by 30 October); the ministry's
central rounds for 5★ decide by 30 September (proposals by 30 July) and by 30 March (proposals by
30 January). Extra rounds are allowed; their dates are set by hand.

Central numbering (Art. 5.2, "Đợt 01 trước ngày 30 tháng 9 đối với các hồ sơ được UBND cấp tỉnh đề
nghị trước ngày 30 tháng 7; đợt 02 trước ngày 30 tháng 3 đối với các hồ sơ được UBND cấp tỉnh đề
nghị trước ngày 30 tháng 01"): the decision numbers the rounds in its own order, round 1 before
round 2, and each central round takes what a provincial round sends up: the 5★ proposals of
provincial round 1 (decided by 30 Jun) by 30 Jul for round 1, those of provincial round 2 (decided
by 30 Dec) by 30 Jan for round 2. So central round 2 of year Y runs in January–March of Y + 1
(`CENTRAL_NEXT_YEAR`): proposals by 30 Jan Y+1, decision by 30 Mar Y+1. Read the other way (March
of Y), round 2 would close before round 1 opens and before the provincial round 2 it follows.
"""

from datetime import date, timedelta

RULES_148_2023 = "148-2023"
RULES_26_2026 = "26-2026"
RULES_26_2026_IN_FORCE = date(2026, 5, 22)
# Art. 12.2 (transition): a dossier filed before 22 May 2026 is finished under the 2021–2025 rules
# (148-2023), "thời hạn hoàn thành đánh giá, phân hạng không quá 60 ngày" (a: first time, upgrade)
# or "không quá 30 ngày" (b: re-evaluation) "kể từ ngày Quyết định này có hiệu lực". Counted from
# the day after 22 May (Civil Code Art. 147), the last days are 21 Jul and 21 Jun 2026; 21 Jul is
# also 148's last day (Art. 11.2).
LIMIT_148_FIRST_OR_UPGRADE = RULES_26_2026_IN_FORCE + timedelta(days=60)  # 21 Jul 2026
LIMIT_148_REEVALUATION = RULES_26_2026_IN_FORCE + timedelta(days=30)  # 21 Jun 2026
# Art. 7.6.g: "không quá 45 ngày kể từ ngày nhận đủ hồ sơ đề nghị của UBND cấp xã hoặc UBND cấp
# tỉnh".
REEVALUATION_DAYS = 45
WARN_DAYS = 14  # how long before a completion limit the pages warn

# (round number) → ((proposal month, day), (decision month, day))
PROVINCE_ROUNDS = {1: ((4, 30), (6, 30)), 2: ((10, 30), (12, 30))}
CENTRAL_ROUNDS = {1: ((7, 30), (9, 30)), 2: ((1, 30), (3, 30))}
# Central rounds whose dates fall in the year after the round's own year (Art. 5.2, see above).
CENTRAL_NEXT_YEAR = frozenset({2})


def default_round_dates(level: str, year: int, number: int) -> tuple[date, date] | None:
    """(proposals by, decision by) for a regular round; None for an extra round (number > 2).
    Central round 2 of `year` is January–March of `year + 1` (Art. 5.2)."""
    table = CENTRAL_ROUNDS if level == "central" else PROVINCE_ROUNDS
    if number not in table:
        return None
    (pm, pd), (dm, dd) = table[number]
    if level == "central" and number in CENTRAL_NEXT_YEAR:
        year += 1
    return date(year, pm, pd), date(year, dm, dd)


def rules_for_filing(filed_on: date) -> str:
    """Dossiers filed before 22 May 2026 are finished under 148-2023 (Art. 12.2 transition)."""
    return RULES_148_2023 if filed_on < RULES_26_2026_IN_FORCE else RULES_26_2026


def completion_limit(rules: str, kind: str, complete_on: date | None) -> tuple[date, str] | None:
    """The last day the evaluation must be completed, and the article that sets it: Art. 12.2.a
    or 12.2.b for a dossier pinned to 148-2023, Art. 7.6.g for a re-evaluation under 26-2026 once
    its complete dossier has been received (`complete_on`). None: no limit in the decision."""
    if rules == RULES_148_2023:
        if kind == "reevaluation":
            return LIMIT_148_REEVALUATION, "12.2.b"
        return LIMIT_148_FIRST_OR_UPGRADE, "12.2.a"
    if kind == "reevaluation" and complete_on is not None:
        return complete_on + timedelta(days=REEVALUATION_DAYS), "7.6.g"
    return None


def limit_state(limit: date, today: date) -> str:
    """ "overdue" after the limit, "soon" within WARN_DAYS of it (the limit day included), else
    "open"."""
    if today > limit:
        return "overdue"
    if (limit - today).days <= WARN_DAYS:
        return "soon"
    return "open"


def may_decide_under(rules: str, decided_on: date) -> bool:
    """Art. 11.2 and 12.2: a 148-2023 dossier is decided by 21 Jul 2026 at the latest (148 has
    lapsed afterwards, and the transition's 60 days with it)."""
    return rules != RULES_148_2023 or decided_on <= LIMIT_148_FIRST_OR_UPGRADE


def format_registration_number(
    serial: int, province_code: str, commune_code: str, year: int
) -> str:
    """Mẫu 01's receipt number: NNN/PĐK-(T)-(X)-(YYYY)."""
    return f"{serial:03d}/PĐK-{province_code}-{commune_code}-{year}"
