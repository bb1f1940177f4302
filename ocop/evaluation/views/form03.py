"""Mẫu 03 (Phụ lục III): the commune's report on a dossier. Whoever sees the dossier reads it; the
commune officer who may propose the dossier writes it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ocop.accounts.permissions import login_required

from .. import pdf_phuluc3
from ..forms_phuluc3 import Form03
from ..mau03 import document
from ..services.form03 import application_save_form03, may_write_form03
from .common import fetch
from .pdfs import _pdf


@login_required
def application_form03(request, pk: int):
    application = fetch(request, pk)
    writable = may_write_form03(request.user, application)
    if request.method == "POST" and not writable:
        raise PermissionDenied
    saved = application.commune_report or {}
    form = Form03(request.POST or None, initial=saved) if writable else None
    if form is not None and request.method == "POST" and form.is_valid():
        application_save_form03(
            actor=request.user, application=application, report=form.cleaned_data
        )
        messages.success(request, _("Đã lưu báo cáo Mẫu 03."))
        return redirect("evaluation:application_detail", pk=application.pk)
    context = {"application": application, "form": form, "doc": document(application)}
    return render(request, "evaluation/application_form03.html", context)


@login_required
def form03_pdf(request, pk: int):
    application = fetch(request, pk)
    return _pdf(pdf_phuluc3.form03_pdf(application), f"mau-03-{application.pk}.pdf")
