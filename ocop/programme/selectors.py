"""Read-only figures of the programme, computed from live records (never typed-in actuals).

Published for the dashboards and reports (the `reports` app) and the CLI. Every function issues
a fixed number of queries whatever the amount of data (aggregates and subqueries, no loops over
rows); `target_rows` too, whatever the number of targets (programme.actuals).

The rules (issue 11.1):
- recognised products at ≥ N★: distinct products with a certificate of N stars or more issued in
  the period (any status, any rule set), or a historic result of N stars or more of a year in the
  period, whose producer's commune is one of the unit's communes;
- participating producers: the unit's producers (not archived) with at least one product;
- trained producers: producers of the unit with an attendance on a course that started in the
  period; the share counts the participating producers among them;
- officials: active users with the province or commune officer role of the unit (a province: its
  province and commune officers; a commune: its commune officers; a historic unit: the commune
  officers of its successor communes); trained by an attendance as that user;
- showrooms open: the unit's showrooms (kept by it, or located in its communes) opened by the end
  of the period and not closed before min(today, end of the period);
- events held: the unit's events that started in the period;
- budget disbursed: disbursements out of the unit's allocations of the period's years.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.urls import reverse
from django.utils import timezone

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.certificates.models import Certificate, HistoricResult
from ocop.core.money import format_dong
from ocop.core.numbers import format_decimal
from ocop.registry.models import Producer, Product

from . import targets
from .actuals import target_actuals
from .choices import Indicator
from .models import Allocation, Attendance, Disbursement, Event, Plan, PlannedBudget, Showroom
from .models import Target as TargetModel
from .units import Unit, unit_of


@dataclass(frozen=True)
class TargetRow:
    plan: Plan
    target: TargetModel
    unit_code: str
    unit_name: str
    indicator: str
    label: str
    stars: int | None
    period: str  # "2021-2025"
    target_value: int
    actual: int | float
    percent: float | None
    status: str  # targets.ON_TRACK, AT_RISK or BEHIND
    records_url: str

    @property
    def target_text(self) -> str:
        return _figure(self.target_value, self.indicator)

    @property
    def actual_text(self) -> str:
        return _figure(self.actual, self.indicator)

    @property
    def percent_text(self) -> str:
        return "–" if self.percent is None else f"{format_decimal(self.percent, 1)} %"

    def as_json(self) -> dict:
        """The CLI's contract: unit, indicator, period, target, actual, percent, status."""
        return {
            "unit": self.unit_code,
            "indicator": self.indicator,
            "stars": self.stars,
            "label": self.label,
            "period": self.period,
            "target": self.target_value,
            "actual": self.actual,
            "percent": self.percent,
            "status": self.status,
        }


@dataclass(frozen=True)
class BudgetSummary:
    unit_code: str
    from_year: int | None
    to_year: int | None
    planned: int
    allocated: int
    disbursed: int
    by_content: dict[str, int] = field(default_factory=dict)  # content → disbursed
    by_source: dict[str, int] = field(default_factory=dict)  # source → disbursed
    by_year: dict[int, int] = field(default_factory=dict)  # year → disbursed
    allocated_by_content: dict[str, int] = field(default_factory=dict)

    @property
    def balance(self) -> int:
        return self.allocated - self.disbursed

    def as_json(self) -> dict:
        return {
            "unit": self.unit_code,
            "from": self.from_year,
            "to": self.to_year,
            "planned": self.planned,
            "allocated": self.allocated,
            "disbursed": self.disbursed,
            "by_content": self.by_content,
            "by_source": self.by_source,
            "by_year": {str(year): amount for year, amount in self.by_year.items()},
        }


def _figure(value: int | float, indicator: str) -> str:
    if indicator == Indicator.BUDGET_DISBURSED:
        return format_dong(int(value))
    return format_decimal(value, 1 if isinstance(value, float) else 0)


def _years(prefix: str, start_year: int | None, end_year: int | None) -> Q:
    q = Q()
    if start_year is not None:
        q &= Q(**{f"{prefix}__gte": start_year})
    if end_year is not None:
        q &= Q(**{f"{prefix}__lte": end_year})
    return q


