"""The scoring engine: one sheet's answers → totals, band, stars, minima (pure, no Django).

Rules (docs/criteria-engine.md): bands are half-open on the exact total or average; the awarded
class is the band lowered to the highest class whose minima all hold; below the 3★ minima the
product is not recognised. A council's result averages sheets exactly (Fraction).
"""

from __future__ import annotations

import itertools
import marshal
import operator
import re
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from typing import Any

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

    def __getattr__(self, name: str) -> Any:
        """`answers` (a copy, in the plan's order), `parts`, `held_back` and `failed_minima` of a
        sheet scored on the hot path, made on first read from the points kept at scoring (then
        kept). Called only for an attribute missing from the instance."""
        if name not in _LAZY or "_points" not in self.__dict__:
            raise AttributeError(name)
        known = self.__dict__
        plan = _plan(known["sheet"])
        points = known["_points"]  # in plan.codes order
        if name == "answers":
            known["answers"] = dict(zip(plan.codes, points, strict=True))
        elif name == "parts":
            known["parts"] = {code: sum(points[start:stop]) for code, start, stop in plan.spans}
        else:
            band = known["band_stars"]
            held_back: dict[int, list[str]] = {}
            if band >= 3 and known["stars"] < band:
                _stars, held_back = _award_points(plan, band, self.answers)
            known["held_back"] = held_back
            # Minima only rise with the class: the top held-back class lists every failing one.
            known["failed_minima"] = list(held_back[band]) if held_back else []
        return known[name]


_LAZY = frozenset({"answers", "parts", "held_back", "failed_minima"})


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
    try:
        plan = sheet._engine_plan  # type: ignore[attr-defined]  # _plan() keeps it there
    except AttributeError:
        plan = _plan(sheet)
    # Fast check, all in C: the points of every criterion in the plan's order (KeyError if one is
    # missing; nothing else answered since the counts agree), written by marshal (each a type code
    # and its value, _MARSHAL) and matched position by position against the allowed levels: a
    # match means every answer is a plain int at an allowed level. Only a plain dict: looking up
    # a subclass's keys may run its code (a defaultdict adds the missing ones). Otherwise, or on
    # any mismatch, the slow walk names the first fault.
    try:
        if type(answers) is not dict or len(answers) != plan.size:
            raise KeyError
        points = plan.points(answers)
        row = _dumps(points, _MARSHAL)
    except Exception:  # whatever fails here (a missing key, an unmarshallable value…)
        row = b""
    match = plan.row_match(row)
    if match is not None:
        total = sum(points)
        # The pattern's last group matched says up to which class the minima hold (_row_pattern).
        held = match.lastindex or 0
        band, stars, recognised = _AWARD[total][held] if total <= 100 else _band_stars(total, held)
    else:
        _raise_first_fault(sheet, answers)  # returns only if the answers are valid after all
        points = plan.points(answers)
        total = sum(points)
        band = band_for(total)
        stars = _award_points(plan, band, answers)[0] if band >= 3 else band
        recognised = stars >= 3
    # The hot path builds the frozen result in one step instead of ten object.__setattr__ calls;
    # the points per part and the criteria holding the class back are made when first read
    # (SheetResult.__getattr__), and `outcome` is the class's default (None).
    result = _new(SheetResult)
    _set(result, "__dict__", {
        "sheet": sheet, "total": total, "band_stars": band, "stars": stars,
        "recognised": recognised, "_points": points,
    })  # fmt: skip
    return result


_new, _set = object.__new__, object.__setattr__


def _band_stars(total: int, held: int) -> tuple[int, int, bool]:
    """The band, the stars and whether recognised, of a sheet's total whose minima hold up to
    class 2 + held (held 0: not even 3★'s; the minima rise with the class)."""
    band = band_for(total)
    stars = band if band < 3 else min(band, 2 + held)
    return band, stars, stars >= 3


# _band_stars() of every whole total from 0 to 100 and every `held`, for the hot path.
_AWARD = tuple(tuple(_band_stars(total, held) for held in range(4)) for total in range(101))


_Points = Callable[[Mapping[str, int]], tuple[int, ...]]
_Match = Callable[[bytes], re.Match[bytes] | None]


def _no_match(row: object) -> None:
    return None


