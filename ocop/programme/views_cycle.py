"""Pages of the annual cycle: the six steps of a unit's year, product ideas, business plans.
Thin: scoped fetch, form, one service call."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import get_visible_or_404, role_required
from ocop.accounts.roles import OFFICER_ROLES, Role
from ocop.core.paging import filter_params, page_of, query_without_page
from ocop.registry.models import Producer

from . import selectors_activity as selectors
from . import services_cycle as services
from .choices import BusinessPlanStatus, IdeaStatus
from .forms_activity import (
    DecisionForm,
    IdeaForm,
    LinkProductForm,
    PlanForm,
    WindowForm,
    user_unit_code,
)
from .models import BusinessPlan, CycleWindow, Idea
from .units import UnknownUnit, resolve_unit, unit_of

OFFICERS = tuple(OFFICER_ROLES)
OFFICERS_AND_PRODUCERS = (*OFFICER_ROLES, Role.PRODUCER)


def _refused(request: HttpRequest, error: Exception) -> None:
    text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    messages.error(request, text)


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("year") or request.POST.get("year") or ""
    return int(raw) if raw.isdigit() and len(raw) == 4 else timezone.localdate().year


def _default_code(user) -> str:
    code = user_unit_code(user)
    if not code and getattr(user, "role", "") == Role.PRODUCER:
        producer = Producer.objects.visible_to(user).select_related("commune").first()
        code = producer.commune.code if producer else ""
    return code or "01"


@role_required(*OFFICERS_AND_PRODUCERS)
def cycle(request: HttpRequest) -> HttpResponse:
    code, year = request.GET.get("unit") or _default_code(request.user), _year(request)
    try:
        unit = resolve_unit(code)
    except UnknownUnit:
        messages.error(request, _("Không có đơn vị hành chính mã “%(code)s”.") % {"code": code})
        unit = resolve_unit(_default_code(request.user))
    windows = services.cycle_windows(unit=unit, year=year)
    today = timezone.localdate()
    context = {
        "unit": unit, "year": year, "windows": windows, "today": today,
        "current": services.current_step(windows, today),
        "counts": selectors.cycle_counts(unit, year, request.user),
        "may_open": services.may_manage_unit(request.user, unit) and not all(w.stored for w in windows),
        "may_move": services.may_manage_unit(request.user, unit),
    }  # fmt: skip
    return render(request, "programme/cycle_year.html", context)


@require_POST
@role_required(*OFFICERS)
def cycle_open(request: HttpRequest) -> HttpResponse:
    code, year = request.POST.get("unit", ""), _year(request)
    try:
        unit = resolve_unit(code)
        made = services.cycle_open(actor=request.user, unit=unit, year=year)
        messages.success(request, _("Đã lập lịch %(n)s bước của chu trình.") % {"n": len(made)})
    except UnknownUnit:
        messages.error(request, _("Không có đơn vị hành chính mã “%(code)s”.") % {"code": code})
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    return redirect(f"{reverse('activities:cycle')}?{urlencode({'unit': code, 'year': year})}")


@role_required(*OFFICERS)
def cycle_window(request: HttpRequest, pk: int) -> HttpResponse:
    window = get_visible_or_404(
        CycleWindow.objects.select_related("commune", "historic_unit", "province"),
        request.user,
        pk=pk,
    )
    form = WindowForm(
        request.POST or None, initial={"start_date": window.start_date, "end_date": window.end_date}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.cycle_window_set(actor=request.user, window=window, start=form.cleaned_data["start_date"],
                                      end=form.cleaned_data["end_date"])  # fmt: skip
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Đã dời lịch bước của chu trình."))
            unit = unit_of(window)
            return redirect(
                f"{reverse('activities:cycle')}?{urlencode({'unit': unit.code, 'year': window.year})}"
            )
    return render(request, "programme/cycle_window.html", {"form": form, "window": window})


@role_required(*OFFICERS_AND_PRODUCERS)
def idea_list(request: HttpRequest) -> HttpResponse:
    year = request.GET.get("year", "")
    ideas = selectors.ideas_for(
        request.user, int(year) if year.isdigit() else None, request.GET.get("status", "")
    )
    page = page_of(request, ideas.order_by("-year", "-created_at", "-pk"))
    context = {"ideas": page, "page": page, "query": query_without_page(request),
               "statuses": IdeaStatus.choices, "year": year, "params": filter_params(request)}  # fmt: skip
    return render(request, "programme/idea_list.html", context)


@role_required(*OFFICERS_AND_PRODUCERS)
def idea_create(request: HttpRequest) -> HttpResponse:
    form = IdeaForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.idea_register(actor=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Đã đăng ký ý tưởng sản phẩm."))
            return redirect("activities:idea_detail", pk=idea.pk)
    return render(request, "programme/idea_form.html", {"form": form})


@role_required(*OFFICERS_AND_PRODUCERS)
def idea_detail(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_visible_or_404(
        Idea.objects.select_related("producer", "commune"), request.user, pk=pk
    )
    lines = selectors.lineages_of_idea(idea, request.user)
    open_plan = any(line.plan.status != BusinessPlanStatus.RETURNED for line in lines if line.plan)
    context = {
        "idea": idea, "lines": lines, "screen_form": DecisionForm(),
        "may_screen": getattr(request.user, "is_officer", False) and idea.status == IdeaStatus.SUBMITTED,
        "may_plan": idea.status == IdeaStatus.ACCEPTED and not open_plan,
    }  # fmt: skip
    return render(request, "programme/idea_detail.html", context)


@require_POST
@role_required(*OFFICERS)
def idea_screen(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_visible_or_404(Idea.objects.all(), request.user, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("activities:idea_detail", pk=pk)
    accept = form.cleaned_data["decision"] == "accept"
    try:
        services.idea_screen(
            actor=request.user, idea=idea, accept=accept, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request, _("Đã chấp nhận ý tưởng.") if accept else _("Đã trả lại ý tưởng.")
        )
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    return redirect("activities:idea_detail", pk=pk)


@role_required(*OFFICERS_AND_PRODUCERS)
def plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_visible_or_404(Idea.objects.select_related("producer"), request.user, pk=pk)
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_submit(actor=request.user, idea=idea, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Đã nộp phương án sản xuất kinh doanh."))
            return redirect("activities:businessplan_detail", pk=plan.pk)
    return render(request, "programme/businessplan_form.html", {"form": form, "idea": idea})


@role_required(*OFFICERS_AND_PRODUCERS)
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(
        BusinessPlan.objects.select_related("idea__producer", "idea__commune", "product"),
        request.user,
        pk=pk,
    )
    context = {
        "plan": plan, "line": selectors.lineage_of(plan, request.user),
        "decide_form": DecisionForm(), "link_form": LinkProductForm(plan=plan),
        "may_decide": getattr(request.user, "is_officer", False) and plan.status == BusinessPlanStatus.SUBMITTED,
        "may_link": plan.status == BusinessPlanStatus.APPROVED,
    }  # fmt: skip
    return render(request, "programme/businessplan_detail.html", context)


@require_POST
@role_required(*OFFICERS)
def plan_decide(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(
        BusinessPlan.objects.select_related("idea__commune"), request.user, pk=pk
    )
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("activities:businessplan_detail", pk=pk)
    approve = form.cleaned_data["decision"] == "accept"
    try:
        services.plan_decide(
            actor=request.user, plan=plan, approve=approve, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request, _("Đã phê duyệt phương án.") if approve else _("Đã trả lại phương án.")
        )
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    return redirect("activities:businessplan_detail", pk=pk)


@require_POST
@role_required(*OFFICERS_AND_PRODUCERS)
def plan_link(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(
        BusinessPlan.objects.select_related("idea__producer"), request.user, pk=pk
    )
    form = LinkProductForm(request.POST, plan=plan)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một sản phẩm của chủ thể."))
        return redirect("activities:businessplan_detail", pk=pk)
    try:
        services.plan_link_product(
            actor=request.user, plan=plan, product=form.cleaned_data["product"]
        )
        messages.success(request, _("Đã gắn sản phẩm với phương án."))
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    return redirect("activities:businessplan_detail", pk=pk)
