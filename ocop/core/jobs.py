"""Running background jobs (ADR 0012): take a queued job, call its function, store the result.

A job function is named in settings.OCOP_JOB_KINDS and called as `function(job, progress)`; it
returns a JobResult and calls `progress(done, total)` now and then. Any exception fails the job
with a message for its owner (a JobError's own message, else a generic one); the worker itself
carries on with the next job.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections, connection, connections
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .models import Job
from .services import job_claim, job_fail, job_finish, job_progress

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


class JobError(Exception):
    """A job that cannot be done for a reason its owner should read (already translated)."""


@dataclass(frozen=True)
class JobResult:
    content: bytes
    filename: str
    content_type: str


def run_job(job_id=None) -> Job | None:
    """Claim and run one job (this one, or the oldest queued). Returns it, or None if none."""
    job = job_claim(job_id)
    if job is None:
        return None
    try:
        function = import_string(settings.OCOP_JOB_KINDS[job.kind])
        result = function(job, lambda done, total: job_progress(job, done, total))
    except JobError as exc:
        job_fail(job, str(exc))
    except Exception:
        log.exception("job %s (%s) failed", job.pk, job.kind)
        job_fail(job, _("Có lỗi khi thực hiện. Vui lòng thử lại hoặc báo quản trị hệ thống."))
    else:
        job_finish(
            job, content=result.content, filename=result.filename,
            content_type=result.content_type,
        )  # fmt: skip
    job.refresh_from_db()
    return job


def work(*, once: bool = False, idle_seconds: float = 1.0) -> int:
    """The worker loop of `ocop jobs work`: run jobs until none is left (once) or forever."""
    count = 0
    while True:
        if not connection.in_atomic_block:  # (a test's transaction) drop a broken or old one
            close_old_connections()
        if run_job() is not None:
            count += 1
            continue
        if once:
            return count
        time.sleep(idle_seconds)


def run_job_in_thread(job_id) -> None:
    """The target of a job thread in the web process: its own connection, closed at the end."""
    try:
        run_job(job_id)
    finally:
        connections.close_all()
