"""Consolidating a session: every product's result from its counted, submitted sheets.

Read-only; the board, the results page, `session_close` and bench/bench_council.py use it. One
query for the sheets, one for the conflicts, one for the agenda; the engine does the arithmetic.
Which sheets count: submitted ones, of members without a blocking conflict on the product, and,
unless the council's rules count absent members, of the members present at the session.
"""

from dataclasses import dataclass, field

from ocop.criteria.engine import CouncilResult, Outcome

from .models import Conflict, ScoreSheet, Session, SessionItem
from .results import consolidate
from .selfscore import sheet_for

DEFERRED = [
    "application__form01", "application__form02", "application__commune_report",
    "application__advisory", "application__product__sales_channels",
]  # fmt: skip


@dataclass
class ItemResult:
    item: SessionItem
    result: CouncilResult | None
    member_ids: list[int] = field(default_factory=list)
    problem: str = ""  # why the sheets could not be consolidated (a rule set not loadable…)

    @property
    def count(self) -> int:
        return len(self.member_ids)


def counted_members(session: Session) -> set[int] | None:
    """None: every member's sheet counts (absent members count). Otherwise the members present;
    with no attendance recorded nobody counts (closing is refused then, services.sessions)."""
    if session.council.absent_members_count:
        return None
    return set(session.present.values_list("pk", flat=True))


def consolidate_session(session: Session) -> dict[int, ItemResult]:
    items = {
        i.pk: i
        for i in SessionItem.objects.filter(session=session)
        .select_related("application__product", "application__producer")
        # The dossier's forms and reports are large JSON that no result reads: not decoded.
        .defer(*DEFERRED)
    }
    blocked = set(
        Conflict.objects.blocking()
        .filter(member__council=session.council_id)
        .values_list("member_id", "product_id")
    )
    counted = counted_members(session)
    answers: dict[int, list[tuple[int, dict]]] = {pk: [] for pk in items}
    rows = ScoreSheet.objects.filter(item__session=session, status=ScoreSheet.Status.SUBMITTED)
    for item_id, member_id, sheet_answers in rows.values_list("item_id", "member_id", "answers"):
        product_id = items[item_id].application.product_id
        if (member_id, product_id) in blocked or (counted is not None and member_id not in counted):
            continue
        answers[item_id].append((member_id, sheet_answers))
    return {pk: _one(item, answers[pk], session.council.spread_limit) for pk, item in items.items()}


def _one(item: SessionItem, rows: list[tuple[int, dict]], spread_limit: int) -> ItemResult:
    application = item.application
    sheet = sheet_for(application.rules, application.set_number)
    member_ids = [member_id for member_id, _answers in rows]
    if sheet is None:
        return ItemResult(item, None, member_ids, problem="rules")
    outcome = Outcome(item.outcome, item.outcome_reason) if item.outcome else None
    result = consolidate(sheet, [a for _m, a in rows], spread_limit, outcome)
    return ItemResult(item, result, member_ids)