# The fast check's row: the points in the plan's order as marshal writes a tuple in format
# version 2, the last without references to objects already written (version 3 on writes a
# repeated small int as a reference to its first place): b"(", how many on 4 bytes (little-endian),
# then each point as its type code and value. A plain int 0…255 is b"i", that byte, b"\0\0\0";
# True, False, floats, strings, other ints (negative, above 255, beyond 32 bits: b"l") are written
# otherwise, int subclasses not at all (ValueError). _MARSHAL_FITS checks this at import.
_MARSHAL = 2
_dumps = marshal.dumps
_HEAD = 5  # b"(" and the count
_ITEM = 5  # b"i" and 4 bytes


def _marshal_fits() -> bool:
    """Whether this Python's marshal writes the row as the patterns read it (checked at import;
    otherwise every sheet takes the slow walk): every plain int 0…255 as b"i" + byte + 3 zeros,
    and none of the look-alikes an answer may hold (True, 1.0, "1", -1, 256, 2**31, an int
    subclass…) as something that pattern would take."""

    class Subclass(int):
        pass

    one = re.compile(rb"\(\x01\x00\x00\x00i[\x00-\xff]\x00\x00\x00", re.DOTALL).fullmatch
    expected = b"(" + (256).to_bytes(4, "little")
    expected += b"".join(b"i" + bytes([p]) + b"\0\0\0" for p in range(256))
    lookalikes = (True, False, 0.0, 1.0, "1", b"\x01", None, -1, 256, 2**31, 2**40, (1,), [1])
    try:
        ints = _dumps(tuple(range(256)), _MARSHAL)
        rows = [_dumps((value,), _MARSHAL) for value in lookalikes]
    except ValueError:
        return False
    try:
        subclass = one(_dumps((Subclass(1),), _MARSHAL))
    except ValueError:
        subclass = None
    return ints == expected and subclass is None and not any(map(one, rows))


_MARSHAL_FITS = _marshal_fits()


def _level_class(allowed: Sequence[int] | set[int] | frozenset[int]) -> bytes:
    """A pattern of one byte among these points (matching nothing for none)."""
    if not allowed:
        return b"(?!)"
    return b"[" + b"".join(re.escape(bytes([p])) for p in sorted(allowed)) + b"]"


def _row_pattern(criteria: Sequence[Criterion]) -> _Match:
    """The fullmatch of the rows (above) whose i-th point is a plain int allowed for criteria[i].
    Its groups say which classes' minima hold: ahead of the row, one empty group per class 3, 4, 5,
    each matched only if its minima and those of the classes below hold (minima rise with the
    class), so the match's lastindex is 1 up to 3★, 2 up to 4★, 3 up to 5★, None below 3★.
    Points above 255 never match (the slow walk takes them), nor does any row if marshal does not
    fit or if some minima do not rise with the class."""
    levels = [c.allowed_set for c in criteria]
    if (
        not _MARSHAL_FITS
        or any(not 0 <= p <= 255 for allowed in levels for p in allowed)
        or any(not c.minima[0] <= c.minima[1] <= c.minima[2] for c in criteria)
    ):
        return _no_match
    classes = b""
    for stars in (5, 4, 3):  # nested: 3★'s group holds 4★'s, which holds 5★'s
        reaching = _minima_pattern([_reaching(c, stars) for c in criteria])
        classes = b"(?:(?=" + reaching + b")()" + classes + b")?"
    head = re.escape(b"(" + len(levels).to_bytes(4, "little"))
    items = (b"i" + _level_class(allowed) + b"\x00\x00\x00" for allowed in levels)
    return re.compile(classes + head + b"".join(items), re.DOTALL).fullmatch


def _minima_pattern(levels: Sequence[set[int] | None]) -> bytes:
    """A pattern of the rows' start, on those the whole pattern takes, whose i-th point is among
    levels[i] (None: any allowed one): it reads only the points' bytes, up to the last it checks."""
    parts, at = [], 0
    for i, allowed in enumerate(levels):
        if allowed is None:
            continue
        offset = _HEAD + i * _ITEM + 1
        parts.append(b".{%d}" % (offset - at) + _level_class(allowed))
        at = offset + 1
    return b"".join(parts)


