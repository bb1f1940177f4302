"""The commune's Mẫu 03 (Phụ lục III): drafted and saved on its own page while the dossier waits
for the commune's proposal; the proposal (transitions, "propose") files it."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ocop.core.services import audit_record, lock

from ..models import Application
from .transitions import available_actions

KEYS = ("raw_materials", "local_labour", "idea_origin", "local_identity", "proposal_letter",
        "signer_title", "signer_name")  # fmt: skip


def may_write_form03(user, application: Application) -> bool:
    """The commune officer (or an admin) who may propose the dossier writes its Mẫu 03."""
    return "propose" in available_actions(user, application)


@transaction.atomic
def application_save_form03(*, actor, application: Application, report: dict) -> Application:
    """Save the commune's Mẫu 03 text (validated by Form03). Refused (PermissionDenied, nothing
    saved) once the dossier is no longer the commune's to propose. Side effects: the dossier's
    commune_report, one audit entry."""
    lock(application)  # a concurrent proposal may have filed the report already
    if not may_write_form03(actor, application):
        raise PermissionDenied(_("Hồ sơ không ở bước UBND xã lập báo cáo Mẫu 03."))
    before = dict(application.commune_report or {})
    values = {key: str(report.get(key) or "").strip() for key in KEYS}
    application.commune_report = {**before, **values}
    application.save(update_fields=["commune_report", "updated_at"])
    audit_record(
        actor=actor, action="application_save_form03", obj=application,
        summary=_("Lưu báo cáo Mẫu 03 của UBND xã"), before=before,
        after=application.commune_report,
    )  # fmt: skip
    return application
