"""Confirmation of irreversible actions, without JavaScript.

The action's first POST renders a page with a summary of what will happen and a "Xác nhận"
button that re-posts the same fields with confirm=1; only that POST acts (the view calls its
service then). A double click on "Xác nhận" is the service's to absorb (row locks, state checks).
"""

from collections.abc import Iterable, Mapping, Sequence

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONFIRM = "confirm"
NEVER_REPOSTED = frozenset({"csrfmiddlewaretoken", CONFIRM})


def is_confirmed(request: HttpRequest) -> bool:
    return request.POST.get(CONFIRM) == "1"


def _fields(request: HttpRequest, drop: Iterable[str] = ()) -> list[tuple[str, str]]:
    dropped = NEVER_REPOSTED | set(drop)
    return [
        (name, value)
        for name in request.POST
        if name not in dropped
        for value in request.POST.getlist(name)
    ]


def confirmation(
    request: HttpRequest,
    *,
    title: str,
    rows: Sequence[tuple[str, object]],
    button: str,
    cancel_url: str,
    notes: Sequence[str] = (),
    alternatives: Mapping[str, Mapping[str, str]] | None = None,
) -> HttpResponse:
    """The confirmation page: `rows` (label, value) summarise the action, `notes` say what cannot
    be undone; `alternatives` are other buttons, {label: fields to override}, e.g. "save the draft"."""
    fields = _fields(request)
    others = [
        (label, _fields(request, drop=override) + list(override.items()))
        for label, override in (alternatives or {}).items()
    ]
    context = {
        "title": title, "rows": rows, "button": button, "cancel_url": cancel_url, "notes": notes,
        "fields": fields, "alternatives": others, "action": request.path,
    }  # fmt: skip
    return render(request, "core/confirm.html", context)
