"""The live actuals of many targets at once, for the plan list, the plan page, the dashboards and
the CLI: at most two queries per kind of unit the plans belong to (province, commune, historic
unit; the recognised products, and every other indicator), whatever the number of targets,
plans and records.

Each target's actual is a correlated subquery on its own plan's unit and years, selected by its
indicator; the rules are those of programme.selectors (its module docstring), which also keeps
the per-target querysets behind each actual (the records pages).
"""

from datetime import date

from django.db.models import (
    BigIntegerField,
    Case,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.certificates.models import Certificate, HistoricResult
from ocop.places.models import Commune, HistoricUnit
from ocop.registry.models import Producer, Product

from .choices import Indicator
from .models import Attendance, Disbursement, Event, Showroom
from .models import Target as TargetModel

SHARES = (Indicator.PRODUCERS_TRAINED_SHARE, Indicator.OFFICIALS_TRAINED_SHARE)
DEFAULT_STARS = 3


def kind_of(target: TargetModel) -> str:
    """The kind of the target's plan's unit, as units.unit_of decides it."""
    plan = target.plan
    if plan.historic_unit_id:
        return "historic"
    return "commune" if plan.commune_id else "province"


def target_actuals(targets: list[TargetModel], today: date) -> dict[int, int | float]:
    """Target pk → its actual: a count, a share in percent (one decimal), or đồng."""
    groups: dict[tuple[str, bool], list[TargetModel]] = {}
    for target in targets:
        products = target.indicator == Indicator.PRODUCTS_STARS
        groups.setdefault((kind_of(target), products), []).append(target)
    actuals: dict[int, int | float] = {}
    for (kind, _products), group in groups.items():
        actuals.update(_actuals(kind, group, today))
    return actuals


def _actuals(kind: str, group: list[TargetModel], today: date) -> dict[int, int | float]:
    """One query for these targets of plans of one kind of unit. The recognised products go in
    a query of their own: a product-by-product count, it would push PostgreSQL's cost estimate of
    a query holding every indicator over its JIT threshold (30 ms of compiling for nothing)."""
    indicators = {t.indicator for t in group}
    parts = [When(indicator=i, then=_part(i, kind, today)) for i in sorted(indicators)]
    wholes = [When(indicator=i, then=_whole(i, kind)) for i in SHARES if i in indicators]
    rows = (
        TargetModel.objects.filter(pk__in=[t.pk for t in group])
        .annotate(
            part=Case(*parts, default=Value(0), output_field=BigIntegerField()),
            whole=Case(*wholes, default=Value(0), output_field=BigIntegerField()),
        )
        .values_list("pk", "indicator", "part", "whole")
    )
    return {
        pk: _share(part, whole) if indicator in SHARES else int(part)
        for pk, indicator, part, whole in rows
    }


def _share(part: int, whole: int) -> float:
    return round(part * 100 / whole, 1) if whole else 0.0


def _plan(field: str, depth: int = 1) -> OuterRef:
    """A column of the target's plan, seen from a subquery `depth` levels below the target."""
    ref = OuterRef(f"plan__{field}")
    for _ in range(depth - 1):
        ref = OuterRef(ref)
    return ref


def _in_communes(kind: str, path: str, depth: int) -> Q:
    """The commune at `path` is one of the plan's unit's communes (Unit.communes). A province's
    communes as an IN list, not a join on the commune's province: PostgreSQL then hash-joins the
    producers with the province's communes instead of checking every producer's commune one by
    one (a province of the national data set: 200 → 67 ms)."""
    if kind == "province":
        communes = Commune.objects.filter(province=_plan("province_id", depth + 1)).values("pk")
        return Q(**{f"{path}__in": communes})
    if kind == "commune":
        return Q(**{path: _plan("commune_id", depth)})
    unit = _plan("historic_unit_id", depth + 1)
    successors = HistoricUnit.objects.filter(
        Q(pk=unit) | Q(parent=unit) | Q(parent__parent=unit), successor__isnull=False
    ).values("successor")
    return Q(**{f"{path}__in": successors})


def _in_records(kind: str, depth: int, prefix: str = "") -> Q:
    """The record is kept at the plan's unit or below it (Unit.records)."""
    if kind == "province":
        return Q(**{f"{prefix}province": _plan("province_id", depth)})
    if kind == "commune":
        return Q(**{f"{prefix}commune": _plan("commune_id", depth)})
    unit = _plan("historic_unit_id", depth)
    return Q(**{f"{prefix}historic_unit": unit}) | Q(**{f"{prefix}historic_unit__parent": unit})


def _in_years(column: str, depth: int) -> Q:
    return Q(**{f"{column}__gte": _plan("start_year", depth),
                f"{column}__lte": _plan("end_year", depth)})  # fmt: skip


def _count(queryset: QuerySet) -> Subquery:
    return Subquery(
        queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n"),
        output_field=BigIntegerField(),
    )


def _attended(column: str, depth: int) -> Exists:
    """The outer producer or user attended a course of the plan's years."""
    return Exists(
        Attendance.objects.filter(
            _in_years("course__start_date__year", depth + 1), **{column: OuterRef("pk")}
        )
    )


def _participating(kind: str) -> QuerySet[Producer]:
    return Producer.objects.filter(
        Exists(Product.objects.filter(producer=OuterRef("pk"))),
        _in_communes(kind, "commune", 1),
        archived_at__isnull=True,
    )


def _officials(kind: str) -> QuerySet[User]:
    active = User.objects.filter(is_active=True)
    if kind == "province":
        return active.filter(role__in=[Role.PROVINCE, Role.COMMUNE], province=_plan("province_id"))
    return active.filter(_in_communes(kind, "commune", 1), role=Role.COMMUNE)


def _recognised(kind: str) -> QuerySet[Product]:
    stars = Coalesce(OuterRef(OuterRef("stars")), Value(DEFAULT_STARS))
    certified = Certificate.objects.filter(
        _in_years("issue_date__year", 2), product=OuterRef("pk"), stars__gte=stars
    )
    historic = HistoricResult.objects.filter(
        _in_years("year", 2), product=OuterRef("pk"), stars__gte=stars
    )
    producers = Producer.objects.filter(_in_communes(kind, "commune", 2)).values("pk")
    return Product.objects.filter(Exists(certified) | Exists(historic), producer__in=producers)


def _showrooms_open(kind: str, today: date) -> QuerySet[Showroom]:
    """Open on min(today, 31 December of the plan's last year): opened by both, and not closed
    by either."""
    end = _plan("end_year")
    return Showroom.objects.filter(
        _in_communes(kind, "location", 1) | _in_records(kind, 1),
        opened_on__lte=today,
        opened_on__year__lte=end,
    ).filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today) | Q(closed_on__year__gt=end))


