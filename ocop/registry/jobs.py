"""Registry work run as background jobs (ADR 0012): the Excel export of a long list."""

from collections.abc import Iterable, Iterator
from typing import Any

from django.http import QueryDict
from django.utils import timezone

from ocop.core.jobs import JobResult, Progress
from ocop.core.models import Job

from .excel import export_workbook
from .exports import producer_rows, product_rows
from .filters import filter_producers, filter_products
from .models import Producer, Product

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STEP = 1000


def export_queryset(kind: str, user, query: QueryDict):
    """The filtered list the user sees, exactly as on the page it was exported from."""
    if kind == "producers":
        return filter_producers(Producer.objects.visible_to(user), query)
    return filter_products(Product.objects.visible_to(user), query)


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


def _counted(rows: Iterable[list[Any]], total: int, progress: Progress) -> Iterator[list[Any]]:
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % STEP == 0:
            progress(done, total)
    progress(done, total)