def recognised_products(
    unit: Unit, min_stars: int, start_year: int, end_year: int
) -> QuerySet[Product]:
    """Distinct products of the unit recognised at ≥ min_stars in the period (module docstring).

    Two correlated EXISTS on the product (index probes on product_id), rather than an OR of two
    IN subqueries over every certificate and historic result (issue 11: 28 → 7 ms for a province
    of the national data set on SQLite, 21 → 21 ms on PostgreSQL; a UNION of the two id lists was
    faster on SQLite but three times slower on PostgreSQL)."""
    certified = Certificate.objects.filter(
        product=OuterRef("pk"),
        stars__gte=min_stars,
        issue_date__year__gte=start_year,
        issue_date__year__lte=end_year,
    )
    historic = HistoricResult.objects.filter(
        product=OuterRef("pk"), stars__gte=min_stars, year__gte=start_year, year__lte=end_year
    )
    return Product.objects.filter(
        Exists(certified) | Exists(historic), producer__commune__in=unit.communes()
    )


def participating_producers(unit: Unit) -> QuerySet[Producer]:
    """An EXISTS per producer of the unit (an index probe on product.producer_id), rather than
    an IN over the producer of every product of the country."""
    return Producer.objects.filter(
        Exists(Product.objects.filter(producer=OuterRef("pk"))),
        commune__in=unit.communes(),
        archived_at__isnull=True,
    )


def _attended(start_year: int, end_year: int, column: str) -> Exists:
    """Whether the outer producer or user (`column`) attended a course of the period: an index
    probe on attendance.<column>, rather than an IN over every attendance of the period."""
    return Exists(
        Attendance.objects.filter(
            **{column: OuterRef("pk")},
            course__start_date__year__gte=start_year,
            course__start_date__year__lte=end_year,
        )
    )


def trained_producers(unit: Unit, start_year: int, end_year: int) -> QuerySet[Producer]:
    return Producer.objects.filter(
        _attended(start_year, end_year, "producer"), commune__in=unit.communes()
    )


def unit_officials(unit: Unit) -> QuerySet[User]:
    """The unit's OCOP officers (module docstring)."""
    active = User.objects.filter(is_active=True)
    if unit.kind == "province":
        return active.filter(role__in=[Role.PROVINCE, Role.COMMUNE], province=unit.province)
    return active.filter(role=Role.COMMUNE, commune__in=unit.communes())


def trained_officials(unit: Unit, start_year: int, end_year: int) -> QuerySet[User]:
    return unit_officials(unit).filter(_attended(start_year, end_year, "user"))


def showrooms_open(
    unit: Unit, start_year: int, end_year: int, today: date | None = None
) -> QuerySet[Showroom]:
    day = min(today or timezone.localdate(), date(end_year, 12, 31))
    return Showroom.objects.filter(
        Q(location__in=unit.communes()) | unit.records(),
        opened_on__lte=day,
    ).filter(Q(closed_on__isnull=True) | Q(closed_on__gt=day))


def events_held(unit: Unit, start_year: int, end_year: int) -> QuerySet[Event]:
    return Event.objects.filter(
        unit.records(), start_date__year__gte=start_year, start_date__year__lte=end_year
    )


def disbursements(
    unit: Unit, from_year: int | None = None, to_year: int | None = None
) -> QuerySet[Disbursement]:
    return Disbursement.objects.filter(
        unit.records("allocation__"), _years("allocation__year", from_year, to_year)
    )


def allocations(
    unit: Unit, from_year: int | None = None, to_year: int | None = None
) -> QuerySet[Allocation]:
    return Allocation.objects.filter(unit.records(), _years("year", from_year, to_year))


def _share(part: int, whole: int) -> float:
    return round(part * 100 / whole, 1) if whole else 0.0


def budget_summary(
    unit: Unit, from_year: int | None = None, to_year: int | None = None
) -> BudgetSummary:
    """Planned (the unit's plans whose period meets the years), allocated and disbursed đồng, and
    the disbursed by content, source and year. Four queries."""
    plans = Plan.objects.filter(unit.records())
    if from_year is not None:
        plans = plans.filter(end_year__gte=from_year)
    if to_year is not None:
        plans = plans.filter(start_year__lte=to_year)
    planned = PlannedBudget.objects.filter(plan__in=plans).aggregate(s=Sum("amount"))["s"] or 0
    allocated_rows = (
        allocations(unit, from_year, to_year).values("content").annotate(s=Sum("amount"))
    )
    allocated_by_content = {r["content"]: r["s"] for r in allocated_rows.order_by("content")}
    rows = (
        disbursements(unit, from_year, to_year)
        .values("allocation__content", "allocation__source", "allocation__year")
        .annotate(s=Sum("amount"))
        .order_by("allocation__year", "allocation__content", "allocation__source")
    )
    by_content: dict[str, int] = defaultdict(int)
    by_source: dict[str, int] = defaultdict(int)
    by_year: dict[int, int] = defaultdict(int)
    for r in rows:
        by_content[r["allocation__content"]] += r["s"]
        by_source[r["allocation__source"]] += r["s"]
        by_year[r["allocation__year"]] += r["s"]
    return BudgetSummary(
        unit_code=unit.code,
        from_year=from_year,
        to_year=to_year,
        planned=planned,
        allocated=sum(allocated_by_content.values()),
        disbursed=sum(by_year.values()),
        by_content=dict(sorted(by_content.items())),
        by_source=dict(sorted(by_source.items())),
        by_year=dict(sorted(by_year.items())),
        allocated_by_content=allocated_by_content,
    )


