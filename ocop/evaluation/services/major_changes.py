"""The "có thay đổi lớn" flag of a re-evaluation dossier (Art. 7.6.c).

Art. 7.6.c: the provincial agency "tổ chức kiểm tra thực tế tại cơ sở đối với những sản phẩm có
thay đổi lớn về quy mô sản xuất hoặc hồ sơ minh chứng không rõ ràng, cần phải khảo sát thực tế".
The commune (while it checks the dossier) or the agency (intake, advisory review) sets the flag
with a note; with the flag set, `report_to_council` needs a recorded site visit
(transitions.check_site_visit); without it the site visit is optional.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ocop.accounts.roles import Role
from ocop.core.services import audit_record, lock

from .. import workflow
from ..models import Application, ApplicationKind
from .transitions import acting_role

# Who may set the flag, by stage: the commune while it checks, the agency until its report.
SETTERS = {
    workflow.SUBMITTED: {workflow.COMMUNE},
    workflow.PROPOSED: {workflow.PROVINCE},
    workflow.ADDITIONS_REQUESTED: {workflow.PROVINCE},
    workflow.ADVISORY_REVIEW: {workflow.PROVINCE, workflow.ADVISOR},
    workflow.TESTS_REQUESTED: {workflow.PROVINCE, workflow.ADVISOR},
}


def may_flag(actor, application: Application) -> bool:
    if application.kind != ApplicationKind.REEVALUATION:
        return False
    if actor.is_superuser or actor.role == Role.ADMIN:
        return application.stage in SETTERS
    return acting_role(actor, application) in SETTERS.get(application.stage, set())


@transaction.atomic
def application_flag_major_changes(
    *, actor, application: Application, flagged: bool, note: str
) -> Application:
    """Set or clear the flag. Refused (nothing changes) outside a re-evaluation, for someone not
    acting at the dossier's stage, or when setting it without a note. Side effects: the flag and
    note, an audit entry."""
    lock(application)
    if application.kind != ApplicationKind.REEVALUATION:
        raise ValidationError(_("Chỉ hồ sơ đánh giá lại có dấu hiệu thay đổi lớn (Điều 7.6.c)."))
    if not may_flag(actor, application):
        raise PermissionDenied(_("Bạn không xử lý hồ sơ ở bước này."))
    note = note.strip()
    if flagged and not note:
        raise ValidationError(_("Vui lòng ghi rõ thay đổi lớn (quy mô sản xuất, minh chứng)."))
    before = {"major_changes": application.major_changes, "note": application.major_changes_note}
    application.major_changes, application.major_changes_note = flagged, note
    application.save(update_fields=["major_changes", "major_changes_note", "updated_at"])
    audit_record(actor=actor, action="application_flag_major_changes", obj=application,
                 summary=note or _("Không có thay đổi lớn"), before=before,
                 after={"major_changes": flagged, "note": note})  # fmt: skip
    return application
