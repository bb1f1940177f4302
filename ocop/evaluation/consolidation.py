"""Consolidating a session: every product's result from its counted, submitted sheets.

Read-only; the board, the results page, `session_close` and bench/bench_council.py use it.
`session_results` computes the numbers from plain rows (one query for the agenda, one for the
conflicts, one for the sheets); `consolidate_session` adds the agenda rows as model instances.
The engine does the arithmetic on each sheet's stored result (ScoreSheet.scored, written when it is submitted or revised), so the
answers are neither decoded nor scored again. A sheet without a stored result that fits its product
set (written before results were stored, or outside the services) is scored from its answers: one
more query, for those sheets only. Which sheets count: submitted ones, of members without a
blocking conflict on the product, and, unless the council's rules count absent members, of the
members present at the session.
"""

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from ocop.criteria.engine import (
    Columns,
    CouncilResult,
    Outcome,
    aggregate_records,
    criterion_sums,
    read_record,
    record_columns,
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
class Found:
    """One product's council result, from its counted sheets."""

    result: CouncilResult | None
    member_ids: list[int] = field(default_factory=list)
    problem: str = ""  # why the sheets could not be consolidated (a rule set not loadable…)


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
    """Every product of the session (or only those of `item_ids`, e.g. one page of the board),
    with its agenda row, the dossier's rule set, product set, stage and kind, and the product.
    With `whole_items` (closing the session moves the dossiers) the dossier and the producer are
    read whole, but for the large JSON no result reads."""
    query = SessionItem.objects.filter(session=session)
    if item_ids is not None:
        query = query.filter(pk__in=item_ids)
    if whole_items:
        query = query.select_related("application__product", "application__producer").defer(
            *DEFERRED
        )
    else:
        query = query.select_related("application__product").only(*READ)
    found = session_results(session, item_ids)
    none = Found(None)
    out = {}
    for item in query:
        # An item put on the agenda between the two reads has no sheets yet.
        one = found.get(item.pk, none)
        out[item.pk] = ItemResult(item, one.result, one.member_ids, one.problem)
    return out


def session_results(session: Session, item_ids: Collection[int] | None = None) -> dict[int, Found]:
    """Each product's result by agenda row id, from plain rows (no model instances)."""
    agenda = SessionItem.objects.filter(session=session)
    rows = ScoreSheet.objects.filter(item__session=session, status=ScoreSheet.Status.SUBMITTED)
    if item_ids is not None:
        agenda, rows = agenda.filter(pk__in=item_ids), rows.filter(item_id__in=item_ids)
    products: dict[int, int] = {}
    sheets: dict[int, Sheet | None] = {}
    outcomes: dict[int, Outcome | None] = {}
    for pk, outcome, reason, rules, set_number, product_id in agenda.values_list(
        "pk", "outcome", "outcome_reason", "application__rules", "application__set_number",
        "application__product_id",
    ):  # fmt: skip
        products[pk], sheets[pk] = product_id, sheet_for(rules, set_number)
        outcomes[pk] = Outcome(outcome, reason) if outcome else None
    blocked = set(
        Conflict.objects.blocking()
        .filter(member__council=session.council_id)
        .values_list("member_id", "product_id")
    )
    counted = counted_members(session)
    # Per agenda row, its counted sheets' members, ids and stored results (criteria.engine.
    # sheet_record), in three lists read as they are.
    found: dict[int, Rows] = {pk: ([], [], []) for pk in products}
    for sheet_id, item_id, member_id, record in rows.values_list(
        "id", "item_id", "member_id", "scored"
    ):
        if (member_id, products[item_id]) in blocked or (
            counted is not None and member_id not in counted
        ):
            continue
        members, ids, records = found[item_id]
        members.append(member_id)
        ids.append(sheet_id)
        records.append(record)
    columns = {pk: record_columns(sheet, found[pk][2])
               for pk, sheet in sheets.items() if sheet is not None and found[pk][0]}  # fmt: skip
    if None in columns.values():
        _rescore_unfit(found, sheets, outcomes, columns)
    spread_limit = session.council.spread_limit
    return {
        pk: _one(sheets[pk], found[pk], columns.get(pk), spread_limit, outcomes[pk])
        for pk in products
    }


Rows = tuple[list[int], list[int], list[str]]  # member ids, sheet ids, stored results


def _rescore_unfit(
    found: dict[int, Rows],
    sheets: Mapping[int, Sheet | None],
    outcomes: Mapping[int, Outcome | None],
    columns: dict[int, Columns | None],
) -> None:
    """Score the answers of the sheets whose stored result is missing or made for another sheet
    (one query for all of them), and read those products' columns again."""
    unfit: dict[int, int] = {}  # sheet id → agenda row id
    for pk, read in columns.items():
        sheet = sheets[pk]
        if read is None and sheet is not None:
            _members, ids, records = found[pk]
            unfit |= {s: pk for s, r in zip(ids, records, strict=True) if not read_record(sheet, r)}
    scored = {}
    for sheet_id, answers in ScoreSheet.objects.filter(pk__in=unfit).values_list("id", "answers"):
        pk = unfit[sheet_id]
        sheet = sheets[pk]
        assert sheet is not None
        scored[sheet_id] = sheet_record(score_sheet(sheet, answers, outcomes[pk]))
    for pk in set(unfit.values()):
        sheet = sheets[pk]
        assert sheet is not None
        _members, ids, records = found[pk]
        records[:] = [scored.get(s, r) for s, r in zip(ids, records, strict=True)]
        columns[pk] = record_columns(sheet, records)


def _one(
    sheet: Sheet | None,
    rows: Rows,
    columns: Columns | None,
    spread_limit: int,
    outcome: Outcome | None,
) -> Found:
    member_ids, sheet_ids, _records = rows
    if sheet is None:
        return Found(None, member_ids, problem="rules")
    if not member_ids:
        return Found(None, member_ids)
    assert columns is not None  # every sheet's stored result was read, or its answers scored
    sums = _criterion_sums_loader(sheet, sheet_ids)
    return Found(aggregate_records(sheet, columns, sums, spread_limit, outcome), member_ids)


def _criterion_sums_loader(sheet: Sheet, sheet_ids: list[int]) -> Callable[[], dict[str, int]]:
    """Each criterion's sum over these sheets, read from their answers only when asked (the
    stored results keep the criteria with minima; hardly any reader wants the others)."""

    def load() -> dict[str, int]:
        answers = ScoreSheet.objects.filter(pk__in=sheet_ids).values_list("answers", flat=True)
        return criterion_sums(sheet, list(answers))

    return load
