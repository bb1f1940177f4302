"""Excel pages: the template, the export of a filtered list, and the import in three steps
(upload → report or preview → confirm). The uploaded file waits in a temp file keyed by a token
that is also kept in the uploader's session, so nobody else can confirm it. A stored file lives
until its confirmation, its refusal, or a day: each new upload deletes older ones. A confirmed
file of more than OCOP_JOB_THRESHOLD rows is handed to a background job (ADR 0012)."""

import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import role_required
from ocop.core.services import job_enqueue

from .excel import SheetError, export_workbook, read_rows, template_workbook
from .exports import producer_rows, product_rows
from .forms import ImportForm
from .imports import ImportPlan, import_apply, import_check
from .jobs import export_queryset, queued_upload_path, upload_path
from .messages import text
from .views import OFFICERS, OFFICERS_AND_PRODUCERS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Lazy: read per request in its language (gettext at module level runs once, at import).
KINDS = {"producers": gettext_lazy("chủ thể"), "products": gettext_lazy("sản phẩm")}
STALE_SECONDS = 24 * 60 * 60


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@role_required(*OFFICERS)
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    return _xlsx(template_workbook(kind), f"mau-nhap-{kind}.xlsx")


@role_required(*OFFICERS_AND_PRODUCERS)
def export(request: HttpRequest, kind: str) -> HttpResponse:
    """The list as .xlsx; a list longer than OCOP_JOB_THRESHOLD rows is made by a background
    job, and the user follows its progress and downloads it from the job's page."""
    queryset = export_queryset(kind, request.user, request.GET)
    if queryset.count() > settings.OCOP_JOB_THRESHOLD:
        job = job_enqueue(
            actor=request.user, kind="registry_export",
            title=_("Xuất danh sách %(kind)s ra Excel") % {"kind": KINDS[kind]},
            params={"kind": kind, "query": dict(request.GET.lists())},
        )  # fmt: skip
        return redirect("jobs:detail", job_id=job.pk)
    rows = producer_rows(queryset) if kind == "producers" else product_rows(queryset)
    stamp = timezone.localdate().strftime("%Y%m%d")
    return _xlsx(export_workbook(kind, rows), f"{kind}-{stamp}.xlsx")


def _check(request: HttpRequest, kind: str, path: Path) -> tuple[ImportPlan | None, str]:
    """read_rows turns every problem of the file itself, even a broken one, into a SheetError."""
    try:
        with path.open("rb") as handle:
            return import_check(kind, read_rows(kind, handle), request.user), ""
    except SheetError as exc:
        return None, text(exc)


def _remove_stale_uploads(folder: Path) -> None:
    """Uploads nobody confirmed hold personal data: gone after a day."""
    cutoff = time.time() - STALE_SECONDS
    for old in folder.glob("*.xlsx"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
        except OSError:
            continue  # another request removed it first


def _store_and_check(request: HttpRequest, kind: str, path: Path, upload):
    """Stores the upload and checks it; the file is kept only when the plan may be confirmed."""
    keep = False
    try:
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        plan, problem = _check(request, kind, path)
        keep = plan is not None and plan.ok
        return plan, problem
    finally:
        if not keep:
            path.unlink(missing_ok=True)


@role_required(*OFFICERS)
def import_upload(request: HttpRequest, kind: str) -> HttpResponse:
    """Step 1 and 2: upload, then the list of problems, or the preview with a confirm button."""
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "kind": kind, "kind_label": KINDS[kind]}
    if request.method == "POST" and form.is_valid():
        token = uuid.uuid4().hex
        path = upload_path(token)
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_uploads(path.parent)
        plan, problem = _store_and_check(request, kind, path, form.cleaned_data["file"])
        if plan is not None and plan.ok:
            request.session[f"registry_import_{token}"] = kind
            request.session[f"registry_import_rows_{token}"] = _rows(plan)
            context["token"] = token
        context.update(plan=plan, problem=problem)
    return render(request, "registry/import_form.html", context)


def _rows(plan: ImportPlan) -> int:
    return len(plan.creates) + len(plan.updates) + plan.unchanged


@require_POST
@role_required(*OFFICERS)
def import_confirm(request: HttpRequest, kind: str, token: str) -> HttpResponse:
    """Step 3: check the stored file again (the data may have changed) and write it all; a long
    file in a background job that does the same, followed on its page."""
    if request.session.get(f"registry_import_{token}") != kind:
        raise Http404
    path = upload_path(token)
    if not path.is_file():
        raise Http404
    rows = request.session.get(f"registry_import_rows_{token}", 0)
    if rows > settings.OCOP_JOB_THRESHOLD:
        return _confirm_in_job(request, kind, token, rows)
    try:  # one attempt per upload: whatever happens, the stored file goes
        plan, problem = _check(request, kind, path)
        if plan is None or not plan.ok:
            context = {"form": ImportForm(), "kind": kind, "kind_label": KINDS[kind]}
            return render(
                request, "registry/import_form.html", {**context, "plan": plan, "problem": problem}
            )
        created, updated = import_apply(actor=request.user, plan=plan)
    finally:
        path.unlink(missing_ok=True)
        _forget(request, token)
    messages.success(
        request, _("Đã nhập: %(c)s tạo mới, %(u)s cập nhật.") % {"c": created, "u": updated}
    )
    return redirect(f"registry:{kind[:-1]}_list")


def _forget(request: HttpRequest, token: str) -> None:
    request.session.pop(f"registry_import_{token}", None)
    request.session.pop(f"registry_import_rows_{token}", None)


def _confirm_in_job(request: HttpRequest, kind: str, token: str, rows: int) -> HttpResponse:
    """The file moves out of the upload folder first: of two confirmations only one finds it."""
    target = queued_upload_path(token)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        upload_path(token).rename(target)
    except FileNotFoundError as exc:
        raise Http404 from exc
    finally:
        _forget(request, token)
    job = job_enqueue(
        actor=request.user, kind="registry_import",
        title=_("Nhập danh sách %(kind)s từ Excel (%(rows)s dòng)")
        % {"kind": KINDS[kind], "rows": rows},
        params={"kind": kind, "token": token, "rows": rows},
    )  # fmt: skip
    return redirect("jobs:detail", job_id=job.pk)
