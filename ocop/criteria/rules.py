"""Rule sets as data: frozen dataclasses and a validating TOML loader (no Django).

The format is docs/criteria-format.md. Everything the scoring engine needs per criterion (allowed
points, the minimum for 3★/4★/5★) is computed here once, so scoring never re-reads the structure.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocop.criteria.checks import (
    MARKERS,
    CriteriaDataError,
    check_options,
    check_sums,
    read_toml,
    strings,
    table_list,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
CLASSES = (3, 4, 5)
RULE_TEXT_KINDS = frozenset({"reject", "stop", "not_evaluated", "requirement", "note"})


@dataclass(frozen=True)
class Part:
    code: str
    name: str
    max: int


@dataclass(frozen=True)
class Band:
    stars: int
    min: int


@dataclass(frozen=True)
class ProductType:
    code: str
    name: str


@dataclass(frozen=True)
class ProductGroup:
    code: str
    type: str
    name: str
    ministries: tuple[str, ...]


@dataclass(frozen=True)
class ProductSet:
    """One entry of the classification table; `number` is the stable key."""

    number: int
    code: str
    name: str
    type: str
    group: str
    ministries: tuple[str, ...]


@dataclass(frozen=True)
class Option:
    text: str
    points: int
    marker: int


@dataclass(frozen=True)
class RuleText:
    kind: str
    text: str
    criterion: str


@dataclass(frozen=True)
class Correction:
    criterion: str
    what: str
    why: str


@dataclass(frozen=True)
class Criterion:
    code: str
    group: int
    part: str
    text: str
    max: int
    marker: int
    yes_no: bool
    options: tuple[Option, ...]
    # Precomputed: every score an evaluator may give (0 = "no option met"), ascending.
    allowed: tuple[int, ...]
    allowed_set: frozenset[int]
    # Minimum points for class 3, 4, 5 (index 0, 1, 2); 0 = no requirement.
    minima: tuple[int, int, int]

    def minimum(self, stars: int) -> int:
        return self.minima[stars - 3] if stars in CLASSES else 0

    def option_for(self, points: int) -> Option | None:
        return next((o for o in self.options if o.points == points), None)


@dataclass(frozen=True)
class Group:
    number: int
    part: str
    name: str
    max: int


@dataclass(frozen=True)
class Sheet:
    rules: str
    set: int
    name: str
    rules_text: tuple[RuleText, ...]
    groups: tuple[Group, ...]
    criteria: tuple[Criterion, ...]
    corrections: tuple[Correction, ...]
    parts: tuple[Part, ...]
    # Precomputed lookups for the engine.
    index: Mapping[str, int] = field(compare=False)
    marked: tuple[Criterion, ...] = field(compare=False)
    # Why the sheet cannot be fully trusted (a repair without a source), shown wherever it is used.
    provisional: str = ""

    def criterion(self, code: str) -> Criterion:
        return self.criteria[self.index[code]]


@dataclass(frozen=True)
class RuleSet:
    code: str
    name: str
    decision: str
    decision_date: str
    in_force_from: str
    in_force_until: str
    parts: tuple[Part, ...]
    bands: tuple[Band, ...]
    has_sheets: bool
    types: tuple[ProductType, ...]
    groups: tuple[ProductGroup, ...]
    sets: tuple[ProductSet, ...]
    sheets: Mapping[int, Sheet] = field(compare=False)

    def product_set(self, number: int) -> ProductSet | None:
        return next((s for s in self.sets if s.number == number), None)


def compute_minima(
    options: tuple[Option, ...], marker: int, max_points: int
) -> tuple[int, int, int]:
    """The asterisk rule: for class N, the highest points among options marked N or lower.

    A marker on the criterion itself makes its lowest option with points > 0 the minimum for every
    class from the marker up (for a yes/no criterion that is its maximum).
    """
    positive = [o.points for o in options if o.points > 0] or [max_points]
    result = []
    for stars in CLASSES:
        needed = max((o.points for o in options if 0 < o.marker <= stars), default=0)
        if 0 < marker <= stars:
            needed = max(needed, min(positive))
        result.append(needed)
    return (result[0], result[1], result[2])


def load_all() -> tuple[RuleSet, ...]:
    """Every rule set under data/, newest decision first."""
    sets = [load_rule_set(code) for code in sorted(rule_set_codes())]
    return tuple(sorted(sets, key=lambda r: r.decision_date, reverse=True))


def rule_set_codes() -> frozenset[str]:
    """The codes of the rule sets under data/: the only values a code from outside may take."""
    return _codes_in(DATA_DIR)


@functools.cache
def _codes_in(folder: Path) -> frozenset[str]:
    return frozenset(p.name for p in folder.iterdir() if (p / "ruleset.toml").is_file())


@functools.cache
def load_rule_set(code: str) -> RuleSet:
    """KeyError for a code that is not a rule set folder, checked before any path is built from
    it, so "../x" reads nothing and the cache holds at most one entry per rule set (a raising
    call is not cached)."""
    if code not in rule_set_codes():
        raise KeyError(code)
    return read_rule_set(DATA_DIR / code)


def read_rule_set(folder: Path) -> RuleSet:
    """Read and validate one rule set folder (uncached; tests call it on fixtures)."""
    head_file = folder / "ruleset.toml"
    head = read_toml(head_file)
    if str(head.get("code", "")) != folder.name:
        raise CriteriaDataError(
            head_file, "", f"code {head.get('code')!r} differs from the folder name"
        )
    parts = tuple(
        Part(str(p["code"]), str(p["name"]), int(p["max"])) for p in table_list(head, "parts")
    )
    if sum(p.max for p in parts) != 100:
        raise CriteriaDataError(
            head_file, "", f"parts add up to {sum(p.max for p in parts)}, not 100"
        )
    bands = tuple(Band(int(b["stars"]), int(b["min"])) for b in table_list(head, "bands"))
    has_sheets = bool(head.get("has_sheets", False))
    types, groups, product_sets = _read_classification(folder, has_sheets)
    sheets = {}
    if has_sheets:
        for product_set in product_sets:
            path = folder / f"set-{product_set.number:02d}.toml"
            if not path.is_file():
                raise CriteriaDataError(path, "", "sheet file missing for a classified set")
            sheet = read_sheet(path, str(head["code"]), parts)
            if sheet.set != product_set.number:
                raise CriteriaDataError(
                    path, "", f"set is {sheet.set}, expected {product_set.number}"
                )
            sheets[product_set.number] = sheet
    return RuleSet(
        code=str(head["code"]),
        name=str(head["name"]),
        decision=str(head.get("decision", "")),
        decision_date=str(head.get("decision_date", "")),
        in_force_from=str(head.get("in_force_from", "")),
        in_force_until=str(head.get("in_force_until", "")),
        parts=parts,
        bands=tuple(sorted(bands, key=lambda b: b.min, reverse=True)),
        has_sheets=has_sheets,
        types=types,
        groups=groups,
        sets=product_sets,
        sheets=sheets,
    )


def _read_classification(
    folder: Path, has_sheets: bool
) -> tuple[tuple[ProductType, ...], tuple[ProductGroup, ...], tuple[ProductSet, ...]]:
    path = folder / "classification.toml"
    if not path.is_file():
        if has_sheets:
            raise CriteriaDataError(path, "", "classification.toml missing")
        return (), (), ()
    data = read_toml(path)
    types = tuple(ProductType(str(t["code"]), str(t["name"])) for t in table_list(data, "types"))
    groups = tuple(
        ProductGroup(str(g["code"]), str(g["type"]), str(g["name"]), strings(g.get("ministries")))
        for g in table_list(data, "groups")
    )
    sets = tuple(
        ProductSet(
            number=int(s["number"]),
            code=str(s["code"]),
            name=str(s["name"]),
            type=str(s["type"]),
            group=str(s.get("group", "")),
            ministries=strings(s.get("ministries")),
        )
        for s in table_list(data, "sets")
    )
    numbers = [s.number for s in sets]
    if len(set(numbers)) != len(numbers):
        raise CriteriaDataError(path, "", "set numbers are not unique")
    return types, groups, tuple(sorted(sets, key=lambda s: s.number))


def read_sheet(path: Path, rules: str, parts: tuple[Part, ...]) -> Sheet:
    """Read one set-NN.toml and check every invariant of docs/criteria-format.md."""
    data = read_toml(path)
    if str(data.get("rules", "")) != rules:
        raise CriteriaDataError(path, "", f"rules is {data.get('rules')!r}, expected {rules!r}")
    part_codes = {p.code for p in parts}
    groups = tuple(
        Group(int(g["number"]), str(g["part"]), str(g["name"]), int(g["max"]))
        for g in table_list(data, "groups")
    )
    for group in groups:
        if group.part not in part_codes:
            raise CriteriaDataError(
                path, "", f"group {group.number} is in unknown part {group.part}"
            )
    part_of = {g.number: g.part for g in groups}
    corrections = tuple(
        Correction(str(c.get("criterion", "")), str(c.get("what", "")), str(c.get("why", "")))
        for c in table_list(data, "corrections")
    )
    corrected = {c.criterion for c in corrections}
    criteria = tuple(
        _read_criterion(path, raw, part_of, corrected) for raw in table_list(data, "criteria")
    )
    codes = [c.code for c in criteria]
    for code in codes:
        if codes.count(code) > 1:
            raise CriteriaDataError(path, code, "criterion code is not unique in the sheet")
    check_sums(path, parts, groups, criteria)
    known = set(codes) | {""}
    rules_text = tuple(_read_rule_text(path, raw, known) for raw in table_list(data, "rules_text"))
    return Sheet(
        rules=rules,
        set=int(data.get("set", 0)),
        name=str(data.get("name", "")),
        rules_text=rules_text,
        groups=groups,
        criteria=criteria,
        corrections=corrections,
        parts=parts,
        index={c.code: i for i, c in enumerate(criteria)},
        marked=tuple(c for c in criteria if any(c.minima)),
        provisional=str(data.get("provisional", "")),
    )


def _read_criterion(
    path: Path, raw: Mapping[str, Any], part_of: Mapping[int, str], corrected: set[str]
) -> Criterion:
    try:
        return _build_criterion(path, raw, part_of, str(raw.get("code", "")) in corrected)
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, CriteriaDataError):
            raise
        raise CriteriaDataError(path, str(raw.get("code", "")), f"bad value: {error!r}") from None


def _build_criterion(
    path: Path, raw: Mapping[str, Any], part_of: Mapping[int, str], corrected: bool
) -> Criterion:
    code = str(raw.get("code", ""))
    group = int(raw.get("group", 0))
    if group not in part_of:
        raise CriteriaDataError(path, code, f"group {group} is not defined")
    marker = int(raw.get("marker", 0))
    if marker not in MARKERS:
        raise CriteriaDataError(path, code, f"marker {marker} is not 0, 3, 4 or 5")
    yes_no = bool(raw.get("yes_no", False))
    options = tuple(
        Option(str(o.get("text", "")), int(o.get("points", -1)), int(o.get("marker", 0)))
        for o in table_list(raw, "options")
    )
    max_points = int(raw.get("max", 0))
    check_options(path, code, options, max_points, yes_no, corrected)
    allowed = (0, max_points) if yes_no else tuple(sorted({0, *(o.points for o in options)}))
    return Criterion(
        code=code,
        group=group,
        part=part_of[group],
        text=str(raw.get("text", "")),
        max=max_points,
        marker=marker,
        yes_no=yes_no,
        options=options,
        allowed=allowed,
        allowed_set=frozenset(allowed),
        minima=compute_minima(options, marker, max_points),
    )


def _read_rule_text(path: Path, raw: Mapping[str, Any], known: set[str]) -> RuleText:
    text = RuleText(
        str(raw.get("kind", "")), str(raw.get("text", "")), str(raw.get("criterion", ""))
    )
    if text.kind not in RULE_TEXT_KINDS:
        raise CriteriaDataError(path, text.criterion, f"rules_text kind {text.kind!r} is unknown")
    if text.criterion not in known:
        raise CriteriaDataError(path, text.criterion, "rules_text names an unknown criterion")
    return text
