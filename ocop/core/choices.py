"""Choices from a long list, shown a page at a time (issue 14: every list bounded, its queries
constant). The form field still validates against every allowed row (one query); the page shows
one search's page of them, 50 at a time, and re-posts the ones already chosen on other pages as
hidden inputs. Searching and paging re-post the form (buttons named after the page's parameter),
so nothing typed or chosen is lost; a plain GET reads the search and the page from the query
string."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import Form
from django.http import HttpRequest

from .paging import SearchPaginator
from .text import nfc

CHOICES_PAGE_SIZE = 50
MAX_ID = 2**63  # a row id beyond the database's integer range is no row


@dataclass
class Choices:
    """One page of a form field's choices, and what the template needs to page and search it."""

    field: str  # the form field it shows
    page: Page
    q: str
    q_param: str
    page_param: str
    kept: list[str]  # chosen ids not on this page but allowed, re-posted hidden
    chosen: int  # how many are chosen, on every page

    def show(self, form: Form) -> Form:
        """The field offers the page's rows only (it still accepts any allowed one)."""
        field = form.fields[self.field]
        label = getattr(field, "label_from_instance", str)
        field.widget.choices = [(row.pk, label(row)) for row in self.page]  # type: ignore[attr-defined]
        return form


def row_ids(values: list[str]) -> list[str]:
    """The posted values that can be row ids, once each, in order (the field refuses the rest)."""
    seen: dict[str, None] = {}
    for value in values:
        if value.isascii() and value.isdigit() and int(value) < MAX_ID:
            seen.setdefault(str(int(value)), None)
    return list(seen)


def is_browsing(request: HttpRequest, page_param: str = "page") -> bool:
    """Whether the form was posted to search or turn a page of its choices, not to be saved."""
    return request.method == "POST" and page_param in request.POST


def choices_page(
    request: HttpRequest, allowed: QuerySet, search: Callable[[Any, str], QuerySet], *,
    field: str, q_param: str = "q", page_param: str = "page", size: int = CHOICES_PAGE_SIZE,
) -> Choices:  # fmt: skip
    """The page of `allowed` that the request asks for (`search(allowed, q)` when searching): a
    count and one slice, however many rows are allowed or chosen."""
    params = request.POST if request.method == "POST" else request.GET
    q = nfc(params.get(q_param, ""))[:100]  # no control character reaches the database
    rows = search(allowed, q) if q else allowed
    paginator = (SearchPaginator if q else Paginator)(rows, size)
    page = paginator.get_page(params.get(page_param))
    page.object_list = list(page.object_list)
    chosen = row_ids(params.getlist(field))
    shown = {str(row.pk) for row in page.object_list}
    others = [pk for pk in chosen if pk not in shown]
    # Only rows still allowed ride along: one withdrawn since could not be unchosen, hidden.
    kept = [str(pk) for pk in allowed.filter(pk__in=others).values_list("pk", flat=True)]
    return Choices(field, page, q, q_param, page_param, kept,
                   len(shown.intersection(chosen)) + len(kept))  # fmt: skip


def reshown(form_class: type[Form], request: HttpRequest, **kwargs) -> Form:
    """The posted form again, unchecked: a search or a page of its choices is no submission, so
    no field says it is missing; every value typed or chosen is shown as it was."""
    posted = form_class(request.POST, **kwargs)
    typed = {name: posted[name].data for name in posted.fields}
    return form_class(initial=typed, **kwargs)
