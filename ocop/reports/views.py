"""Home page numbers, the programme dashboard of a unit and its report as .xlsx and PDF.
Read-only: every view only counts and renders."""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.accounts import views as account_views
from ocop.accounts.navigation import entries_for
from ocop.accounts.permissions import role_required
from ocop.core.services import job_enqueue
from ocop.programme.models import Plan
from ocop.programme.units import Unit, UnknownUnit, resolve_unit

from . import charts
from .access import READER_ROLES, may_see_unit, pickable
from .forms import PeriodForm
from .home import home_numbers
from .jobs import PDF, XLSX, report_file, report_filename
from .programme import product_count, programme_report

YEARS_SHOWN = 5  # without a plan, the dashboard covers the last five years


def home(request):
    """The landing page: visitors get the accounts app's public welcome unchanged; users their
    starting points and the numbers of what they may see."""
    if not request.user.is_authenticated:
        return account_views.home(request)
    context = {
        "shortcuts": entries_for(request.user)[1:],
        "numbers": home_numbers(request.user, timezone.localdate()),
    }
    return render(request, "accounts/home.html", context)


@role_required(*READER_ROLES)
def unit_list(request):
    """Pick a unit; `?code=` goes straight to that unit's dashboard."""
    code = request.GET.get("code", "").strip()
    error = ""
    if code:
        try:
            unit = _visible_unit(request.user, code)
        except Http404:
            error = _("Không có đơn vị hành chính mã “%(code)s” trong phạm vi của bạn.") % {
                "code": code
            }
        else:
            return redirect("reports:programme_dashboard", code=unit.code)
    context = {**pickable(request.user), "code": code, "error": error}
    return render(request, "reports/unit_list.html", context)


@role_required(*READER_ROLES)
def programme_dashboard(request, code: str):
    unit = _visible_unit(request.user, code)
    form, start, end = _period(request, unit)
    report = programme_report(unit, start, end, timezone.localdate())
    tables = charts.dashboard(report)
    context = {"unit": unit, "report": report, "form": form, "charts": tables,
               "charts_key": charts.content_key(tables)}  # fmt: skip
    return render(request, "reports/programme_dashboard.html", context)


@role_required(*READER_ROLES)
def programme_xlsx(request, code: str):
    return _report_download(request, code, "xlsx")


@role_required(*READER_ROLES)
def programme_pdf(request, code: str):
    return _report_download(request, code, "pdf")


def _report_download(request, code: str, ext: str) -> HttpResponse:
    """The report of the unit for the period asked for, as a file; 400 for a bad period. For a
    unit holding more than OCOP_REPORT_JOB_THRESHOLD products (a province, usually) a background
    job makes the same file and the user follows it on the job's page."""
    unit = _visible_unit(request.user, code)
    form, start, end = _period(request, unit)
    if form.errors:
        errors = [str(error) for error in form.non_field_errors()]
        return HttpResponseBadRequest(" ".join(errors) or _("Năm không hợp lệ."))
    if product_count(unit) > settings.OCOP_REPORT_JOB_THRESHOLD:
        job = job_enqueue(
            actor=request.user, kind="programme_report",
            title=_("Báo cáo Chương trình OCOP %(unit)s %(start)s–%(end)s (%(ext)s)")
            % {"unit": unit.name, "start": start, "end": end, "ext": ext.upper()},
            params={"code": unit.code, "start": start, "end": end, "ext": ext, "steps": True},
        )  # fmt: skip
        return redirect("jobs:detail", job_id=job.pk)
    content = report_file(unit, start, end, ext)
    return _download(content, XLSX if ext == "xlsx" else PDF, _filename(unit, start, end, ext))


def _visible_unit(user, code: str) -> Unit:
    """The unit, or 404 when it does not exist or lies outside the user's territory (never
    confirming which)."""
    try:
        unit = resolve_unit(code)
    except UnknownUnit as exc:
        raise Http404 from exc
    if not may_see_unit(user, unit):
        raise Http404
    return unit


def _period(request, unit: Unit) -> tuple[PeriodForm, int, int]:
    """The period asked for (?start=&end=), else the unit's latest plan's, else the last years.
    The plan is looked up only when the period asked for is missing or invalid (a bound form
    shows what was typed, never its initial values)."""
    if request.GET:
        form = PeriodForm(request.GET)
        if form.is_valid():
            return form, form.cleaned_data["start"], form.cleaned_data["end"]
        start, end = default_period(unit, timezone.localdate().year)
        form.initial = {"start": start, "end": end}
        return form, start, end
    start, end = default_period(unit, timezone.localdate().year)
    return PeriodForm(initial={"start": start, "end": end}), start, end


def default_period(unit: Unit, year: int) -> tuple[int, int]:
    plan = Plan.objects.filter(**unit.fields()).order_by("-start_year").first()
    if plan is not None:
        return plan.start_year, plan.end_year
    return year - YEARS_SHOWN + 1, year


def _filename(unit: Unit, start: int, end: int, ext: str) -> str:
    return report_filename(unit.code, start, end, ext)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
