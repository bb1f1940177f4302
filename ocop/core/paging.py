"""Pages of a list: one paginator for every list page, and the query string its page links keep.
Constant queries: a page is a count and one slice; relations come in one query per relation."""

from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet, prefetch_related_objects
from django.http import HttpRequest

PAGE_SIZE = 25
COUNT_LIMIT = 1_000  # a text search counts its matches up to this many


class SearchPaginator(Paginator):
    """The pages of a text search (issue 14: p95 ≤ 50 ms at 50,000 products). A substring
    search cannot use an index, so an exact COUNT(*) walks every row the search matches.
    Instead, when page 1 holds fewer rows than a page, those rows are the count (no COUNT
    query at all); otherwise the matches are counted up to COUNT_LIMIT, and past it `capped` is
    true, the count is COUNT_LIMIT and the pages stop there: the list says “more than 1,000”
    and asks for more words, as no officer reads a thousand results."""

    def __init__(self, object_list, per_page, limit: int = COUNT_LIMIT) -> None:
        super().__init__(object_list, per_page)
        self.limit = limit
        self._first: list | None = None
        self._capped = False

    def get_page(self, number) -> Page:
        if number not in (None, "", "1", 1):
            return super().get_page(number)
        self._first = list(self.object_list[: self.per_page])
        return Page(self._first, 1, self)

    @cached_property
    def count(self) -> int:
        if self._first is not None and len(self._first) < self.per_page:
            return len(self._first)
        if not isinstance(self.object_list, QuerySet):  # a list already read: its length
            return len(self.object_list)
        matches = self.object_list.order_by()  # any of them: no sort
        found = matches[: self.limit + 1].count()
        self._capped = found > self.limit
        return min(found, self.limit)

    @property
    def capped(self) -> bool:
        """Whether there are more matches than the count says (a template may ask first)."""
        self.count  # noqa: B018 -- counting decides it
        return self._capped


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
