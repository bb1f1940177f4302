"""Registry work run as background jobs (ADR 0012): the Excel export of a long list, and the
confirmed import of a long file (checked again, then written all-or-nothing by import_apply)."""

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.accounts.scope import sees_nationwide
from ocop.core.jobs import JobError, JobResult, Progress
from ocop.core.models import Job

from .excel import SheetError, export_workbook, read_rows
from .exports import producer_rows, product_rows
from .filters import filter_producers, filter_products
from .imports import import_apply, import_check
from .messages import text
from .models import Producer, Product

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STEP = 1000
UPLOAD_DIR = "registry-imports"
ERRORS_SHOWN = 20
Row = TypeVar("Row")


def upload_path(token: str) -> Path:
    """An uploaded file waiting for its confirmation (removed after a day if never confirmed)."""
    return Path(settings.MEDIA_ROOT) / UPLOAD_DIR / f"{token}.xlsx"


def queued_upload_path(token: str) -> Path:
    """A confirmed file handed to an import job: out of the stale-upload sweep, read once."""
    return Path(settings.MEDIA_ROOT) / UPLOAD_DIR / "jobs" / f"{token}.xlsx"


def export_queryset(kind: str, user, query: QueryDict):
    """The filtered list the user sees, exactly as on the page it was exported from."""
    if kind == "producers":
        return filter_producers(Producer.objects.visible_to(user), query)
    products = Product.objects.visible_to(user)
    return filter_products(products, query, territorial=not sees_nationwide(user))


def export_job(job: Job, progress: Progress) -> JobResult:
    kind = job.params["kind"]
    query = QueryDict(mutable=True)
    for key, values in job.params.get("query", {}).items():
        query.setlist(key, values)
    queryset = export_queryset(kind, job.created_by, query)
    total = queryset.count()
    progress(0, total)
    rows = producer_rows(queryset) if kind == "producers" else product_rows(queryset)
    content = export_workbook(kind, _counted(rows, total, progress))
    stamp = timezone.localdate().strftime("%Y%m%d")
    return JobResult(content, f"{kind}-{stamp}.xlsx", XLSX)


def _counted(rows: Iterable[Row], total: int, progress: Progress) -> Iterator[Row]:
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % STEP == 0:
            progress(done, total)
    progress(done, total)


def import_job(job: Job, progress: Progress) -> JobResult:
    """The job kind "registry_import": params kind, token, rows. Checks the confirmed file again
    for its owner (the data may have changed since the preview) and writes it all, or nothing
    with the errors as the job's message. The file goes whatever happens: one attempt per upload."""
    kind, total = job.params["kind"], int(job.params["rows"])
    path = queued_upload_path(job.params["token"])
    progress(0, total)
    try:
        try:
            with path.open("rb") as handle:
                rows = _counted(read_rows(kind, handle), total, progress)
                plan = import_check(kind, rows, job.created_by)
        except FileNotFoundError as exc:
            raise JobError(_("Tệp nhập không còn; vui lòng tải lên lại.")) from exc
        except SheetError as exc:
            raise JobError(text(exc)) from exc
        if not plan.ok:
            raise JobError(_import_errors(plan.errors))
        created, updated = import_apply(actor=job.created_by, plan=plan)
    finally:
        path.unlink(missing_ok=True)
    summary = _("Đã nhập: %(c)s tạo mới, %(u)s cập nhật.") % {"c": created, "u": updated}
    stamp = timezone.localdate().strftime("%Y%m%d")
    return JobResult(summary.encode(), f"nhap-{kind}-{stamp}.txt", "text/plain; charset=utf-8")


def _import_errors(errors: list) -> str:
    head = _("Dữ liệu đã thay đổi từ lúc xem trước: %(n)s lỗi, chưa ghi gì vào hệ thống.") % {
        "n": len(errors)
    }
    shown = "; ".join(str(error) for error in errors[:ERRORS_SHOWN])
    return f"{head} {shown}" + (" …" if len(errors) > ERRORS_SHOWN else "")