@dataclass(frozen=True)
class _Plan:
    """What scoring one sheet needs, laid out for a tight loop: computed once per sheet."""

    # The criteria ordered by part: their codes, a function answers → their points (KeyError if
    # one is missing), and each part's (code, start, stop) in that order.
    codes: tuple[str, ...]
    points: _Points
    spans: tuple[tuple[str, int, int], ...]
    # Per class 3, 4, 5: the codes of the marked criteria with a minimum > 0, their minima and
    # a function answers → their points.
    minima: Mapping[int, tuple[tuple[str, ...], tuple[int, ...], _Points]]
    # What a stored sheet record holds (sheet_record): its first word, naming the rule set, the
    # product set and a checksum of the layout below; how many numbers and characters; then the
    # total, the points of each part (these codes) and of each criterion with a minimum for some
    # class (these).
    record_key: str = ""
    record_fields: int = 0
    record_length: int = 0
    total_unit: int = 1  # a record's value // total_unit is its total (the first field)
    record_pattern: Callable[[str], object] = _no_match  # fullmatch of a whole record
    part_codes: tuple[str, ...] = ()
    sheet_codes: tuple[str, ...] = ()  # every criterion, in sheet order
    minima_codes: tuple[str, ...] = ()
    # How many criteria; the matcher of the rows (marshal's, of the points in `codes` order: see
    # _MARSHAL) at allowed levels, telling up to which class the minima hold (_row_pattern).
    size: int = 0
    row_match: _Match = _no_match


def _plan(sheet: Sheet) -> _Plan:
    """The sheet's plan, made on first use and kept on the sheet itself (an attribute outside its
    fields: not compared, not in its repr; one attribute read on the hot path). Rule sets are
    loaded once per process (load_rule_set is cached), so a few dozen sheets carry one."""
    try:
        return sheet._engine_plan  # type: ignore[attr-defined, no-any-return]
    except AttributeError:
        pass
    by_part = [[c for c in sheet.criteria if c.part == p.code] for p in sheet.parts]
    ordered = [c for criteria in by_part for c in criteria]
    stops = list(itertools.accumulate(len(criteria) for criteria in by_part))
    plan = _Plan(
        codes=tuple(c.code for c in ordered),
        points=_getter([c.code for c in ordered]),
        spans=tuple(
            (p.code, stop - len(criteria), stop)
            for p, criteria, stop in zip(sheet.parts, by_part, stops, strict=True)
        ),
        minima={stars: _minima(sheet, stars) for stars in (3, 4, 5)},
        record_key=_record_key(sheet),
        record_fields=(fields := 1 + len(sheet.parts) + len(sheet.marked)),
        record_length=len(_record_key(sheet)) + 1 + fields * (FIELD + 1) - 1,
        total_unit=10 ** (FIELD * (fields - 1)),
        record_pattern=re.compile(
            re.escape(_record_key(sheet))
            + rf" [0-9]{{{FIELD}}}(?:_[0-9]{{{FIELD}}}){{{fields - 1}}}"
        ).fullmatch,
        part_codes=tuple(p.code for p in sheet.parts),
        sheet_codes=tuple(c.code for c in sheet.criteria),
        minima_codes=tuple(c.code for c in sheet.marked),
        size=len(ordered),
        row_match=_row_pattern(ordered),
    )
    object.__setattr__(sheet, "_engine_plan", plan)  # the sheet is frozen
    return plan


def _reaching(criterion: Criterion, stars: int) -> set[int] | None:
    """The allowed points that reach the criterion's minimum for the class; None without one."""
    least = criterion.minima[stars - 3]
    return {p for p in criterion.allowed_set if p >= least} if least > 0 else None


def _award_points(
    plan: _Plan, band: int, answers: Mapping[str, int], scale: int = 1
) -> tuple[int, dict[int, list[str]]]:
    """award() on whole numbers, on the precomputed minima (band >= 3): one sheet's answers, or
    a council's sums over `scale` sheets (checked against minimum × scale).

    A criterion without a minimum for a class can never fail it (points are never negative), and
    minima only rise with the class, so walking down from the band stops at the first class that
    holds: the classes above it are exactly the held-back ones.
    """
    held_back: dict[int, list[str]] = {}
    for stars in range(band, 2, -1):
        codes, least, points = plan.minima[stars]
        if scale != 1:
            least = tuple(m * scale for m in least)
        if not any(map(operator.lt, points(answers), least)):
            break
        held_back[stars] = [c for c, m in zip(codes, least, strict=True) if answers[c] < m]
    else:
        stars = 2
    return stars, dict(reversed(held_back.items()))


def _minima(sheet: Sheet, stars: int) -> tuple[tuple[str, ...], tuple[int, ...], _Points]:
    pairs = [(c.code, c.minima[stars - 3]) for c in sheet.marked if c.minima[stars - 3] > 0]
    codes = tuple(code for code, _ in pairs)
    return codes, tuple(least for _, least in pairs), _getter(list(codes))


