"""Plan and target pages. Thin: scoped fetch, live figures from selectors, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ocop.accounts.permissions import get_visible_or_404, role_required
from ocop.accounts.roles import OFFICER_ROLES
from ocop.core.paging import page_of

from . import selectors, services
from .choices import Indicator, SupportContent
from .forms import PlanForm
from .models import Plan, Target
from .units import default_unit_code, unit_of

PAGE_SIZE = 50


@role_required(*OFFICER_ROLES)
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = Plan.objects.visible_to(request.user).order_by("-start_year", "name", "pk")
    page = page_of(request, plans)
    rows = selectors.target_rows(user=request.user, plan_ids=[plan.pk for plan in page])
    context = {"plans": page, "page": page, "rows": rows}
    return render(request, "programme/plan_list.html", context)


@role_required(*OFFICER_ROLES)
def plan_create(request: HttpRequest) -> HttpResponse:
    initial = {"unit": default_unit_code(request.user)}
    form = PlanForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(actor=request.user, **form.plan_arguments())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã ghi kế hoạch."))
            return redirect("programme:plan_detail", plan.pk)
    return render(request, "programme/plan_form.html", {"form": form})


@role_required(*OFFICER_ROLES)
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(Plan.objects.all(), request.user, pk=pk)
    unit = unit_of(plan)
    summary = selectors.budget_summary(unit, plan.start_year, plan.end_year)
    context = {
        "plan": plan,
        "unit": unit,
        "rows": [r for r in selectors.target_rows(unit=unit) if r.plan.pk == plan.pk],
        "summary": summary,
        "budget_rows": _budget_rows(plan, summary),
    }
    return render(request, "programme/plan_detail.html", context)


@role_required(*OFFICER_ROLES)
def target_records(request: HttpRequest, pk: int) -> HttpResponse:
    """The records behind one target's actual: products, producers, officials, showrooms…"""
    target = get_object_or_404(
        Target.objects.select_related("plan"),
        pk=pk,
        plan__in=Plan.objects.visible_to(request.user).values("pk"),
    )
    records = selectors.target_records(target)
    context = {
        "target": target,
        "plan": target.plan,
        "kind": _kind(target.indicator),
        "page": Paginator(records.order_by("pk"), PAGE_SIZE).get_page(request.GET.get("page")),
        "query": "",
    }
    return render(request, "programme/target_records.html", context)


def _budget_rows(plan: Plan, summary: selectors.BudgetSummary) -> list[dict]:
    """One row per support content planned, allocated or disbursed."""
    planned = {line.content: line.amount for line in plan.budget_lines.all()}
    contents = [
        c for c in SupportContent
        if c in planned or c in summary.allocated_by_content or c in summary.by_content
    ]  # fmt: skip
    return [
        {
            "label": content.label,
            "planned": planned.get(content, 0),
            "allocated": summary.allocated_by_content.get(content, 0),
            "disbursed": summary.by_content.get(content, 0),
        }
        for content in contents
    ]


KINDS: dict[str, str] = {
    Indicator.PRODUCTS_STARS: "products",
    Indicator.PRODUCERS_TRAINED: "producers",
    Indicator.PRODUCERS_TRAINED_SHARE: "producers",
    Indicator.OFFICIALS_TRAINED_SHARE: "officials",
    Indicator.SHOWROOMS_OPEN: "showrooms",
    Indicator.EVENTS_HELD: "events",
}


def _kind(indicator: str) -> str:
    return KINDS.get(indicator, "disbursements")