def _part(indicator: str, kind: str, today: date) -> Subquery | Coalesce:
    if indicator == Indicator.PRODUCTS_STARS:
        return _count(_recognised(kind))
    if indicator == Indicator.PRODUCERS_TRAINED:
        return _count(
            Producer.objects.filter(_in_communes(kind, "commune", 1), _attended("producer", 1))
        )
    if indicator == Indicator.PRODUCERS_TRAINED_SHARE:
        return _count(_participating(kind).filter(_attended("producer", 1)))
    if indicator == Indicator.OFFICIALS_TRAINED_SHARE:
        return _count(_officials(kind).filter(_attended("user", 1)))
    if indicator == Indicator.SHOWROOMS_OPEN:
        return _count(_showrooms_open(kind, today))
    if indicator == Indicator.EVENTS_HELD:
        return _count(Event.objects.filter(_in_records(kind, 1), _in_years("start_date__year", 1)))
    disbursed = Disbursement.objects.filter(
        _in_records(kind, 1, "allocation__"), _in_years("allocation__year", 1)
    )
    total = disbursed.order_by().annotate(s=Func(F("amount"), function="SUM")).values("s")
    return Coalesce(Subquery(total, output_field=BigIntegerField()), Value(0))


def _whole(indicator: str, kind: str) -> Subquery:
    if indicator == Indicator.PRODUCERS_TRAINED_SHARE:
        return _count(_participating(kind))
    return _count(_officials(kind))
