"""The periodic programme report of a unit for a period of years, from live data: what the
dashboard draws and what the .xlsx and PDF print (one builder, so the three always agree).

A constant number of queries whatever the size of the data: every figure is a GROUP BY in the
database; only the lists (certificates in force, events, showrooms) fetch rows. A figure is read
when a page first asks for it, so each page runs only the queries of what it shows.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from django.db import router
from django.db.models import Count, F, QuerySet, Sum

from ocop.certificates.models import Certificate
from ocop.programme import selectors
from ocop.programme.choices import FundingSource, SupportContent
from ocop.programme.models import Attendance, Course, Event, Plan, Showroom, Target
from ocop.programme.units import Unit
from ocop.registry.models import Producer, Product

from . import figures, statements


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
    producers: int  # the unit's participating producers
    producers_trained: int  # the unit's producers who attended a course of the period
    officials: int  # the unit's OCOP officers
    officials_trained: int  # of them, those who attended a course of the period

    @property
    def producers_percent(self) -> int | None:
        if not self.producers:
            return None
        return round(100 * self.producers_trained / self.producers)

    @property
    def officials_percent(self) -> int | None:
        if not self.officials:
            return None
        return round(100 * self.officials_trained / self.officials)


class ProgrammeReport:
    """The figures of a unit for a period, each read from the database the first time a page
    asks for it (the workbook needs neither the current stars nor the certificates counted by
    stars; the dashboard lists no certificate), then kept. The aggregates run as statements
    compiled once per unit and period (statements.py)."""

    def __init__(self, unit: Unit, start: int, end: int, today: date) -> None:
        self.unit, self.start, self.end, self.today = unit, start, end, today
        self._key = (unit.kind, _pk(unit.province), _pk(unit.commune), _pk(unit.historic_unit),
                     start, end)  # fmt: skip
        self._using = router.db_for_read(Product)

    def _rows(self, name: str, build) -> list[tuple]:
        return statements.fetch((name, *self._key), self._using, build)

    @cached_property
    def _products(self) -> QuerySet[Product]:
        return unit_products(self.unit)

    @cached_property
    def _certificates(self) -> QuerySet[Certificate]:
        return Certificate.objects.filter(product__in=self._products.values("pk"))

    @property
    def period(self) -> str:
        return f"{self.start}-{self.end}"

    @cached_property
    def stars_now(self) -> list[figures.StarCount]:
        query = lambda: statements.sql_of(figures.stars_query(self._products))  # noqa: E731
        return figures.stars_from_rows(self._rows("stars", query))

    @cached_property
    def per_year(self) -> list[figures.YearStars]:
        query = lambda: figures.per_year_sql(self._products, self.start, self.end)  # noqa: E731
        return figures.per_year_from_rows(self._rows("per_year", query), self.start, self.end)

    @cached_property
    def in_force_by_stars(self) -> list[tuple[int, int]]:
        query = lambda: statements.sql_of(figures.in_force_query(self._certificates))  # noqa: E731
        return figures.in_force_from_rows(self._rows("in_force", query))

    @property
    def in_force_rows(self) -> Iterable[tuple]:
        """(number, product, producer, stars, issued, valid until) of each, fetched when read."""
        query = lambda: statements.sql_of(  # noqa: E731
            figures.in_force_of_products(self._certificates)
            .order_by("-stars", "product_name", "number")
            .values_list(
                "number", "product_name", "producer_name", "stars", "issue_date", "valid_until"
            )
        )
        return [
            (*row[:4], _day(row[4]), _day(row[5])) for row in self._rows("in_force_rows", query)
        ]

    @cached_property
    def training(self) -> Training:
        return Training(*self._counts[:6])

    @property
    def event_count(self) -> int:
        return self._counts[6]

    @property
    def showroom_count(self) -> int:
        return self._counts[7]

    @cached_property
    def _counts(self) -> list[int]:
        """Training's six counts, the events held, the showrooms open and the targets of the
        unit's plans in the period: one statement."""
        unit, start, end, today = self.unit, self.start, self.end, self.today
        query = lambda: _counts_sql([  # noqa: E731 -- built only when not yet compiled
            *training_querysets(unit, start, end),
            selectors.events_held(unit, start, end),
            selectors.showrooms_open(unit, start, end, today),
            Target.objects.filter(plan__in=Plan.objects.filter(unit.records()),
                                  plan__start_year__lte=end, plan__end_year__gte=start),
        ])  # fmt: skip
        return [int(n) for n in self._rows(f"counts {today.isoformat()}", query)[0]]

    @cached_property
    def _budget(self) -> tuple[list[Money], list[Money], list[Money]]:
        def query() -> tuple[str, list]:  # both sums in one statement, tagged 0 and 1
            allocated, disbursed = budget_querysets(self.unit, self.start, self.end)
            (a_sql, a_params), (d_sql, d_params) = map(statements.sql_of, (allocated, disbursed))
            sql = f"SELECT 0, a.* FROM ({a_sql}) a UNION ALL SELECT 1, d.* FROM ({d_sql}) d"
            return sql, [*a_params, *d_params]

        rows = self._rows("budget", query)
        return budget_from_rows([r[1:] for r in rows if r[0] == 0],
                                [r[1:] for r in rows if r[0] == 1], self.start, self.end)  # fmt: skip

    @property
    def by_source(self) -> list[Money]:
        return self._budget[0]

    @property
    def by_content(self) -> list[Money]:
        return self._budget[1]

    @property
    def by_year(self) -> list[Money]:
        return self._budget[2]

    @cached_property
    def targets(self) -> list[selectors.TargetRow]:
        if not self._counts[8]:  # no plan of the unit's in the period has a target
            return []
        return [t for t in selectors.target_rows(unit=self.unit, today=self.today)
                if t.plan.start_year <= self.end and t.plan.end_year >= self.start]  # fmt: skip

    @cached_property
    def events(self) -> list[Any]:
        """The events held, each annotated with its product_count (read only when there are
        any: the counts say so)."""
        if not self.event_count:
            return []
        query = lambda: (  # noqa: E731
            selectors.events_held(self.unit, self.start, self.end)
            .annotate(product_count=Count("products"))
            .order_by("start_date", "name")
        )
        return statements.instances(("events", *self._key), Event, query)

    @cached_property
    def showrooms(self) -> list[Any]:
        """The showrooms open, each annotated with its product_count (read only when there are
        any)."""
        if not self.showroom_count:
            return []
        query = lambda: (  # noqa: E731
            selectors.showrooms_open(self.unit, self.start, self.end, self.today)
            .annotate(product_count=Count("products"))
            .order_by("opened_on", "name")
        )
        key = (f"showrooms {self.today.isoformat()}", *self._key)
        return statements.instances(key, Showroom, query)

    @property
    def allocated(self) -> int:
        return sum(m.allocated for m in self.by_source)

    @property
    def disbursed(self) -> int:
        return sum(m.disbursed for m in self.by_source)

    @property
    def in_force_total(self) -> int:
        return sum(n for _stars, n in self.in_force_by_stars)


