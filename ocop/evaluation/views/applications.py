"""Dossier pages: list, my tasks, create, detail."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.accounts.permissions import login_required, role_required
from ocop.accounts.roles import Role
from ocop.core.paging import page_of, query_without_page
from ocop.registry.models import Product

from .. import workflow
from ..forms import ApplicationCreateForm, ApplicationFilterForm
from ..models import Application, Round
from ..services.applications import application_create, may_edit
from ..services.files import may_upload
from ..services.renewal import may_renew, renewable
from ..services.round_move import may_move_round, next_round
from ..services.transitions import available_actions
from .common import (
    criterion_rows,
    error_text,
    fetch,
    section_choices,
    section_files,
    to_complete,
)
from .fivestar import fivestar_box

LIST_ROLES = (Role.CENTRAL, Role.PROVINCE, Role.COMMUNE, Role.ADVISOR, Role.PRODUCER)


LARGE_FIELDS = ("form01", "form02", "self_scores", "commune_report", "advisory")


def _base_queryset(user):
    return Application.objects.visible_to(user).select_related(
        "round", "product", "producer", "commune"
    )


@role_required(*LIST_ROLES)
def application_list(request):
    """The applications the user may see, searched (q) and filtered by round (only the rounds of
    those applications), stage, commune and product set; 25 a page."""
    visible = _base_queryset(request.user)
    rounds = Round.objects.filter(pk__in=visible.values("round")).select_related("province")
    form = ApplicationFilterForm(request.GET or None, rounds=rounds)
    applications = visible
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            applications = applications.search(data["q"])
        if data["round"]:
            applications = applications.filter(round=data["round"])
        if data["stage"]:
            applications = applications.filter(stage=data["stage"])
        if data["commune"]:
            applications = applications.filter(commune__code=data["commune"])
        if data["set_number"]:
            applications = applications.filter(set_number=data["set_number"])
    # The page from the applications table alone, then its rows' relations (ADR 0008): sorting
    # 10,000 rows joined to four tables cost PostgreSQL ~100 ms.
    # Without the dossier's forms (JSON, kilobytes a row), which the list never shows.
    listed = applications.defer(*LARGE_FIELDS)
    page = page_of(request, listed, ("round", "product", "producer", "commune"))
    context = {
        "form": form,
        "page": page,
        "applications": page.object_list,
        "query": query_without_page(request),
        "today": timezone.localdate(),
    }
    return render(request, "evaluation/application_list.html", context)


@login_required
def my_tasks(request):
    """The dossiers waiting for this user's action: overdue first, then the nearest deadline, those
    without a deadline last (SQLite would put NULL first); 25 a page."""
    user = request.user
    role = Role.PROVINCE if user.is_superuser or user.role == Role.ADMIN else user.role
    stages = [s for s in workflow.STAGES if role in workflow.actors_of(s)]
    tasks = (
        _base_queryset(user)
        .filter(stage__in=stages)
        .order_by(F("stage_due").asc(nulls_last=True), "id")
    )
    if role == Role.PRODUCER:
        tasks = tasks.filter(producer__representatives=user)
    page = page_of(request, tasks)
    context = {
        "page": page,
        "tasks": page.object_list,
        "query": query_without_page(request),
        "today": timezone.localdate(),
        "role": role,
    }
    return render(request, "evaluation/application_tasks.html", context)


@role_required(Role.PRODUCER)
def application_new(request):
    products = Product.objects.visible_to(request.user).filter(archived_at__isnull=True)
    provinces = products.values("producer__commune__province")
    rounds = Round.objects.filter(
        province__in=provinces, proposal_deadline__gte=timezone.localdate()
    )
    form = ApplicationCreateForm(request.POST or None, products=products, rounds=rounds)
    if request.method == "POST" and form.is_valid():
        try:
            application = application_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Đã tạo hồ sơ nháp."))
            return redirect("evaluation:application_form01", pk=application.pk)
    return render(request, "evaluation/application_new.html", {"form": form})


@login_required
def application_detail(request, pk: int):
    application = fetch(request, pk)
    history = list(application.history.select_related("actor"))
    sent_back, items = to_complete(application, history)
    context = {
        "application": application,
        "history": history,
        "sent_back": sent_back,
        "to_complete": items,
        "actions": available_actions(request.user, application),
        "can_edit": may_edit(request.user, application),
        "can_upload": may_upload(request.user, application),
        "sections": section_choices(application),
        "rows": criterion_rows(application),
        "section_files": section_files(application),
        "today": timezone.localdate(),
        "council_outcome": application.session_items.exclude(outcome="").order_by("-id").first(),
        "can_renew": may_renew(request.user, application)
        and renewable(application, timezone.localdate()),
        "next_round": next_round(application, timezone.localdate())
        if may_move_round(request.user, application)
        else None,
        **fivestar_box(request.user, application),
    }
    return render(request, "evaluation/application_detail.html", context)
