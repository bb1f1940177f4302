from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .models import Commune, HistoricUnit

LIMIT = 20


@login_required
def commune_options(request):
    """Suggestions for a commune-code field: `<option>`s for a datalist, by code or name."""
    query = request.GET.get("q", "").strip()
    communes = Commune.objects.search(query).select_related("province")[:LIMIT] if query else []
    options = [(c.code, f"{c.name}, {c.province.name}") for c in communes]
    return render(request, "places/_unit_options.html", {"options": options})


@login_required
def historic_options(request):
    """Suggestions for a former-commune field (units before 1 Jul 2025)."""
    query = request.GET.get("q", "").strip()
    units = (
        HistoricUnit.objects.search(query)
        .filter(level=HistoricUnit.Level.COMMUNE)
        .select_related("parent", "successor")[:LIMIT]
        if query
        else []
    )
    options = [(u.code, f"{u.name}, {u.parent or ''} → {u.successor or ''}") for u in units]
    return render(request, "places/_unit_options.html", {"options": options})