def _getter(codes: list[str]) -> _Points:
    """itemgetter returns a bare value for one key and fails on none: always give a tuple."""
    if not codes:
        return lambda answers: ()
    if len(codes) == 1:
        return lambda answers: (answers[codes[0]],)
    return operator.itemgetter(*codes)


def _raise_first_fault(sheet: Sheet, answers: Mapping[str, int]) -> None:
    """The first missing or disallowed answer in sheet order, else the first unknown code."""
    for criterion in sheet.criteria:
        points = answers.get(criterion.code)
        if points is None:
            raise AnswerError("answer.missing", criterion.code)
        if points not in criterion.allowed_set or type(points) is not int:
            raise not_allowed(criterion, points)
    if len(answers) != len(sheet.criteria):
        _raise_unknown(sheet, answers)
    # Valid after all (levels above 255, minima not rising with the class, a Mapping that is not
    # a dict: what the fast check leaves to this walk): the caller goes on.


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
    plan = _plan(sheet)
    sums = _criterion_sums(sheet, plan, results)
    outcomes = sorted({r.outcome for r in results if r.outcome}, key=lambda o: (o.kind, o.reason))
    return _council(
        sheet, plan, [r.total for r in results],
        {p.code: sum(r.parts[p.code] for r in results) for p in sheet.parts},
        sums, lambda: sums, spread_limit, outcomes[0] if outcomes else None,
    )  # fmt: skip


def _record_key(sheet: Sheet) -> str:
    layout = ",".join(p.code for p in sheet.parts) + ";" + ",".join(c.code for c in sheet.marked)
    return f"{sheet.rules}/{sheet.set}/{zlib.crc32(layout.encode()):08x}"


# A stored record's numbers: fixed-width fields of FIELD digits joined by "_" (which int()
# accepts between digits), so that one int() reads a record and adding records adds every field
# at once, without carries while a field's sum stays below 10 ** FIELD (1,000 sheets of 100).
FIELD = 5
_FIELD_UNIT = 10**FIELD


def sheet_record(result: SheetResult) -> str:
    """What a submitted sheet stores so that a council's result never scores it again: one line,
    "<rules>/<set>/<layout checksum> <total>_<points of each part…>_<points of each criterion
    with a minimum…>" (the inputs of the council's band and minima), each number on FIELD digits.
    Read back by read_record and record_columns."""
    plan = _plan(result.sheet)
    numbers = [
        result.total,
        *(result.parts[code] for code in plan.part_codes),
        *(result.answers.get(code, 0) for code in plan.minima_codes),
    ]
    if not all(0 <= n < _FIELD_UNIT for n in numbers):
        raise ValueError("points out of the record's range")
    return plan.record_key + " " + "_".join(f"{n:0{FIELD}d}" for n in numbers)


def read_record(sheet: Sheet, record: object) -> tuple[int, ...] | None:
    """The numbers of a stored record made for this sheet; None for none, or one made for another
    rule set, product set or layout of parts and minima (then score the answers again)."""
    plan = _plan(sheet)
    if not (isinstance(record, str) and len(record) == plan.record_length
            and record.startswith(plan.record_key + " ")):  # fmt: skip
        return None
    fields = record[len(plan.record_key) + 1 :].split("_")
    if not all(len(f) == FIELD and f.isdigit() and f.isascii() for f in fields):
        return None
    return tuple(map(int, fields))


Columns = tuple[list[int], list[int]]  # each record's total; the sums of every field


