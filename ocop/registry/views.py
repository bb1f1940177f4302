"""Producer pages and the pending-change queue. Thin: scoped fetch, form, one service call."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import get_visible_or_404, role_required
from ocop.accounts.roles import OFFICER_ROLES, Role
from ocop.core.paging import filter_params, page_of, query_without_page

from . import services
from .choices import LegalForm
from .filters import filter_producers
from .forms import DocumentForm, ProducerForm, RejectForm
from .models import PendingChange, Producer
from .services import PRODUCER_FIELDS

OFFICERS = tuple(OFFICER_ROLES)
OFFICERS_AND_PRODUCERS = (*OFFICER_ROLES, Role.PRODUCER)


@role_required(*OFFICERS_AND_PRODUCERS)
def producer_list(request: HttpRequest) -> HttpResponse:
    producers = filter_producers(Producer.objects.visible_to(request.user), request.GET)
    context = {
        "page": page_of(request, producers, ("commune",)),
        "legal_forms": LegalForm.choices,
        "query": query_without_page(request),
        "params": filter_params(request),
    }
    return render(request, "registry/producer_list.html", context)


@role_required(*OFFICERS_AND_PRODUCERS)
def producer_create(request: HttpRequest) -> HttpResponse:
    form = ProducerForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in PRODUCER_FIELDS}
        representative = (
            request.user if getattr(request.user, "role", "") == Role.PRODUCER else None
        )
        producer = services.producer_create(
            actor=request.user, data=data, representative=representative
        )
        messages.success(request, _("Đã tạo chủ thể."))
        return redirect("registry:producer_detail", pk=producer.pk)
    return render(request, "registry/producer_form.html", {"form": form})


@role_required(*OFFICERS_AND_PRODUCERS)
def producer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    producer = get_visible_or_404(Producer.objects.select_related("commune"), request.user, pk=pk)
    context = {
        "producer": producer,
        "products": producer.products.order_by("name"),
        "documents": producer.documents.all(),
        "pending": producer.changes.pending(),
        "document_form": DocumentForm(),
    }
    return render(request, "registry/producer_detail.html", context)


@role_required(*OFFICERS_AND_PRODUCERS)
def producer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    producer = get_visible_or_404(Producer.objects.active(), request.user, pk=pk)
    form = ProducerForm(request.POST or None, instance=producer, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in PRODUCER_FIELDS}
        producer.refresh_from_db()  # the form wrote onto the instance; compare with the stored row
        change = services.producer_update(actor=request.user, producer=producer, data=data)
        messages.success(request, _saved_message(change))
        return redirect("registry:producer_detail", pk=producer.pk)
    return render(request, "registry/producer_form.html", {"form": form, "producer": producer})


def _saved_message(change) -> str:
    if change is None:
        return _("Đã lưu.")
    return _("Đã gửi đề nghị sửa; dữ liệu đã xác minh chỉ thay đổi khi cán bộ chấp nhận.")


@require_POST
@role_required(*OFFICERS)
def producer_verify(request: HttpRequest, pk: int) -> HttpResponse:
    producer = get_visible_or_404(Producer.objects.all(), request.user, pk=pk)
    services.producer_verify(actor=request.user, producer=producer)
    messages.success(request, _("Đã xác minh chủ thể."))
    return redirect("registry:producer_detail", pk=pk)


@require_POST
@role_required(*OFFICERS)
def producer_archive(request: HttpRequest, pk: int) -> HttpResponse:
    producer = get_visible_or_404(Producer.objects.all(), request.user, pk=pk)
    archive = request.POST.get("restore") != "1"
    services.producer_set_archived(actor=request.user, producer=producer, archived=archive)
    messages.success(request, _("Đã lưu trữ chủ thể.") if archive else _("Đã khôi phục chủ thể."))
    return redirect("registry:producer_detail", pk=pk)


@require_POST
@role_required(*OFFICERS_AND_PRODUCERS)
def producer_document_add(request: HttpRequest, pk: int) -> HttpResponse:
    producer = get_visible_or_404(Producer.objects.active(), request.user, pk=pk)
    form = DocumentForm(request.POST)
    if form.is_valid():
        services.producer_add_document(
            actor=request.user, producer=producer, data=form.cleaned_data
        )
        messages.success(request, _("Đã thêm giấy tờ."))
    else:
        messages.error(request, _("Giấy tờ chưa hợp lệ: %(e)s") % {"e": form.errors.as_text()})
    return redirect("registry:producer_detail", pk=pk)


@role_required(*OFFICERS_AND_PRODUCERS)
def change_list(request: HttpRequest) -> HttpResponse:
    changes = PendingChange.objects.visible_to(request.user).select_related(
        "producer", "product", "submitted_by"
    )
    show = request.GET.get("status", "pending")
    if show == "pending":
        changes = changes.pending()
    context = {"page": page_of(request, changes), "query": query_without_page(request),
               "show": show, "reject_form": RejectForm()}  # fmt: skip
    return render(request, "registry/pendingchange_list.html", context)


@require_POST
@role_required(*OFFICERS)
def change_accept(request: HttpRequest, pk: int) -> HttpResponse:
    change = get_visible_or_404(PendingChange.objects.all(), request.user, pk=pk)
    try:
        services.change_accept(actor=request.user, change=change)
        messages.success(request, _("Đã chấp nhận đề nghị sửa."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("registry:change_list")


@require_POST
@role_required(*OFFICERS)
def change_reject(request: HttpRequest, pk: int) -> HttpResponse:
    change = get_visible_or_404(PendingChange.objects.all(), request.user, pk=pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi lý do từ chối."))
        return redirect("registry:change_list")
    try:
        services.change_reject(actor=request.user, change=change, note=form.cleaned_data["note"])
        messages.success(request, _("Đã từ chối đề nghị sửa."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("registry:change_list")