def unit_products(unit: Unit) -> QuerySet[Product]:
    """The products of the unit's producers. Through the producers' ids, not a join: SQLite then
    reads the products by producer (a commune: 40 → 5 ms) instead of walking every product."""
    return Product.objects.filter(producer__in=Producer.objects.filter(commune__in=unit.communes()))


def product_count(unit: Unit) -> int:
    """How many products the unit holds (whether its report is made by a background job)."""
    key = ("product count", unit.kind, _pk(unit.province), _pk(unit.commune),
           _pk(unit.historic_unit))  # fmt: skip
    query = lambda: statements.sql_of(unit_products(unit).order_by().values("pk"))  # noqa: E731
    count_sql = lambda: _count_of(query())  # noqa: E731
    return int(statements.fetch(key, router.db_for_read(Product), count_sql)[0][0])


def _count_of(statement: tuple[str, Any]) -> tuple[str, Any]:
    sql, params = statement
    return f"SELECT COUNT(*) FROM ({sql}) q", params


def programme_report(unit: Unit, start: int, end: int, today: date) -> ProgrammeReport:
    return ProgrammeReport(unit, start, end, today)


def training_querysets(unit: Unit, start: int, end: int) -> list[QuerySet]:
    """What Training counts, in its order."""
    courses = Course.objects.filter(unit.records(), start_date__year__gte=start,
                                    start_date__year__lte=end)  # fmt: skip
    return [
        courses,
        Attendance.objects.filter(course__in=courses.values("pk")),
        selectors.participating_producers(unit),
        selectors.trained_producers(unit, start, end),
        selectors.unit_officials(unit),
        selectors.trained_officials(unit, start, end),
    ]


