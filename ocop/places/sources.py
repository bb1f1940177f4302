"""Where the administrative units come from. Pure functions, no Django.

Today's 34 provinces and 3,321 communes come from the `vietnam-provinces` package; the units as
they were before 1 Jul 2025 from `data/historic-units.csv` (built by
tools/places/build_historic_units.py, reviewed by hand). Names are returned in composed Unicode.
"""

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vietnam_provinces import Province as SourceProvince
from vietnam_provinces import Ward as SourceWard

from ocop.core.text import nfc

HISTORIC_UNITS_CSV = Path(__file__).resolve().parent / "data" / "historic-units.csv"
HISTORIC_LEVELS = ("province", "district", "commune")


class SourceError(ValueError):
    """A data file that cannot be loaded as it is."""


@dataclass(frozen=True)
class UnitRow:
    code: str
    name: str
    division_type: str
    province_code: str = ""


@dataclass(frozen=True)
class HistoricRow:
    level: str
    code: str
    name: str
    division_type: str
    parent_code: str
    province_code: str
    successor_code: str
    valid_until: date | None


def official_provinces() -> list[UnitRow]:
    return sorted(
        (
            UnitRow(
                code=f"{int(p.code):02d}",
                name=nfc(p.name),
                division_type=p.division_type.value,
            )
            for p in SourceProvince.iter_all()
        ),
        key=lambda row: row.code,
    )


def official_communes() -> list[UnitRow]:
    return sorted(
        (
            UnitRow(
                code=f"{int(w.code):05d}",
                name=nfc(w.name),
                division_type=w.division_type.value,
                province_code=f"{int(w.province_code):02d}",
            )
            for w in SourceWard.iter_all()
        ),
        key=lambda row: row.code,
    )


def historic_units(path: Path = HISTORIC_UNITS_CSV) -> list[HistoricRow]:
    """The rows of the historic-units file, parents before children; raises SourceError."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    rows = [_historic_row(number, record) for number, record in enumerate(csv.DictReader(lines))]
    _check_parents(rows)
    return sorted(rows, key=lambda row: (HISTORIC_LEVELS.index(row.level), row.code))


def _historic_row(number: int, record: dict[str, str]) -> HistoricRow:
    try:
        values = {key: nfc(record[key] or "") for key in HistoricRow.__dataclass_fields__}
    except KeyError as missing:
        raise SourceError(f"historic units: missing column {missing}") from None
    if values["level"] not in HISTORIC_LEVELS:
        raise SourceError(f"historic units, row {number + 1}: unknown level {values['level']!r}")
    if not values["code"] or not values["name"] or not values["province_code"]:
        raise SourceError(f"historic units, row {number + 1}: code, name and province are required")
    until = values.pop("valid_until")
    return HistoricRow(**values, valid_until=date.fromisoformat(until) if until else None)


def _check_parents(rows: list[HistoricRow]) -> None:
    keys = [(row.level, row.code) for row in rows]
    if len(set(keys)) != len(keys):
        raise SourceError("historic units: a (level, code) pair appears twice")
    for row in rows:
        if not row.parent_code:
            continue
        if row.level == "province":
            raise SourceError(f"historic units: province {row.name} cannot have a parent")
        parent_level = HISTORIC_LEVELS[HISTORIC_LEVELS.index(row.level) - 1]
        if (parent_level, row.parent_code) not in keys:
            raise SourceError(f"historic units: {row.name} has unknown parent {row.parent_code}")
