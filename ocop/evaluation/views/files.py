"""Evidence files: upload, remove, download one (by UUID, scoped), download the dossier as a ZIP."""

import shutil
import tempfile
import zipfile

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import login_required

from ..forms import UploadForm
from ..models import Application, EvidenceFile
from ..pdf_phuluc3 import form_pdfs
from ..services.files import evidence_open, evidence_remove, evidence_upload
from .common import error_text, fetch, section_choices


def _visible_file(request, file_id) -> EvidenceFile:
    visible = Application.objects.visible_to(request.user)
    return get_object_or_404(
        EvidenceFile.objects.select_related("application"), pk=file_id, application__in=visible
    )


@require_POST
@login_required
def evidence_add(request, pk: int):
    application = fetch(request, pk)
    form = UploadForm(request.POST, request.FILES, sections=section_choices(application))
    if not form.is_valid():
        messages.error(request, _("Vui lòng chọn mục và tệp."))
    else:
        try:
            evidence_upload(
                actor=request.user, application=application,
                section=form.cleaned_data["section"], upload=form.cleaned_data["file"],
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Đã tải tệp lên."))
    return redirect("evaluation:application_detail", pk=application.pk)


@require_POST
@login_required
def evidence_delete(request, file_id):
    evidence = _visible_file(request, file_id)
    evidence_remove(actor=request.user, evidence=evidence)
    messages.success(request, _("Đã xoá tệp."))
    return redirect("evaluation:application_detail", pk=evidence.application_id)


@login_required
def evidence_download(request, file_id):
    evidence = _visible_file(request, file_id)
    handle = evidence_open(evidence)
    if handle is None:
        raise Http404
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.original_name,
        content_type=evidence.content_type,
    )  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def application_zip(request, pk: int):
    """The whole dossier as one ZIP: the forms of Phụ lục III as PDFs at the top, the evidence in a
    folder per criterion or section (built in a temp file)."""
    application = fetch(request, pk)
    # FileResponse closes the buffer when the response is done, so no context manager here.
    buffer = tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024)  # noqa: SIM115
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in form_pdfs(application):  # Phụ lục III: Mẫu 01, 02 (and 03)
            archive.writestr(name, data)
        for number, evidence in enumerate(application.files.all(), start=1):
            handle = evidence_open(evidence)
            if handle is None:
                continue
            with (
                handle,
                archive.open(
                    f"{evidence.section}/{number:03d}-{evidence.original_name}", "w"
                ) as member,
            ):
                shutil.copyfileobj(handle, member, 1024 * 1024)
    buffer.seek(0)
    name = f"ho-so-{application.pk}.zip"
    return FileResponse(buffer, as_attachment=True, filename=name, content_type="application/zip")
