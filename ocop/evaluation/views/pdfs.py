"""Mẫu 01 and Mẫu 02 of a dossier as PDFs, for whoever may see the dossier."""

from django.http import HttpResponse

from ocop.accounts.permissions import login_required

from .. import pdf
from .common import fetch


def _pdf(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@login_required
def form01_pdf(request, pk: int):
    application = fetch(request, pk)
    return _pdf(pdf.form01_pdf(application), f"mau-01-{application.pk}.pdf")


@login_required
def form02_pdf(request, pk: int):
    application = fetch(request, pk)
    return _pdf(pdf.form02_pdf(application), f"mau-02-{application.pk}.pdf")
