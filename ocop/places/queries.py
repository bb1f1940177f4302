"""Read-only look-ups other apps use: find a unit by code or name, follow a former unit to today."""

from django.db.models import Case, IntegerField, Q, Value, When

from .models import Commune, HistoricUnit, Province

Unit = Province | Commune | HistoricUnit

_LEVEL_ORDER = Case(
    When(level=HistoricUnit.Level.PROVINCE, then=Value(0)),
    When(level=HistoricUnit.Level.DISTRICT, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def search_units(query: str) -> list[Unit]:
    """Every unit matching `query` by exact code or by name words: provinces, then today's
    communes, then former units (districts before communes), each by code."""
    provinces = list(Province.objects.search(query))
    communes = list(Commune.objects.search(query).select_related("province"))
    historic = list(
        HistoricUnit.objects.search(query)
        .select_related("province", "parent", "successor")
        .order_by(_LEVEL_ORDER, "code")
    )
    return [*provinces, *communes, *historic]


def communes_of(province: Province | str) -> list[Commune]:
    """Today's communes of a province (a Province or its code), by code."""
    return list(Commune.objects.in_province(province).order_by("code"))


def current_communes(units: list[HistoricUnit]) -> dict[int, list[Commune]]:
    """For each former unit, today's communes that took it over, by code; in one query.

    A former commune maps to its successor; a former district to its communes' successors; a
    former province to the successors of its districts' communes.
    """
    ids = {unit.pk for unit in units}
    former_communes = (
        HistoricUnit.objects.filter(level=HistoricUnit.Level.COMMUNE, successor__isnull=False)
        .filter(Q(pk__in=ids) | Q(parent__in=ids) | Q(parent__parent__in=ids))
        .select_related("successor", "parent")
    )
    found: dict[int, dict[str, Commune]] = {pk: {} for pk in ids}
    for row in former_communes:
        ancestors = {row.pk, row.parent_id, row.parent.parent_id if row.parent else None}
        successor = row.successor
        if successor is None:
            continue
        for pk in ancestors & ids:
            if pk is not None:
                found[pk][successor.code] = successor
    return {pk: [by_code[code] for code in sorted(by_code)] for pk, by_code in found.items()}


def current_commune_for(old_code: str) -> Commune | None:
    """Today's commune that took over the former commune with this code, if it is recorded."""
    unit = (
        HistoricUnit.objects.filter(level=HistoricUnit.Level.COMMUNE, code=old_code.zfill(5))
        .select_related("successor")
        .first()
    )
    return unit.successor if unit else None
