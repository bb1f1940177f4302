"""The numbers of the dashboards and reports: aggregates read straight from the registry,
evaluation and certificates, each one query whatever the size of the data (GROUP BY in the
database, never a loop over rows). Read-only: nothing here writes.

A queryset argument is already narrowed to what the reader may see (`visible_to`) or to a unit's
communes; these functions only count it.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast, ExtractYear, Substr

from ocop.certificates.choices import IN_FORCE
from ocop.certificates.models import Certificate, HistoricResult
from ocop.certificates.validity import WINDOW_OPENS_DAYS
from ocop.evaluation import workflow
from ocop.evaluation.models import Application
from ocop.evaluation.models.applications import Stage
from ocop.registry.models import Product

STARS = (5, 4, 3, 2, 1)
RECOGNISED_FROM = 3  # OCOP recognises products from 3 stars; 1★ and 2★ are ranked, not certified
# "Expiring soon": the re-evaluation window opens 180 days before expiry (validity.py).
EXPIRING_DAYS = WINDOW_OPENS_DAYS


@dataclass(frozen=True)
class StarCount:
    stars: int | None  # None: not ranked yet
    count: int


@dataclass(frozen=True)
class StageCount:
    stage: str
    label: str
    count: int
    overdue: int


@dataclass(frozen=True)
class YearStars:
    """Products evaluated and ranked in one year, by stars (a product counts once per year, at its
    best result), and the products recognised (≥ 3★) for the first time up to that year."""

    year: int
    by_stars: dict[int, int]
    recognised: int  # distinct products at ≥ 3★ that year
    cumulative: int  # distinct products recognised at ≥ 3★ in any year up to this one

    def stars_row(self) -> list[int]:
        return [self.by_stars.get(s, 0) for s in STARS]


def products_by_stars(products: QuerySet[Product]) -> list[StarCount]:
    """Active products by their current stars, 5★ first, then those not ranked."""
    return stars_from_rows(stars_query(products))


def stars_query(products: QuerySet[Product]) -> QuerySet:
    """(current stars, products) of the active products."""
    rows = products.filter(archived_at__isnull=True).order_by().values("current_stars")
    return rows.annotate(n=Count("id")).values_list("current_stars", "n")


def stars_from_rows(rows) -> list[StarCount]:
    counts = {stars: n for stars, n in rows}
    return [StarCount(s, counts.get(s, 0)) for s in STARS] + [StarCount(None, counts.get(None, 0))]


def certificates_in_force(certificates: QuerySet[Certificate]) -> QuerySet[Certificate]:
    return certificates.filter(status__in=IN_FORCE)


def in_force_of_products(certificates: QuerySet[Certificate]) -> QuerySet[Certificate]:
    """The certificates in force among these (narrowed to some products). On SQLite, which keeps
    no statistics, the status test is written so that the status index cannot serve it: the
    planner then reads the products' certificates by product (a province: 50 → 12 ms over the
    national data set) rather than every certificate in force of the country."""
    if connection.vendor != "sqlite":
        return certificates_in_force(certificates)
    in_force = Case(When(status__in=IN_FORCE, then=Value(1)), default=Value(0))
    return certificates.alias(in_force=in_force).filter(in_force=1)


def certificates_expiring(
    certificates: QuerySet[Certificate], today: date
) -> QuerySet[Certificate]:
    """In force and expiring within the re-evaluation lead time, the soonest first."""
    horizon = today + timedelta(days=EXPIRING_DAYS)
    return (
        certificates_in_force(certificates)
        .filter(valid_until__gte=today, valid_until__lte=horizon)
        .select_related("product")
        .order_by("valid_until", "number")
    )


def dossiers_by_stage(applications: QuerySet[Application], today: date) -> list[StageCount]:
    """Open dossiers (not yet final) by stage in workflow order, with how many are overdue."""
    rows = (
        applications.exclude(stage__in=workflow.FINAL)
        .order_by()
        .values("stage")
        .annotate(n=Count("id"), late=Count("id", filter=Q(stage_due__lt=today)))
    )
    found = {r["stage"]: (r["n"], r["late"]) for r in rows}
    return [
        StageCount(stage, str(label), *found[stage])
        for stage, label in Stage.choices
        if stage in found
    ]


def ranked_per_year(products: QuerySet[Product], start: int, end: int) -> list[YearStars]:
    """Per year of [start, end]: products ranked by stars (certificates by their issue year and
    historic results by their year, a product once per year at its best), the products
    recognised at ≥ 3★ that year, and how many distinct products were recognised up to it.
    One query (both aggregates, tagged) over the union of both sources, whatever the number of
    products. The union is a common table expression, read once by both aggregates: written out
    twice, PostgreSQL planned it twice and ran the two halves in parallel workers, whose start
    cost a commune's dashboard more than its data (18 → 8 ms)."""
    return per_year_from_rows(_fetch(*per_year_sql(products, start, end)), start, end)


