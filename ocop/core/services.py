"""The one way to write an audit entry (every service that changes workflow state calls it), and
the one way to lock the row a state change reads."""

import threading
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone

from .models import AuditEntry, Job

M = TypeVar("M", bound=models.Model)


def lock(obj: M) -> M:
    """Lock the object's row until the surrounding transaction ends and reload its fields, so the
    checks that follow see the committed state, never the caller's stale copy. A concurrent caller
    waits here (SELECT … FOR UPDATE on PostgreSQL; on SQLite the IMMEDIATE transaction already
    holds the write lock) and then finds the state the first one left. Call inside
    transaction.atomic. Returns the same instance."""
    type(obj)._default_manager.select_for_update().filter(pk=obj.pk).exists()
    obj.refresh_from_db()
    return obj


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: models.Model,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Side effect: inserts one AuditEntry row. Call inside the caller's transaction."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        summary=summary,
        before=_jsonable(before or {}),
        after=_jsonable(after or {}),
    )


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    """The named fields of an object as JSON-safe values, for an audit before/after."""
    return _jsonable({name: getattr(obj, name) for name in fields})


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        plain = value is None or isinstance(value, str | int | float | bool | list | dict)
        out[key] = value if plain and not isinstance(value, models.Model) else str(value)
    return out


# Background jobs (ADR 0012). The worker is `ocop jobs work`; `ocop demo` and a single-machine
# install may run them in a thread of the web process instead (OCOP_JOBS=thread).


def job_enqueue(*, actor: Any, kind: str, title: str, params: dict[str, Any]) -> Job:
    """Queue a job for the worker. Side effects: one Job row, one audit entry; with
    OCOP_JOBS=thread, a thread that runs it once the transaction commits."""
    if kind not in settings.OCOP_JOB_KINDS:
        raise ValueError(f"unknown job kind {kind!r}")
    with transaction.atomic():
        job = Job.objects.create(kind=kind, title=title, params=params, created_by=actor)
        audit_record(actor=actor, action="job_enqueue", obj=job, summary=title)
        if settings.OCOP_JOBS == "thread":
            transaction.on_commit(lambda: _run_in_thread(job.pk))
    return job


def _run_in_thread(job_id) -> None:

    from .jobs import run_job_in_thread

    threading.Thread(
        target=run_job_in_thread, args=(job_id,), daemon=True, name=f"job-{job_id}"
    ).start()


def job_claim(job_id=None) -> Job | None:
    """Take one queued job (the oldest, or this one) for this worker: a conditional update, so two
    workers never run the same job. Side effect: status running, started_at."""
    queued = Job.objects.filter(status=Job.Status.QUEUED)
    candidates = queued.filter(pk=job_id) if job_id else queued.order_by("created_at")[:5]
    for pk in list(candidates.values_list("pk", flat=True)):
        taken = queued.filter(pk=pk).update(status=Job.Status.RUNNING, started_at=timezone.now())
        if taken:
            return Job.objects.get(pk=pk)
    return None


def job_progress(job: Job, done: int, total: int) -> None:
    """Side effect: the job's counters (read by its progress page)."""
    job.done, job.total = done, total
    Job.objects.filter(pk=job.pk).update(done=done, total=total)


def job_finish(job: Job, *, content: bytes, filename: str, content_type: str) -> None:
    """Store the result privately and mark the job done. Side effects: one stored file, the row."""
    name = default_storage.save(f"jobs/{job.pk}/{filename}", ContentFile(content))
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE, result_name=name, result_filename=filename,
        result_content_type=content_type, finished_at=timezone.now(), done=job.total or job.done,
    )  # fmt: skip


def job_fail(job: Job, error: str) -> None:
    """Side effect: the job marked failed with a message its owner can read."""
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.FAILED, error=error[:2000], finished_at=timezone.now()
    )
