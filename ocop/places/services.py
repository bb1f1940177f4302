"""Writes to the places tables: loading the official units and the historic ones."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction

from ocop.core.text import search_key

from . import sources
from .models import Commune, HistoricUnit, Province


@dataclass
class LoadCount:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class LoadReport:
    provinces: LoadCount = field(default_factory=LoadCount)
    communes: LoadCount = field(default_factory=LoadCount)
    historic_units: LoadCount = field(default_factory=LoadCount)

    @property
    def changed(self) -> bool:
        counts = (self.provinces, self.communes, self.historic_units)
        return any(count.created or count.updated for count in counts)


@transaction.atomic
def places_load(*, historic_csv: Path = sources.HISTORIC_UNITS_CSV) -> LoadReport:
    """Create or update every province, commune and historic unit from the sources.

    Side effects: inserts missing rows and updates rows whose name, type or links changed, all in
    one transaction; never deletes (other tables point at these rows). Raises
    sources.SourceError, before any write, if the historic-units file is malformed.
    """
    historic_rows = sources.historic_units(historic_csv)
    report = LoadReport()
    report.provinces = _sync(
        Province, [_province_values(row) for row in sources.official_provinces()]
    )
    province_ids = dict(Province.objects.values_list("code", "id"))
    communes = [_commune_values(row, province_ids) for row in sources.official_communes()]
    report.communes = _sync(Commune, communes)
    report.historic_units = _load_historic(historic_rows, province_ids)
    return report


def _province_values(row: sources.UnitRow) -> dict[str, Any]:
    return {"code": row.code, "name": row.name, "division_type": row.division_type}


def _commune_values(row: sources.UnitRow, province_ids: dict[str, int]) -> dict[str, Any]:
    return {
        "code": row.code,
        "name": row.name,
        "division_type": row.division_type,
        "province_id": province_ids[row.province_code],
    }


def _load_historic(rows: list[sources.HistoricRow], province_ids: dict[str, int]) -> LoadCount:
    commune_ids = dict(Commune.objects.values_list("code", "id"))
    total = LoadCount()
    # Parents first: a level's rows need the ids of the level above.
    for level in sources.HISTORIC_LEVELS:
        parent_ids = {
            (unit_level, code): pk
            for unit_level, code, pk in HistoricUnit.objects.values_list("level", "code", "id")
        }
        values = [
            _historic_values(row, province_ids, commune_ids, parent_ids)
            for row in rows
            if row.level == level
        ]
        count = _sync(HistoricUnit, values, key=("level", "code"))
        total.created += count.created
        total.updated += count.updated
        total.unchanged += count.unchanged
    return total


def _historic_values(
    row: sources.HistoricRow,
    province_ids: dict[str, int],
    commune_ids: dict[str, int],
    parent_ids: dict[tuple[str, str], int],
) -> dict[str, Any]:
    parent_id = None
    if row.parent_code:
        parent_level = sources.HISTORIC_LEVELS[sources.HISTORIC_LEVELS.index(row.level) - 1]
        parent_id = parent_ids[(parent_level, row.parent_code)]
    try:
        successor_id = commune_ids[row.successor_code] if row.successor_code else None
        province_id = province_ids[row.province_code]
    except KeyError as missing:
        raise sources.SourceError(f"historic units: {row.name}: unknown code {missing}") from None
    return {
        "level": row.level,
        "code": row.code,
        "name": row.name,
        "division_type": row.division_type,
        "parent_id": parent_id,
        "province_id": province_id,
        "successor_id": successor_id,
        "valid_until": row.valid_until,
    }


def _sync(
    model: type[models.Model], rows: list[dict[str, Any]], key: tuple[str, ...] = ("code",)
) -> LoadCount:
    """Insert the rows not in the table, update those that differ; by natural key, in bulk."""
    count = LoadCount()
    existing = {
        tuple(getattr(obj, name) for name in key): obj for obj in model._default_manager.all()
    }
    to_create, to_update = [], []
    for values in rows:
        values = {**values, "search_key": search_key(values["name"])}
        current = existing.get(tuple(values[name] for name in key))
        if current is None:
            to_create.append(model(**values))
        elif any(getattr(current, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(current, name, value)
            to_update.append(current)
        else:
            count.unchanged += 1
    model._default_manager.bulk_create(to_create, batch_size=500)
    if to_update:
        fields = [name for name in rows[0] if name not in key] + ["search_key"]
        model._default_manager.bulk_update(to_update, fields, batch_size=500)
    count.created, count.updated = len(to_create), len(to_update)
    return count
