"""Support budget pages: the overview with totals, allocations, disbursements and their documents.
Officers only, each within its territory (services.may_manage); producers see nothing of it."""

import mimetypes

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ocop.accounts.permissions import get_visible_or_404, role_required
from ocop.accounts.roles import OFFICER_ROLES
from ocop.core.money import amount_in_words
from ocop.core.paging import page_of, query_without_page

from . import selectors, services
from .choices import FundingSource, SupportContent
from .forms import AllocationEditForm, AllocationForm, DisbursementForm
from .models import Allocation, Disbursement
from .units import UnknownUnit, default_unit_code, resolve_unit, unit_of

PAGE_SIZE = 50


@role_required(*OFFICER_ROLES)
def budget_overview(request: HttpRequest) -> HttpResponse:
    """Allocations of the chosen unit (default: the officer's own) with totals by year, source
    and content. Figures of a unit outside the officer's territory are not shown (404)."""
    code = request.GET.get("unit", "").strip() or default_unit_code(request.user)
    unit = summary = None
    allocations = Allocation.objects.visible_to(request.user)
    if code:
        try:
            unit = resolve_unit(code)
        except UnknownUnit:
            raise Http404 from None
        if not services.may_manage(request.user, unit):
            raise Http404
        summary = selectors.budget_summary(unit)
        allocations = allocations.filter(unit.records())
    allocations = allocations.annotate(
        disbursed=Coalesce(Sum("disbursements__amount"), 0)
    ).order_by("-year", "source", "content", "pk")
    context = {
        "unit": unit,
        "code": code,
        "summary": summary,
        "content_rows": _labelled(SupportContent, summary.by_content if summary else {}),
        "source_rows": _labelled(FundingSource, summary.by_source if summary else {}),
        "page": Paginator(
            allocations.select_related("province", "commune", "historic_unit"), PAGE_SIZE
        ).get_page(request.GET.get("page")),
        "query": f"unit={code}" if code else "",
    }
    return render(request, "programme/budget_overview.html", context)


def _labelled(choices, amounts: dict[str, int]) -> list[tuple[str, int]]:
    return [(str(choices(key).label), amount) for key, amount in amounts.items()]


@role_required(*OFFICER_ROLES)
def allocation_create(request: HttpRequest) -> HttpResponse:
    initial = {"unit": default_unit_code(request.user)}
    form = AllocationForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            allocation = services.allocation_create(actor=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã ghi khoản phân bổ kinh phí."))
            return redirect("programme:allocation_detail", allocation.pk)
    return render(request, "programme/allocation_form.html", {"form": form})


@role_required(*OFFICER_ROLES)
def allocation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    allocation = get_visible_or_404(Allocation.objects.all(), request.user, pk=pk)
    disbursed = services.disbursed_total(allocation)
    context = {
        "allocation": allocation,
        "unit": unit_of(allocation),
        "disbursed": disbursed,
        "balance": allocation.amount - disbursed,
        "page": page_of(
            request,
            allocation.disbursements.order_by("-paid_on", "-pk"),
            ("producer", "product"),
            size=PAGE_SIZE,
        ),
        "query": query_without_page(request),
        "may_manage": services.may_manage(request.user, unit_of(allocation)),
    }
    return render(request, "programme/allocation_detail.html", context)


@role_required(*OFFICER_ROLES)
def allocation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    allocation = get_visible_or_404(Allocation.objects.all(), request.user, pk=pk)
    if not services.may_manage(request.user, unit_of(allocation)):
        raise Http404
    initial = {
        "amount": str(allocation.amount), "document_number": allocation.document_number,
        "document_date": allocation.document_date, "note": allocation.note,
    }  # fmt: skip
    form = AllocationEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.allocation_update(
                actor=request.user, allocation=allocation, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã sửa khoản phân bổ."))
            return redirect("programme:allocation_detail", allocation.pk)
    context = {"form": form, "allocation": allocation}
    return render(request, "programme/allocation_form.html", context)


@role_required(*OFFICER_ROLES)
def disbursement_create(request: HttpRequest, pk: int) -> HttpResponse:
    allocation = get_visible_or_404(Allocation.objects.all(), request.user, pk=pk)
    unit = unit_of(allocation)
    if not services.may_manage(request.user, unit):
        raise Http404
    form = DisbursementForm(request.POST or None, request.FILES or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        try:
            disbursement = services.disbursement_create(
                actor=request.user, allocation=allocation, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã ghi khoản giải ngân."))
            return redirect("programme:disbursement_detail", disbursement.pk)
    context = {"form": form, "allocation": allocation, "unit": unit}
    return render(request, "programme/disbursement_form.html", context)


def _visible_disbursement(request: HttpRequest, pk: int) -> Disbursement:
    queryset = Disbursement.objects.select_related(
        "allocation__province", "allocation__commune", "allocation__historic_unit", "producer",
        "product", "course", "event",
    )  # fmt: skip
    return get_visible_or_404(queryset, request.user, pk=pk)


@role_required(*OFFICER_ROLES)
def disbursement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The payment as a printable page, with the amount in words."""
    disbursement = _visible_disbursement(request, pk)
    context = {
        "d": disbursement,
        "unit": unit_of(disbursement.allocation),
        "in_words": amount_in_words(disbursement.amount),
    }
    return render(request, "programme/disbursement_detail.html", context)


@role_required(*OFFICER_ROLES)
def disbursement_attachment(request: HttpRequest, pk: int) -> FileResponse:
    disbursement = _visible_disbursement(request, pk)
    if not disbursement.attachment:
        raise Http404
    name = disbursement.attachment.name or ""
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(disbursement.attachment.open("rb"), content_type=kind)
    response["Content-Disposition"] = (
        f'attachment; filename="chung-tu-{disbursement.pk}.{name.rsplit(".", 1)[-1]}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
