"""A job's progress page (polled by htmx, refreshed without JavaScript) and its result."""

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .models import Job

SUMMARY_BYTES = 2000


def _own_job(request, job_id) -> Job:
    # Only its owner sees a job: its result is a file made with the owner's own visibility.
    return get_object_or_404(Job, pk=job_id, created_by=request.user)


@require_GET
@login_required
def job_detail(request, job_id):
    job = _own_job(request, job_id)
    template = (
        "core/_job_progress.html" if request.headers.get("HX-Request") else "core/job_detail.html"
    )
    return render(request, template, {"job": job, "summary": _summary(job)})


def _summary(job: Job) -> str:
    """A job whose result is a short text (an import's counts) shows it on its page too."""
    if job.status != Job.Status.DONE or not job.result_content_type.startswith("text/plain"):
        return ""
    try:
        with default_storage.open(job.result_name, "rb") as handle:
            return handle.read(SUMMARY_BYTES).decode("utf-8", "replace")
    except OSError:
        return ""


@require_GET
@login_required
def job_result(request, job_id):
    job = _own_job(request, job_id)
    if job.status != Job.Status.DONE or not default_storage.exists(job.result_name):
        raise Http404
    return FileResponse(
        default_storage.open(job.result_name, "rb"), as_attachment=True,
        filename=job.result_filename, content_type=job.result_content_type,
    )  # fmt: skip