def target_records(target: TargetModel, today: date | None = None) -> QuerySet:
    """The records behind a target's actual (for the records page)."""
    plan, unit = target.plan, unit_of(target.plan)
    years = (plan.start_year, plan.end_year)
    kind = target.indicator
    if kind == Indicator.PRODUCTS_STARS:
        return recognised_products(unit, target.stars or 3, *years).select_related(
            "producer__commune"
        )
    if kind in (Indicator.PRODUCERS_TRAINED, Indicator.PRODUCERS_TRAINED_SHARE):
        return trained_producers(unit, *years).select_related("commune")
    if kind == Indicator.OFFICIALS_TRAINED_SHARE:
        return trained_officials(unit, *years).select_related("commune", "province")
    if kind == Indicator.SHOWROOMS_OPEN:
        return showrooms_open(unit, *years, today=today).select_related("location")
    if kind == Indicator.EVENTS_HELD:
        return events_held(unit, *years)
    return disbursements(unit, *years).select_related("allocation")


def target_actual(target: TargetModel, today: date | None = None) -> int | float:
    """The live actual of one target: a count, a share in percent, or đồng (one target at a
    time: the definition programme.actuals computes for many at once, checked against it)."""
    plan, unit = target.plan, unit_of(target.plan)
    years = (plan.start_year, plan.end_year)
    kind = target.indicator
    if kind == Indicator.PRODUCERS_TRAINED_SHARE:
        participating = participating_producers(unit)
        trained = participating.filter(_attended(*years, "producer"))
        return _share(trained.count(), participating.count())
    if kind == Indicator.OFFICIALS_TRAINED_SHARE:
        return _share(trained_officials(unit, *years).count(), unit_officials(unit).count())
    if kind == Indicator.BUDGET_DISBURSED:
        return disbursements(unit, *years).aggregate(s=Sum("amount"))["s"] or 0
    return target_records(target, today).count()


def _label(target: TargetModel) -> str:
    label = str(target.get_indicator_display())
    return label.replace("N", str(target.stars), 1) if target.stars else label


def target_rows(
    *, unit: Unit | None = None, user=None, today: date | None = None, plan_ids=None
) -> list[TargetRow]:
    """Every target of the plans kept at `unit` (or below it) and visible to `user` (both
    optional; `plan_ids` narrows to those plans, e.g. one page of them), with its live actual,
    percent and status against the time elapsed."""
    today = today or timezone.localdate()
    plans = Plan.objects.all() if plan_ids is None else Plan.objects.filter(pk__in=plan_ids)
    if user is not None:
        plans = plans.visible_to(user)
    if unit is not None:
        plans = plans.filter(unit.records())
    queryset = TargetModel.objects.filter(plan__in=plans).select_related(
        "plan__province", "plan__commune", "plan__historic_unit"
    )
    found = list(queryset.order_by("plan__start_year", "plan_id", "indicator", "stars"))
    actuals = target_actuals(found, today)
    return [_row(target, actuals[target.pk], today) for target in found]


def _row(target: TargetModel, actual: int | float, today: date) -> TargetRow:
    plan = target.plan
    period = targets.Period(plan.start_year, plan.end_year)
    plan_unit = unit_of(plan)
    return TargetRow(
        plan=plan,
        target=target,
        unit_code=plan_unit.code,
        unit_name=plan_unit.name,
        indicator=target.indicator,
        label=_label(target),
        stars=target.stars,
        period=period.label,
        target_value=target.value,
        actual=actual,
        percent=targets.percent(actual, target.value),
        status=targets.status(actual=actual, target=target.value, period=period, today=today),
        records_url=reverse("programme:target_records", args=[target.pk]),
    )
