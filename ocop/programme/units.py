"""Administrative units a programme record belongs to: a province, a commune, or a historic unit
(a former district such as Phú Xuyên, code 280, whose figures come from its successor communes).

`resolve_unit(code)` turns an official code into a Unit: 2 digits a province, 3 digits a former
district, 5 digits a current commune (or, failing that, a former commune).
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from ocop.core.messages import MessageError
from ocop.places.models import Commune, HistoricUnit, Province


class UnknownUnit(MessageError):
    """No province, commune or historic unit has this code."""


@dataclass(frozen=True)
class Unit:
    kind: str  # "province", "commune" or "historic"
    code: str
    name: str
    province: Province
    commune: Commune | None = None
    historic_unit: HistoricUnit | None = None

    def communes(self) -> QuerySet[Commune]:
        """The current communes whose producers and products count for this unit."""
        if self.kind == "province":
            return Commune.objects.filter(province=self.province)
        if self.commune is not None:
            return Commune.objects.filter(pk=self.commune.pk)
        unit = self.historic_unit
        return Commune.objects.filter(
            Q(predecessors=unit)
            | Q(predecessors__parent=unit)
            | Q(predecessors__parent__parent=unit)
        ).distinct()

    def records(self, prefix: str = "") -> Q:
        """Programme records (plans, allocations, courses…) kept at this unit or below it."""
        p = prefix
        if self.kind == "province":
            return Q(**{f"{p}province": self.province})
        if self.kind == "commune":
            return Q(**{f"{p}commune": self.commune})
        unit = self.historic_unit
        return Q(**{f"{p}historic_unit": unit}) | Q(**{f"{p}historic_unit__parent": unit})

    def fields(self) -> dict:
        """The unit columns of a UnitRecord, for creating one at this unit."""
        return {
            "province": self.province,
            "commune": self.commune,
            "historic_unit": self.historic_unit,
        }


def resolve_unit(code: str) -> Unit:
    """The unit with this official code, or UnknownUnit("unit_unknown", unit=…)."""
    code = (code or "").strip()
    if not code.isdigit() or len(code) not in (2, 3, 5):
        raise UnknownUnit("unit_unknown", unit=code)
    if len(code) == 2:
        province = Province.objects.filter(code=code).first()
        if province:
            return Unit("province", code, province.name, province)
    elif len(code) == 5 and (
        commune := Commune.objects.filter(code=code).select_related("province").first()
    ):
        return Unit("commune", code, commune.name, commune.province, commune=commune)
    level = HistoricUnit.Level.DISTRICT if len(code) == 3 else HistoricUnit.Level.COMMUNE
    unit = HistoricUnit.objects.filter(level=level, code=code).select_related("province").first()
    if unit is None:
        raise UnknownUnit("unit_unknown", unit=code)
    return Unit("historic", code, unit.name, unit.province, historic_unit=unit)


def unit_of(record) -> Unit:
    """The Unit a UnitRecord belongs to."""
    if record.historic_unit_id:
        unit = record.historic_unit
        return Unit("historic", unit.code, unit.name, record.province, historic_unit=unit)
    if record.commune_id:
        commune = record.commune
        return Unit("commune", commune.code, commune.name, record.province, commune=commune)
    return Unit("province", record.province.code, record.province.name, record.province)


def default_unit_code(user) -> str:
    """The code of an officer's own unit (its commune, else its province), "" for central/admin."""
    if user.commune_id:
        return user.commune.code
    return user.province.code if user.province_id else ""
