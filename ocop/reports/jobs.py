"""The programme report of a large unit, made by a background job (ADR 0012). Read-only like the
rest of the app: it reads and renders; the Job row's counters and result are written by core's
job services (through ocop.core.jobs.run_job)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.core.jobs import JobError, JobResult, Progress
from ocop.core.models import Job
from ocop.programme.units import UnknownUnit, resolve_unit

from .access import may_see_unit
from .pdf import report_pdf
from .programme import programme_report
from .spreadsheets import SHEETS, report_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


def report_filename(code: str, start: int, end: int, ext: str) -> str:
    return f"bao-cao-ocop-{code}-{start}-{end}.{ext}"


def report_file(unit, start: int, end: int, ext: str, progress: Progress | None = None) -> bytes:
    """The report as .xlsx or PDF, in steps: the figures, then each sheet (or the PDF)."""
    total = 1 + (SHEETS if ext == "xlsx" else 1)
    report = programme_report(unit, start, end, timezone.localdate())
    if progress is None:
        return report_workbook(report) if ext == "xlsx" else report_pdf(report)
    progress(1, total)
    if ext == "xlsx":
        return report_workbook(report, lambda sheets: progress(1 + sheets, total))
    content = report_pdf(report)
    progress(total, total)
    return content


def report_job(job: Job, progress: Progress) -> JobResult:
    """The job kind "programme_report": params code, start, end, ext (xlsx or pdf). The unit is
    checked again against its owner's territory, which may have changed since."""
    params = job.params
    try:
        unit = resolve_unit(params["code"])
    except UnknownUnit as exc:
        raise JobError(_("Không còn đơn vị hành chính này.")) from exc
    if not may_see_unit(job.created_by, unit):
        raise JobError(_("Đơn vị này không còn trong phạm vi của bạn."))
    start, end, ext = int(params["start"]), int(params["end"]), params["ext"]
    total = 1 + (SHEETS if ext == "xlsx" else 1)
    progress(0, total)
    content = report_file(unit, start, end, ext, progress)
    return JobResult(
        content, report_filename(unit.code, start, end, ext), XLSX if ext == "xlsx" else PDF
    )
