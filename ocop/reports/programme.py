"""The periodic programme report of a unit for a period of years, from live data: what the
dashboard draws and what the .xlsx and PDF print (one builder, so the three always agree).

A constant number of queries whatever the size of the data: every figure is a GROUP BY in the
database; only the lists (certificates in force, events, showrooms) fetch rows.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, QuerySet, Sum

from ocop.certificates.models import Certificate
from ocop.programme.choices import AttendeeKind, FundingSource, SupportContent
from ocop.programme.models import Allocation, Attendance, Course, Disbursement, Event, Showroom
from ocop.programme.units import Unit
from ocop.registry.models import Producer, Product

from . import figures


@dataclass(frozen=True)
class Money:
    """Allocated and disbursed đồng for one key (a source, a content or a year)."""

    key: str
    label: str
    allocated: int
    disbursed: int


@dataclass(frozen=True)
class Training:
    courses: int
    attendances: int
    producers: int  # the unit's active producers
    producers_trained: int  # distinct producers with an attendance at a course of the period
    officials_trained: int  # distinct officials (by account, else by name and unit)

    @property
    def producers_percent(self) -> int | None:
        if not self.producers:
            return None
        return round(100 * self.producers_trained / self.producers)


@dataclass
class ProgrammeReport:
    unit: Unit
    start: int
    end: int
    today: date
    stars_now: list[figures.StarCount] = field(default_factory=list)
    per_year: list[figures.YearStars] = field(default_factory=list)
    in_force: list[Certificate] = field(default_factory=list)
    training: Training | None = None
    by_source: list[Money] = field(default_factory=list)
    by_content: list[Money] = field(default_factory=list)
    by_year: list[Money] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    showrooms: list[Showroom] = field(default_factory=list)
    targets: list = field(default_factory=list)  # programme.selectors.TargetRow

    @property
    def period(self) -> str:
        return f"{self.start}-{self.end}"

    @property
    def allocated(self) -> int:
        return sum(m.allocated for m in self.by_source)

    @property
    def disbursed(self) -> int:
        return sum(m.disbursed for m in self.by_source)

    @property
    def in_force_by_stars(self) -> list[tuple[int, int]]:
        counts: dict[int, int] = defaultdict(int)
        for certificate in self.in_force:
            counts[certificate.stars] += 1
        return [(s, counts[s]) for s in (5, 4, 3)]


def unit_products(unit: Unit) -> QuerySet[Product]:
    return Product.objects.filter(producer__commune__in=unit.communes())


def programme_report(unit: Unit, start: int, end: int, today: date) -> ProgrammeReport:
    products = unit_products(unit)
    certificates = Certificate.objects.filter(product__in=products.values("pk"))
    report = ProgrammeReport(unit=unit, start=start, end=end, today=today)
    report.stars_now = figures.products_by_stars(products)
    report.per_year = figures.ranked_per_year(products, start, end)
    report.in_force = list(
        figures.certificates_in_force(certificates)
        .select_related("product")
        .order_by("-stars", "product_name", "number")
    )
    report.training = training(unit, start, end)
    report.by_source, report.by_content, report.by_year = budget(unit, start, end)
    report.events = list(
        Event.objects.filter(unit.records(), start_date__year__gte=start, start_date__year__lte=end)
        .annotate(product_count=Count("products"))
        .order_by("start_date", "name")
    )
    report.showrooms = list(
        Showroom.objects.filter(unit.records(), opened_on__year__lte=end)
        .exclude(closed_on__year__lt=start)
        .select_related("location")
        .annotate(product_count=Count("products"))
        .order_by("opened_on", "name")
    )
    return report


def training(unit: Unit, start: int, end: int) -> Training:
    """Courses of the unit in the period, and who attended them: the unit's producers (at any
    course of the period, whoever organised it) and officials (at the unit's courses)."""
    in_period = Q(course__start_date__year__gte=start, course__start_date__year__lte=end)
    courses = Course.objects.filter(unit.records(), start_date__year__gte=start,
                                    start_date__year__lte=end)  # fmt: skip
    counted = courses.aggregate(
        n=Count("id", distinct=True), people=Count("attendances", distinct=True)
    )
    producers = Producer.objects.filter(commune__in=unit.communes(), archived_at__isnull=True)
    trained = (
        Attendance.objects.filter(
            in_period, kind=AttendeeKind.PRODUCER, producer__in=producers.values("pk")
        )  # fmt: skip
        .values("producer")
        .distinct()
        .count()
    )
    officials = (
        Attendance.objects.filter(in_period, unit.records("course__"), kind=AttendeeKind.OFFICIAL)
        .values("user", "name", "unit_name")
        .distinct()
        .count()
    )
    return Training(counted["n"], counted["people"], producers.count(), trained, officials)


def budget(unit: Unit, start: int, end: int) -> tuple[list[Money], list[Money], list[Money]]:
    """Allocated and disbursed đồng of the unit's allocations of the period's years (a payment
    counts in the year of the allocation it is paid from), by source, content and year. Two
    queries."""
    allocations = Allocation.objects.filter(unit.records(), year__gte=start, year__lte=end)
    allocated = allocations.order_by().values("year", "source", "content").annotate(t=Sum("amount"))
    disbursed = (
        Disbursement.objects.filter(allocation__in=allocations.values("pk"))
        .order_by()
        .values(
            year=F("allocation__year"),
            source=F("allocation__source"),
            content=F("allocation__content"),
        )  # fmt: skip
        .annotate(t=Sum("amount"))
    )
    sums: dict[str, dict[str, list[int]]] = {
        "source": defaultdict(lambda: [0, 0]),
        "content": defaultdict(lambda: [0, 0]),
        "year": defaultdict(lambda: [0, 0]),
    }
    for column, rows in ((0, allocated), (1, disbursed)):
        for row in rows:
            for key in ("source", "content", "year"):
                sums[key][str(row[key])][column] += row["t"] or 0
    return (
        _money(sums["source"], FundingSource.choices),
        _money(sums["content"], SupportContent.choices),
        [Money(str(y), str(y), *sums["year"][str(y)]) for y in range(start, end + 1)],
    )


def _money(sums: dict[str, list[int]], choices: list[tuple[str, str]]) -> list[Money]:
    return [Money(key, str(label), *sums[key]) for key, label in choices if key in sums]
