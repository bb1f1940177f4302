"""Low-level checks for the criteria loader: reading TOML and the sums and options invariants."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ocop.criteria.rules import Criterion, Group, Option, Part

MARKERS = frozenset({0, 3, 4, 5})


class CriteriaDataError(ValueError):
    """A data file breaks the format: names the file, the criterion (or '-') and the reason."""

    def __init__(self, file: Path | str, criterion: str, reason: str) -> None:
        self.file = str(file)
        self.criterion = criterion
        self.reason = reason
        super().__init__(f"{self.file}: criterion {criterion or '-'}: {reason}")


def check_options(
    path: Path,
    code: str,
    options: tuple[Option, ...],
    max_points: int,
    yes_no: bool,
    corrected: bool = False,
) -> None:
    """Options invariants. Equal points on two options pass only when a [[corrections]] entry
    explains them (26-2026 set 7, 3.1 is kept as printed: two options at 1 point)."""
    if yes_no:
        if options:
            raise CriteriaDataError(path, code, "a yes/no criterion has no options")
        if max_points <= 0:
            raise CriteriaDataError(path, code, "a yes/no criterion needs max > 0")
        return
    if not options:
        raise CriteriaDataError(path, code, "no options and not yes_no")
    points = [o.points for o in options]
    if any(p < 0 for p in points):
        raise CriteriaDataError(path, code, "option points must be 0 or more")
    if len(set(points)) != len(points) and not corrected:
        raise CriteriaDataError(path, code, f"option points are not unique: {points}")
    if max(points) != max_points:
        raise CriteriaDataError(
            path, code, f"max is {max_points} but the highest option gives {max(points)}"
        )
    for option in options:
        if option.marker not in MARKERS:
            raise CriteriaDataError(
                path, code, f"option marker {option.marker} is not 0, 3, 4 or 5"
            )
    markers = [o.marker for o in sorted(options, key=lambda o: o.points) if o.marker]
    if markers != sorted(markers):
        raise CriteriaDataError(path, code, f"markers decrease as points rise: {markers}")


def check_sums(
    path: Path, parts: tuple[Part, ...], groups: tuple[Group, ...], criteria: tuple[Criterion, ...]
) -> None:
    for group in groups:
        total = sum(c.max for c in criteria if c.group == group.number)
        if total != group.max:
            first = next((c.code for c in criteria if c.group == group.number), "")
            raise CriteriaDataError(
                path, first, f"criteria of group {group.number} add up to {total}, not {group.max}"
            )
    for part in parts:
        total = sum(g.max for g in groups if g.part == part.code)
        if total != part.max:
            raise CriteriaDataError(
                path, "", f"groups of part {part.code} add up to {total}, not {part.max}"
            )


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise CriteriaDataError(path, "", "file missing") from None
    except tomllib.TOMLDecodeError as error:
        raise CriteriaDataError(path, "", f"not valid TOML: {error}") from None


def table_list(data: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    return list(value) if isinstance(value, list) else []


def strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()