def _counts_sql(querysets: list[QuerySet]) -> tuple[str, list[Any]]:
    using = querysets[0].db  # the database the router gives these reads, as .count() would
    parts: list[str] = []
    params: list[Any] = []  # the querysets' own parameters, passed through unchanged
    for queryset in querysets:
        query = queryset.order_by().values("pk").query
        sql, part_params = query.get_compiler(using=using).as_sql()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) q)")
        params.extend(part_params)
    return f"SELECT {', '.join(parts)}", params


def budget(unit: Unit, start: int, end: int) -> tuple[list[Money], list[Money], list[Money]]:
    """Allocated and disbursed đồng of the unit's allocations of the period's years (a payment
    counts in the year of the allocation it is paid from), by source, content and year. Two
    queries."""
    allocated, disbursed = budget_querysets(unit, start, end)
    return budget_from_rows(allocated, disbursed, start, end)


def budget_querysets(unit: Unit, start: int, end: int) -> tuple[QuerySet, QuerySet]:
    """(year, source, content, đồng) allocated, and the same disbursed."""
    allocated = (
        selectors.allocations(unit, start, end)
        .order_by()
        .values("year", "source", "content")
        .annotate(t=Sum("amount"))
        .values_list("year", "source", "content", "t")
    )
    disbursed = (
        selectors.disbursements(unit, start, end)
        .order_by()
        .values(
            year=F("allocation__year"),
            source=F("allocation__source"),
            content=F("allocation__content"),
        )  # fmt: skip
        .annotate(t=Sum("amount"))
        .values_list("year", "source", "content", "t")
    )
    return allocated, disbursed


def budget_from_rows(
    allocated: Iterable[tuple], disbursed: Iterable[tuple], start: int, end: int
) -> tuple[list[Money], list[Money], list[Money]]:
    sums: dict[str, dict[str, list[int]]] = {
        "source": defaultdict(lambda: [0, 0]),
        "content": defaultdict(lambda: [0, 0]),
        "year": defaultdict(lambda: [0, 0]),
    }
    for column, rows in ((0, allocated), (1, disbursed)):
        for year, source, content, amount in rows:
            amount = int(amount or 0)  # a raw SUM on PostgreSQL is a numeric
            sums["source"][str(source)][column] += amount
            sums["content"][str(content)][column] += amount
            sums["year"][str(year)][column] += amount
    return (
        _money(sums["source"], FundingSource.choices),
        _money(sums["content"], SupportContent.choices),
        [Money(str(y), str(y), *sums["year"][str(y)]) for y in range(start, end + 1)],
    )


def _money(sums: dict[str, list[int]], choices: list[tuple[str, Any]]) -> list[Money]:
    return [Money(key, str(label), *sums[key]) for key, label in choices if key in sums]


def _pk(instance) -> int | None:
    return None if instance is None else instance.pk


def _day(value: Any) -> date:
    """A date column as a date (SQLite returns dates as ISO text to a plain cursor)."""
    return date.fromisoformat(value) if isinstance(value, str) else value
