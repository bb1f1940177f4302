"""Evidence files: private storage, content checks, size limits, nothing left behind on failure."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ocop.core.services import audit_record, lock

from .. import workflow
from ..messages import text as message_text
from ..models import Application, EvidenceFile
from ..selfscore import sheet_for
from ..uploads import MAX_FILE_BYTES, UploadRefused, check_content, check_dossier_room, safe_name
from .transitions import acting_role

# Sections besides criterion codes, and the roles that file into them.
# Lazy: the labels are read per request, in its language (gettext here ran once, at import).
SECTIONS = {
    "general": gettext_lazy("Tài liệu chung"),
    "mau03": gettext_lazy("Báo cáo của xã (Mẫu 03), văn bản đề nghị"),
    "site_visit": gettext_lazy("Biên bản khảo sát thực tế"),
    "tests": gettext_lazy("Kết quả kiểm nghiệm"),
}


def dossier_dir() -> Path:
    """Where the files are with the embedded storage on disk (MEDIA_ROOT/dossiers)."""
    return Path(settings.MEDIA_ROOT) / "dossiers"


def storage_name(stored_name: str) -> str:
    """The name of a dossier file in the default storage: on disk or in an S3 bucket."""
    return f"dossiers/{stored_name}"


def evidence_open(evidence: EvidenceFile):
    """The stored bytes as an open binary file, or None when they are missing."""
    name = storage_name(evidence.stored_name)
    if not default_storage.exists(name):
        return None
    return default_storage.open(name, "rb")


def may_upload(actor, application: Application) -> bool:
    """Whoever must act on the dossier now may add files to it (the producer only while it edits)."""
    role = acting_role(actor, application)
    if role == workflow.PRODUCER:
        return application.stage in workflow.PRODUCER_EDITABLE
    return role is not None and role in workflow.actors_of(application.stage)


def valid_sections(application: Application) -> set[str]:
    sheet = sheet_for(application.rules, application.set_number)
    codes = {c.code for c in sheet.criteria} if sheet else set()
    return codes | set(SECTIONS)


def evidence_upload(*, actor, application: Application, section: str, upload) -> EvidenceFile:
    """Check and store one uploaded file. The bytes are written first, then the row in one
    transaction; if anything fails the written file is deleted, so a failed upload leaves nothing.
    Side effects: one file in the storage (MEDIA_ROOT/dossiers/ or the bucket), one EvidenceFile
    row, one audit entry."""
    if not may_upload(actor, application):
        raise PermissionDenied(_("Bạn không được thêm tệp vào hồ sơ ở bước này."))
    if section not in valid_sections(application):
        raise ValidationError(_("Mục minh chứng không hợp lệ."))
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(_("Tệp vượt quá %(mb)s MB.") % {"mb": MAX_FILE_BYTES // 2**20})
    data = upload.read()
    try:
        checked = check_content(data)
    except UploadRefused as error:
        raise ValidationError(message_text(error)) from None
    stored_name = uuid.uuid4().hex
    name = default_storage.save(storage_name(stored_name), ContentFile(data))
    try:
        with transaction.atomic():
            _check_still_open(actor, application, checked.size)
            evidence = EvidenceFile.objects.create(
                application=application, section=section,
                original_name=safe_name(upload.name or "", checked.content_type),
                content_type=checked.content_type, size=checked.size, sha256=checked.sha256,
                stored_name=stored_name, uploaded_by=actor,
            )  # fmt: skip
            audit_record(
                actor=actor, action="evidence_upload", obj=application,
                summary=_("Thêm tệp %(name)s (mục %(section)s)")
                % {"name": evidence.original_name, "section": section},
            )  # fmt: skip
    except BaseException:
        default_storage.delete(name)
        raise
    return evidence


def _check_still_open(actor, application: Application, size: int) -> None:
    """With the dossier locked: the stage still takes files (a concurrent submit may have moved it)
    and the dossier still has room (concurrent uploads count each other)."""
    lock(application)
    if not may_upload(actor, application):
        raise PermissionDenied(_("Bạn không được thêm tệp vào hồ sơ ở bước này."))
    used = application.files.aggregate(total=Sum("size"))["total"] or 0
    try:
        check_dossier_room(used, size)
    except UploadRefused as error:
        raise ValidationError(message_text(error)) from None


@transaction.atomic
def evidence_remove(*, actor, evidence: EvidenceFile) -> None:
    """Remove a file its uploader added to a dossier. The bytes are deleted after commit unless another dossier
    (a carried-forward copy) still points at them. Side effects: deletes the row, one audit entry."""
    application = lock(evidence.application)
    if not EvidenceFile.objects.filter(pk=evidence.pk).exists():
        return  # a concurrent request removed it already: nothing more to do, nothing to audit
    # Only the uploader: a carried-forward copy keeps its uploader, so a producer cannot remove
    # the advisor's test report or the commune's report carried from the previous dossier.
    if not may_upload(actor, application) or evidence.uploaded_by_id != actor.pk:
        raise PermissionDenied(_("Bạn không được xoá tệp này."))
    stored_name, name = evidence.stored_name, evidence.original_name
    evidence.delete()
    audit_record(
        actor=actor, action="evidence_remove", obj=application,
        summary=_("Xoá tệp %(name)s") % {"name": name},
    )  # fmt: skip
    if not EvidenceFile.objects.filter(stored_name=stored_name).exists():
        name = storage_name(stored_name)
        transaction.on_commit(lambda: default_storage.delete(name))
