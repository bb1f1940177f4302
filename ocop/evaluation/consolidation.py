"""Consolidating a session: every product's result from its counted, submitted sheets.

Read-only; the board, the results page, `session_close` and bench/bench_council.py use it. One
query for the sheets, one for the conflicts, one for the agenda; the engine does the arithmetic on
each sheet's stored result (ScoreSheet.scored, written when it is submitted or revised), so the
answers are neither decoded nor scored again. A sheet without a stored result that fits its product
set (written before results were stored, or outside the services) is scored from its answers: one
more query, for those sheets only. Which sheets count: submitted ones, of members without a
blocking conflict on the product, and, unless the council's rules count absent members, of the
members present at the session.
"""

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from ocop.criteria.engine import (
    CouncilResult,
    Outcome,
    aggregate_records,
    criterion_sums,
    read_record,
    score_sheet,
    sheet_record,
)
from ocop.criteria.rules import Sheet

from .models import Conflict, ScoreSheet, Session, SessionItem
from .selfscore import sheet_for

DEFERRED = [
    "application__form01", "application__form02", "application__commune_report",
    "application__advisory", "application__product__sales_channels",
]  # fmt: skip
# What a result and the board read of each product: the agenda row whole, the dossier's rule set,
# product set, stage and kind, the product's name (a 500-product session builds 1,000 instances
# of these instead of 2,000 whole ones). `whole_items` reads the dossier and producer whole.
READ = [
    *(f.name for f in SessionItem._meta.concrete_fields),
    "application__rules", "application__set_number", "application__stage", "application__kind",
    "application__product_id", "application__producer_id", "application__round_id",
    "application__product__name", "application__product__code",
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


def consolidate_session(
    session: Session, item_ids: Collection[int] | None = None, whole_items: bool = False
) -> dict[int, ItemResult]:
    """Every product of the session (or only those of `item_ids`, e.g. one page of the board).
    With `whole_items` (closing the session moves the dossiers) each item's dossier and producer
    are read whole, but for the large JSON no result reads."""
    items_query = SessionItem.objects.filter(session=session)
    rows = ScoreSheet.objects.filter(item__session=session, status=ScoreSheet.Status.SUBMITTED)
    if item_ids is not None:
        items_query, rows = items_query.filter(pk__in=item_ids), rows.filter(item_id__in=item_ids)
    if whole_items:
        items_query = items_query.select_related(
            "application__product", "application__producer"
        ).defer(*DEFERRED)
    else:
        items_query = items_query.select_related("application__product").only(*READ)
    items = {i.pk: i for i in items_query}
    sheets = {
        pk: sheet_for(i.application.rules, i.application.set_number) for pk, i in items.items()
    }
    blocked = set(
        Conflict.objects.blocking()
        .filter(member__council=session.council_id)
        .values_list("member_id", "product_id")
    )
    counted = counted_members(session)
    found: dict[int, list[Row]] = {pk: [] for pk in items}
    for sheet_id, item_id, member_id, record in rows.values_list(
        "id", "item_id", "member_id", "scored"
    ):
        product_id = items[item_id].application.product_id
        if (member_id, product_id) in blocked or (counted is not None and member_id not in counted):
            continue
        sheet = sheets[item_id]
        numbers = read_record(sheet, record) if sheet is not None else None
        found[item_id].append((member_id, sheet_id, numbers))
    outcomes = {pk: Outcome(i.outcome, i.outcome_reason) if i.outcome else None
                for pk, i in items.items()}  # fmt: skip
    _rescore_unfit(found, sheets, outcomes)
    spread_limit = session.council.spread_limit
    return {
        pk: _one(item, sheets[pk], found[pk], spread_limit, outcomes[pk])
        for pk, item in items.items()
    }


# (member id, sheet id, the numbers of its stored result or None when it has none that fits)
Row = tuple[int, int, tuple[int, ...] | None]


def _rescore_unfit(
    found: dict[int, list[Row]],
    sheets: Mapping[int, Sheet | None],
    outcomes: Mapping[int, Outcome | None],
) -> None:
    """Score the answers of the sheets whose stored result is missing or made for another sheet."""
    unfit = {sheet_id: item_id for item_id, rows in found.items() if sheets[item_id] is not None
             for _member, sheet_id, numbers in rows if numbers is None}  # fmt: skip
    if not unfit:
        return
    scored = {}
    for sheet_id, answers in ScoreSheet.objects.filter(pk__in=unfit).values_list("id", "answers"):
        item_id = unfit[sheet_id]
        sheet = sheets[item_id]
        assert sheet is not None
        scored[sheet_id] = read_record(sheet, sheet_record(score_sheet(sheet, answers,
                                                                       outcomes[item_id])))  # fmt: skip
    for item_id in set(unfit.values()):
        found[item_id] = [(m, s, scored.get(s, n)) for m, s, n in found[item_id]]


def _one(
    item: SessionItem,
    sheet: Sheet | None,
    rows: list[Row],
    spread_limit: int,
    outcome: Outcome | None,
) -> ItemResult:
    member_ids = [member_id for member_id, _sheet_id, _numbers in rows]
    if sheet is None:
        return ItemResult(item, None, member_ids, problem="rules")
    if not rows:
        return ItemResult(item, None, member_ids)
    records = [numbers for _m, _s, numbers in rows if numbers is not None]
    assert len(records) == len(rows)  # every sheet's stored result was read, or its answers scored
    sums = _criterion_sums_loader(sheet, [sheet_id for _m, sheet_id, _n in rows])
    result = aggregate_records(sheet, records, sums, spread_limit, outcome)
    return ItemResult(item, result, member_ids)


def _criterion_sums_loader(sheet: Sheet, sheet_ids: list[int]) -> Callable[[], dict[str, int]]:
    """Each criterion's sum over these sheets, read from their answers only when asked (the
    stored results keep the criteria with minima; hardly any reader wants the others)."""

    def load() -> dict[str, int]:
        answers = ScoreSheet.objects.filter(pk__in=sheet_ids).values_list("answers", flat=True)
        return criterion_sums(sheet, list(answers))

    return load
