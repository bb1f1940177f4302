"""The human documentation: Swagger UI from the installed drf-spectacular-sidecar files, started
by static/js/api-docs.js (no inline script, no CDN: the page keeps script-src 'self')."""

from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def docs(request):
    return render(request, "api/docs.html")
