"""The scoring engine: one sheet's answers → totals, band, stars, minima (pure, no Django).

Rules (docs/criteria-engine.md): bands are half-open on the exact total or average; the awarded
class is the band lowered to the highest class whose minima all hold; below the 3★ minima the
product is not recognised. A council's result averages sheets exactly (Fraction).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from ocop.core.messages import MessageError
from ocop.criteria.rules import Criterion, Sheet

# Same in every rule set (DOMAIN.md §2): (stars, lowest total), highest first.
BANDS: tuple[tuple[int, int], ...] = ((5, 90), (4, 70), (3, 50), (2, 30), (1, 0))
BAND_MIN: Mapping[int, int] = dict(BANDS)
OUTCOME_KINDS = frozenset({"reject", "stop", "not_evaluated"})


class AnswerError(MessageError):
    """Answers that do not fit the sheet: a message code (worded in criteria.messages) and the
    criterion it names."""

    def __init__(self, code: str, criterion: str = "", **params: object) -> None:
        self.criterion = criterion
        super().__init__(code, criterion=criterion, **params)


@dataclass(frozen=True)
class Outcome:
    """An evaluation ended by a rule outside the points (rejected dossier, scoring stopped…)."""

    kind: str
    reason: str


@dataclass(frozen=True)
class SheetResult:
    sheet: Sheet = field(repr=False, compare=False)
    answers: Mapping[str, int]
    parts: Mapping[str, int]
    total: int
    band_stars: int | None
    stars: int | None
    recognised: bool
    held_back: Mapping[int, list[str]] = field(default_factory=dict)
    failed_minima: list[str] = field(default_factory=list)
    outcome: Outcome | None = None

    @property
    def rules(self) -> str:
        return self.sheet.rules

    @property
    def set(self) -> int:
        return self.sheet.set


@dataclass(frozen=True)
class CouncilResult:
    sheet: Sheet = field(repr=False, compare=False)
    sheet_count: int
    average: Fraction
    part_averages: Mapping[str, Fraction]
    criterion_averages: Mapping[str, Fraction]
    lowest: int
    highest: int
    spread: int
    spread_limit: int
    spread_exceeded: bool
    band_stars: int | None
    stars: int | None
    recognised: bool
    held_back: Mapping[int, list[str]] = field(default_factory=dict)
    failed_minima: list[str] = field(default_factory=list)
    outcome: Outcome | None = None

    @property
    def rules(self) -> str:
        return self.sheet.rules

    @property
    def set(self) -> int:
        return self.sheet.set

    @property
    def average_display(self) -> Decimal:
        return display_score(self.average)


def display_score(value: Fraction | int) -> Decimal:
    """Two decimals, truncated toward zero: 89.999 shows 89.99, never a rounded-up 90.00."""
    exact = Fraction(value)
    hundredths = exact.numerator * 100 // exact.denominator
    return (Decimal(hundredths) / 100).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def band_for(total: Fraction | int) -> int:
    """Half-open bands on the exact value: 89.99… is 4★, 90 is 5★."""
    for stars, lowest in BANDS:
        if total >= lowest:
            return stars
    return 1


def score_sheet(
    sheet: Sheet, answers: Mapping[str, int], outcome: Outcome | None = None
) -> SheetResult:
    """Score one evaluator's sheet. With an `outcome`, scoring ended early: no band, no stars."""
    if outcome is not None:
        return _ended(sheet, answers, outcome)
    parts = dict.fromkeys((p.code for p in sheet.parts), 0)
    for criterion in sheet.criteria:
        points = answers.get(criterion.code)
        if points is None:
            raise AnswerError("answer.missing", criterion.code)
        if points not in criterion.allowed_set or type(points) is not int:
            raise not_allowed(criterion, points)
        parts[criterion.part] += points
    if len(answers) != len(sheet.criteria):
        _raise_unknown(sheet, answers)
    total = sum(parts.values())
    band = band_for(total)
    stars, held_back = award(sheet, band, lambda c: answers[c.code])
    return SheetResult(
        sheet=sheet,
        answers=dict(answers),
        parts=parts,
        total=total,
        band_stars=band,
        stars=stars,
        recognised=stars >= 3,
        held_back=held_back,
        failed_minima=_union(sheet, held_back),
    )


