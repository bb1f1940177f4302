"""Pages of a list: one paginator for every list page, and the query string its page links keep.
Constant queries: a page is a count and one slice; relations come in one query per relation."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet, prefetch_related_objects
from django.http import HttpRequest

PAGE_SIZE = 25


def page_of(
    request: HttpRequest, queryset: QuerySet, related: tuple[str, ...] = (), size: int = PAGE_SIZE,
    name: str = "page",
) -> Page:  # fmt: skip
    """One page. With `related`, the page is read from the table alone (no joins for the database
    to sort through, ADR 0008) and those relations are then fetched for its rows only. `name`: the
    page's parameter (a page with two lists gives each its own)."""
    if not related:
        return Paginator(queryset, size).get_page(request.GET.get(name))
    page = Paginator(queryset.select_related(None), size).get_page(request.GET.get(name))
    page.object_list = list(page.object_list)
    prefetch_related_objects(page.object_list, *related)
    return page


def query_without_page(request: HttpRequest, name: str = "page") -> str:
    """The request's filters, for page links that keep them (`name`: the pager's own parameter;
    a page with two pagers keeps the other's page)."""
    params = request.GET.copy()
    params.pop(name, None)
    return params.urlencode()
