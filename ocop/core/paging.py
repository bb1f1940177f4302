"""Pages of a list: one paginator for every list page, and the query string its page links keep.
Constant queries: a page is a count and one slice; relations come in one query per relation."""

from collections import defaultdict
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet, prefetch_related_objects
from django.db.models.query import FlatValuesListIterable, ModelIterable
from django.http import HttpRequest

PAGE_SIZE = 25
COUNT_LIMIT = 1_000  # a text search counts its matches up to this many
IDS = (("pk",), ("id",))


class SearchPaginator(Paginator):
    """The pages of a text search (issue 14: p95 ≤ 50 ms at 50,000 products). A substring
    search walks the keys (or a trigram index) once per query it runs, and an exact COUNT(*)
    would walk every match again. Instead one query reads the ids of the first COUNT_LIMIT + 1
    matches in the list's order: they are the count, and each page is a slice of them whose
    rows are then read by primary key. Past COUNT_LIMIT, `capped` is true, the count is
    COUNT_LIMIT and the pages stop there: the list says “more than 1,000” and asks for more
    words, as no officer reads a thousand results."""

    def __init__(self, object_list, per_page, limit: int = COUNT_LIMIT, ids=None) -> None:
        """`ids`: the first matches' ids in order, already read (more than `limit` of them when
        there are more matches); the pages are then slices of them."""
        super().__init__(object_list, per_page)
        self.limit = limit
        if ids is not None:
            self.__dict__["_ids"] = list(ids)

    @cached_property
    def _ids(self) -> list | None:
        """The first limit + 1 matches' ids in order (None for a list already read)."""
        if not isinstance(self.object_list, QuerySet):
            return None
        return list(self.object_list.values_list("pk", flat=True)[: self.limit + 1])

    @cached_property
    def count(self) -> int:
        if self._ids is None:  # a list already read (without ids): its length
            return len(self.object_list)
        return min(len(self._ids), self.limit)

    @property
    def capped(self) -> bool:
        """Whether there are more matches than the count says."""
        return self._ids is not None and len(self._ids) > self.limit

    def page(self, number) -> Page:
        if self._ids is None:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        wanted = self._ids[bottom : min(bottom + self.per_page, self.count)]
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):  # ids given: they are the list
            return Page(wanted, number, self)
        if (
            queryset._iterable_class is FlatValuesListIterable
            and getattr(queryset, "_fields", ()) in IDS
        ):
            return Page(wanted, number, self)  # the ids are the list
        if queryset._iterable_class is not ModelIterable:  # other values: sliced as usual
            return super().page(number)
        found = {row.pk: row for row in queryset.order_by().filter(pk__in=wanted)}
        return Page([found[pk] for pk in wanted if pk in found], number, self)


class CountedPaginator(Paginator):
    """Pages of a list whose count is already known (e.g. kept in a cache)."""

    def __init__(self, object_list, per_page, count: int) -> None:
        super().__init__(object_list, per_page)
        self.known = count

    @cached_property
    def count(self) -> int:
        return self.known


def page_of(
    request: HttpRequest, queryset: QuerySet, related: tuple[str, ...] = (), size: int = PAGE_SIZE,
    name: str = "page",
) -> Page:  # fmt: skip
    """One page (of a text search, `?q=`: SearchPaginator). With `related`, the page is read from
    the table alone (no joins for the database to sort through, ADR 0008) and those relations are
    then fetched for its rows only. `name`: the page's parameter (a page with two lists gives each
    its own)."""
    searching = bool(request.GET.get("q", "").strip())
    paginator = SearchPaginator if searching else Paginator
    if not related:
        return paginator(queryset, size).get_page(request.GET.get(name))
    page = paginator(queryset.select_related(None), size).get_page(request.GET.get(name))
    page.object_list = list(page.object_list)
    prefetch_related_objects(page.object_list, *related)
    return page


def query_without_page(request: HttpRequest, name: str = "page") -> str:
    """The request's filters, for page links that keep them (`name`: the pager's own parameter;
    a page with two pagers keeps the other's page)."""
    params = request.GET.copy()
    params.pop(name, None)
    return params.urlencode()


def filter_params(request: HttpRequest) -> defaultdict[str, str]:
    """The request's filters, for a filter form to show what is chosen (`params.sort`): a
    missing one is "". (A template's `request.GET.sort` for a missing key fails three look-ups
    and then lists the QueryDict's attributes, dozens of times on a list page.)"""
    return defaultdict(str, request.GET.dict())