def aggregate(results: Sequence[SheetResult], spread_limit: int = 10) -> CouncilResult:
    """A council's result: exact average of the members' sheets; minima on average points.

    A sheet ended by an outcome (rejected, stopped) ends the council's result too; when several
    differ, the first by (kind, reason) is reported so that input order never matters.
    """
    if not results:
        raise ValueError("no sheets to aggregate")
    sheet = results[0].sheet
    if any(r.sheet is not sheet for r in results):
        raise ValueError("sheets of different rule sets or product sets")
    count = len(results)
    totals = [r.total for r in results]
    averages = {
        c.code: Fraction(sum(r.answers.get(c.code, 0) for r in results), count)
        for c in sheet.criteria
    }
    average = Fraction(sum(totals), count)
    outcomes = sorted({r.outcome for r in results if r.outcome}, key=lambda o: (o.kind, o.reason))
    band: int | None = None
    stars: int | None = None
    held_back: dict[int, list[str]] = {}
    if not outcomes:
        band = band_for(average)
        stars, held_back = award(sheet, band, lambda c: averages[c.code])
    return CouncilResult(
        sheet=sheet,
        sheet_count=count,
        average=average,
        part_averages={
            p.code: Fraction(sum(r.parts[p.code] for r in results), count) for p in sheet.parts
        },
        criterion_averages=averages,
        lowest=min(totals),
        highest=max(totals),
        spread=max(totals) - min(totals),
        spread_limit=spread_limit,
        spread_exceeded=max(totals) - min(totals) > spread_limit,
        band_stars=band,
        stars=stars,
        recognised=stars is not None and stars >= 3,
        held_back=held_back,
        failed_minima=_union(sheet, held_back),
        outcome=outcomes[0] if outcomes else None,
    )


def award(
    sheet: Sheet, band: int, points_of: Callable[[Criterion], Fraction | int]
) -> tuple[int, dict[int, list[str]]]:
    """Lower the band to the highest class whose minima all hold; list who held it back.

    Minima only rise with the class, so the classes above the awarded one are exactly those
    with a failing criterion.
    """
    failing: dict[int, list[str]] = {}
    for stars in range(3, band + 1):
        failing[stars] = [c.code for c in sheet.marked if points_of(c) < c.minima[stars - 3]]
    awarded = min(band, 2)
    for stars in range(band, 2, -1):
        if not failing[stars]:
            awarded = stars
            break
    held_back = {s: failing[s] for s in range(awarded + 1, band + 1)}
    return awarded, held_back


def not_allowed(criterion: Criterion, points: object) -> AnswerError:
    levels = ", ".join(str(p) for p in criterion.allowed)
    return AnswerError("answer.not_allowed", criterion.code, points=points, levels=levels)


def _raise_unknown(sheet: Sheet, answers: Mapping[str, int]) -> None:
    unknown = sorted(code for code in answers if code not in sheet.index)
    raise AnswerError("answer.unknown_criterion", unknown[0], set=sheet.set)


def _union(sheet: Sheet, held_back: Mapping[int, list[str]]) -> list[str]:
    codes = {code for codes in held_back.values() for code in codes}
    return sorted(codes, key=sheet.index.__getitem__)


def _ended(sheet: Sheet, answers: Mapping[str, int], outcome: Outcome) -> SheetResult:
    """Points entered before the stop are kept for the record; they earn no class."""
    if outcome.kind not in OUTCOME_KINDS:
        raise AnswerError("answer.bad_outcome", kind=repr(outcome.kind))
    parts = dict.fromkeys((p.code for p in sheet.parts), 0)
    for code, points in answers.items():
        if code not in sheet.index:
            _raise_unknown(sheet, answers)
        criterion = sheet.criterion(code)
        if points not in criterion.allowed_set or type(points) is not int:
            raise not_allowed(criterion, points)
        parts[criterion.part] += points
    return SheetResult(
        sheet=sheet,
        answers=dict(answers),
        parts=parts,
        total=sum(parts.values()),
        band_stars=None,
        stars=None,
        recognised=False,
        outcome=outcome,
    )
