"""Which units' dashboards and reports a user may open: a commune officer its commune, a province
officer the units of its province (the province, its communes, its former districts), central
officers and admins every unit. Producers, advisors and council members none."""

from django.db.models import QuerySet

from ocop.accounts.roles import Role
from ocop.accounts.scope import NATIONWIDE_ROLES
from ocop.places.models import Commune, HistoricUnit, Province
from ocop.programme.units import Unit, resolve_unit

READER_ROLES = (Role.CENTRAL, Role.PROVINCE, Role.COMMUNE)  # with admins (role_required)


def nationwide(user) -> bool:
    return user.is_superuser or user.role in NATIONWIDE_ROLES


def may_see_unit(user, unit: Unit) -> bool:
    if nationwide(user):
        return True
    if user.role == Role.PROVINCE:
        return unit.province.pk == user.province_id
    if user.role == Role.COMMUNE:
        return (
            unit.kind == "commune"
            and unit.commune is not None
            and (unit.commune.pk == user.commune_id)
        )
    return False


def own_unit(user) -> Unit | None:
    """The unit an officer works for (None for nationwide roles and everyone else)."""
    if user.role == Role.COMMUNE and user.commune_id:
        return resolve_unit(user.commune.code)
    if user.role == Role.PROVINCE and user.province_id:
        return resolve_unit(user.province.code)
    return None


def pickable(user) -> dict[str, QuerySet]:
    """The units offered on the picker page, by kind."""
    provinces, communes = Province.objects.all(), Commune.objects.select_related("province")
    districts = HistoricUnit.objects.filter(level=HistoricUnit.Level.DISTRICT)
    if nationwide(user):
        return {"provinces": provinces, "districts": districts.none(), "communes": communes.none()}
    if user.role == Role.PROVINCE:
        mine = user.province_id
        return {
            "provinces": provinces.filter(pk=mine),
            "districts": districts.filter(province=mine),
            "communes": communes.filter(province=mine),
        }
    return {
        "provinces": provinces.none(),
        "districts": districts.none(),
        "communes": communes.filter(pk=user.commune_id),
    }