def per_year_sql(products: QuerySet[Product], start: int, end: int) -> tuple[str, list]:
    """The statement of ranked_per_year: (0, year, stars, products) and (1, first year, None,
    products) rows."""
    union_sql, params = _results_union(products)
    sql = (
        f"WITH u AS ({union_sql}) "
        f"SELECT 0, y, s, COUNT(*) FROM (SELECT p, y, MAX(s) AS s FROM u "
        f"WHERE y BETWEEN %s AND %s GROUP BY p, y) b GROUP BY y, s "
        f"UNION ALL SELECT 1, f, NULL, COUNT(*) FROM (SELECT p, MIN(y) AS f FROM u "
        f"WHERE s >= %s AND y <= %s GROUP BY p) c GROUP BY f"
    )
    return sql, [*params, start, end, RECOGNISED_FROM, end]


def per_year_from_rows(rows, start: int, end: int) -> list[YearStars]:
    by_year: dict[int, dict[int, int]] = {}
    firsts: dict[int, int] = {}
    for part, year, stars, count in rows:
        if part == 0:
            by_year.setdefault(int(year), {})[int(stars)] = count
        else:
            firsts[int(year)] = count
    cumulative = sum(n for year, n in firsts.items() if year < start)
    out = []
    for year in range(start, end + 1):
        stars = by_year.get(year, {})
        cumulative += firsts.get(year, 0)
        recognised = sum(n for s, n in stars.items() if s >= RECOGNISED_FROM)
        out.append(YearStars(year, stars, recognised, cumulative))
    return out


def _results_union(products: QuerySet[Product]) -> tuple[str, list]:
    """(product, year, stars) of every certificate and historic result of these products, as
    SQL compiled by Django for the database in use."""
    inside = products.values("pk")
    certificates = (
        Certificate.objects.filter(product__in=inside)
        .annotate(p=F("product_id"), y=_year("issue_date"), s=F("stars"))
        .order_by()
        .values("p", "y", "s")
    )
    historic = (
        HistoricResult.objects.filter(product__in=inside)
        .annotate(p=F("product_id"), y=F("year"), s=F("stars"))
        .order_by()
        .values("p", "y", "s")
    )
    sql_a, params_a = certificates.query.sql_with_params()
    sql_b, params_b = historic.query.sql_with_params()
    return f"{sql_a} UNION ALL {sql_b}", [*params_a, *params_b]


def _year(field: str):
    """The year of a date column. SQLite stores dates as ISO text: its first four characters,
    rather than ExtractYear's per-row call into Python."""
    if connection.vendor == "sqlite":
        return Cast(Substr(field, 1, 4), IntegerField())
    return ExtractYear(field)


def in_force_query(certificates: QuerySet[Certificate]) -> QuerySet:
    """(stars, certificates in force) of these certificates, 5★ first once mapped. The status
    is a filter of the count, not of the rows: SQLite would otherwise walk every certificate in
    force of the country by the status index instead of the unit's products' certificates."""
    rows = certificates.order_by().values("stars")
    return rows.annotate(n=Count("id", filter=Q(status__in=IN_FORCE))).values_list("stars", "n")


def in_force_from_rows(rows) -> list[tuple[int, int]]:
    counts = {stars: n for stars, n in rows}
    return [(s, counts.get(s, 0)) for s in (5, 4, 3)]


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