def record_columns(sheet: Sheet, records: Sequence[object]) -> Columns | None:
    """Stored records of this sheet (sheet_record) read together: each one's total, and the sums
    of every field (the totals, each part's points, each minimum's); None when one is not a
    record made for this sheet (find which with read_record). One int() per record."""
    plan = _plan(sheet)
    fits, start, unit = plan.record_pattern, len(plan.record_key) + 1, plan.total_unit
    totals, packed = [], 0
    try:
        for record in records:
            # The key, then exactly FIELD ASCII digits between the separators (int() alone would
            # also take "+1" or " 1").
            if fits(record) is None:  # type: ignore[arg-type]  # TypeError if not a string
                return None
            value = int(record[start:])  # type: ignore[index]
            totals.append(value // unit)
            packed += value
    except TypeError:
        return None
    sums = []
    for _field in range(plan.record_fields):
        packed, field_sum = divmod(packed, _FIELD_UNIT)
        sums.append(field_sum)
    sums.reverse()
    return totals, sums


def aggregate_records(
    sheet: Sheet,
    read: tuple[Sequence[int], Sequence[int]],
    criterion_sums: Callable[[], Mapping[str, int]],
    spread_limit: int = 10,
    outcome: Outcome | None = None,
) -> CouncilResult:
    """aggregate() from stored sheet records (as record_columns reads them: the totals and the
    field sums), with the same result as scoring the sheets again: `outcome` is the one every
    sheet ended with, and `criterion_sums` gives each criterion's sum over the sheets (0 where a
    sheet has none) when criterion_averages is first read: the records keep only the criteria
    with minima."""
    totals, sums = read
    if not totals:
        raise ValueError("no sheets to aggregate")
    if len(totals) * 100 >= _FIELD_UNIT:
        raise ValueError("too many sheets for the record's fields")
    plan = _plan(sheet)
    parts_end = 1 + len(plan.part_codes)  # fields: the total, the parts, the minima
    parts = dict(zip(plan.part_codes, sums[1:parts_end], strict=True))
    minima = dict(zip(plan.minima_codes, sums[parts_end:], strict=True))
    return _council(sheet, plan, totals, parts, minima, criterion_sums, spread_limit, outcome)


def _council(
    sheet: Sheet, plan: _Plan, totals: Sequence[int], part_sums: Mapping[str, int],
    minima_sums: Mapping[str, int], criterion_sums: Callable[[], Mapping[str, int]],
    spread_limit: int, outcome: Outcome | None,
) -> CouncilResult:  # fmt: skip
    count, total = len(totals), sum(totals)
    band: int | None = None
    stars: int | None = None
    held_back: dict[int, list[str]] = {}
    if outcome is None:
        # band_for(total / count) on whole numbers: average >= lowest  ⇔  total >= lowest × count.
        band = 1
        for stars_of_band, lowest in BANDS:  # the first band whose lowest total is reached
            if total >= lowest * count:
                band = stars_of_band
                break
        stars = min(band, 2)
        if band >= 3:
            # average < minimum  ⇔  sum < minimum × count: whole numbers, no Fraction compared.
            stars, held_back = _award_points(plan, band, minima_sums, count)
    lowest, highest = min(totals), max(totals)
    result = object.__new__(CouncilResult)
    result.__dict__.update(
        sheet=sheet,
        sheet_count=count,
        average=Fraction(total, count),
        part_averages=_Averages(tuple(part_sums), lambda: part_sums, count),
        criterion_averages=_Averages(plan.sheet_codes, criterion_sums, count),
        lowest=lowest,
        highest=highest,
        spread=highest - lowest,
        spread_limit=spread_limit,
        spread_exceeded=highest - lowest > spread_limit,
        band_stars=band,
        stars=stars,
        recognised=stars is not None and stars >= 3,
        held_back=held_back,
        failed_minima=list(held_back[band]) if held_back and band else [],
        outcome=outcome,
    )
    return result


class _Averages(Mapping[str, Fraction]):
    """Each part's or criterion's exact average, made on reading: most readers look at a few, not
    all, and a council's stored records do not hold the criteria's sums (loaded on first read)."""

    def __init__(
        self, codes: Sequence[str], sums: Callable[[], Mapping[str, int]], count: int
    ) -> None:
        self._codes, self._load, self._count = codes, sums, count
        self._sums: Mapping[str, int] | None = None

    def __getitem__(self, code: str) -> Fraction:
        if self._sums is None:
            self._sums = self._load()
        return Fraction(self._sums[code], self._count)

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return repr(dict(self))


def _criterion_sums(sheet: Sheet, plan: _Plan, results: Sequence[SheetResult]) -> dict[str, int]:
    """Per criterion, the sum of the members' points (0 where a sheet ended before it)."""
    return criterion_sums(sheet, [r.answers for r in results])


def criterion_sums(sheet: Sheet, answers: Sequence[Mapping[str, int]]) -> dict[str, int]:
    """Per criterion, the sum of these answers' points (0 where one has none)."""
    plan = _plan(sheet)
    try:
        columns = zip(*[plan.points(a) for a in answers], strict=True)
    except KeyError:
        return {c.code: sum(a.get(c.code, 0) for a in answers) for c in sheet.criteria}
    return dict(zip(plan.codes, map(sum, columns), strict=True))


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
