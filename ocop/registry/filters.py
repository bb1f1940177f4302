"""The officer lists' filters, search and sorting, read from the query string.

The same functions feed the HTML lists and the Excel export, so an export is exactly the list.
"""

from django.db.models import DateTimeField, Func, QuerySet
from django.http import QueryDict

from ocop.core.text import search_terms, whole_number

from .choices import CertificateStatus, LegalForm
from .models import Producer, Product
from .search_index import contains_all

PRODUCER_SORTS = {
    "name": "search_key",
    "-name": "-search_key",
    "commune": "commune__name",
    "new": "-created_at",
}
# Names sort by their search key, so that "Đường" sits among the D's as Vietnamese readers expect.
PRODUCT_SORTS = {
    "name": "search_key",
    "-name": "-search_key",
    "producer": "producer__name",
    "stars": "-current_stars",
    "code": "code",
    "new": "-created_at",
}


def _int(value: str | None) -> int | None:
    return whole_number(value) if value else None


class _NotIndexed(Func):
    """The column, for a condition SQLite must not answer from an index (its documented unary
    "+"); other databases plan by their statistics and get the plain column."""

    template = "%(expressions)s"
    output_field = DateTimeField()

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="+%(expressions)s", **extra)


def _archived(queryset, params: QueryDict, territorial: bool = False):
    if territorial:
        # One territory's products (a few thousand at most): read them by the producer index and
        # sort them. Without statistics SQLite would rather walk all 50,000 products in name
        # order through (archived_at, search_key), looking for the territory's.
        queryset = queryset.alias(archived=_NotIndexed("archived_at"))
        field = "archived"
    else:
        field = "archived_at"
    return queryset.filter(**{f"{field}__isnull": params.get("archived") != "1"})


def _search(queryset, query: str, indexed: bool = True):
    """`indexed=False`: a territory's rows, read by the producer index, are few enough to test
    each key; SQLite's substring index would find the matches of the whole country first."""
    return contains_all(queryset, "search_key", search_terms(query), indexed=indexed)


def filter_producers(queryset: QuerySet[Producer], params: QueryDict) -> QuerySet[Producer]:
    queryset = _search(_archived(queryset, params), params.get("q", ""))
    if params.get("commune"):
        queryset = queryset.filter(commune__code=params["commune"])
    if params.get("legal_form") in LegalForm.values:
        queryset = queryset.filter(legal_form=params["legal_form"])
    order = PRODUCER_SORTS.get(params.get("sort", ""), "search_key")
    return queryset.select_related("commune").order_by(order, "id")


def filter_products(
    queryset: QuerySet[Product], params: QueryDict, *, territorial: bool = False
) -> QuerySet[Product]:
    """`territorial`: the queryset is already limited to a territory or a producer's products."""
    queryset = _archived(queryset, params, territorial)
    queryset = _search(queryset, params.get("q", ""), indexed=not territorial)
    if params.get("commune"):
        queryset = queryset.filter(producer__commune__code=params["commune"])
    set_number = _int(params.get("set"))
    if set_number is not None:
        queryset = queryset.filter(set_number=set_number)
    if params.get("rules"):
        queryset = queryset.filter(rules=params["rules"])
    if params.get("legal_form") in LegalForm.values:
        queryset = queryset.filter(producer__legal_form=params["legal_form"])
    stars = params.get("stars", "")
    if stars == "none":
        queryset = queryset.filter(current_stars__isnull=True)
    elif _int(stars) is not None:
        queryset = queryset.filter(current_stars=_int(stars))
    status = params.get("certificate")
    if status == "none":
        queryset = queryset.filter(certificate_status="")
    elif status in CertificateStatus.values:
        queryset = queryset.filter(certificate_status=status)
    order = PRODUCT_SORTS.get(params.get("sort", ""), "search_key")
    return queryset.select_related("producer__commune").order_by(order, "id")
