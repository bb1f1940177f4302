"""Art. 5.1: a dossier the commune could not propose by its round's cut-off goes to the next round.

"Đợt 01 … đối với các hồ sơ được UBND cấp xã đề nghị trước ngày 30 tháng 4; đợt 02 … đối với các
hồ sơ được UBND cấp xã đề nghị trước ngày 30 tháng 10": after the cut-off the commune's proposal
is refused (`transitions._check_proposal_deadline`); the commune officer then moves the dossier,
unchanged, to the province's next round still taking proposals, and proposes it there.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.accounts.roles import Role
from ocop.core.services import audit_record, lock

from .. import workflow
from ..models import Application, Round

MOVABLE = (workflow.SUBMITTED,)  # with the commune, not yet proposed


def may_move_round(user, application: Application) -> bool:
    if user.is_superuser or user.role == Role.ADMIN:
        return True
    return user.role == Role.COMMUNE and user.commune_id == application.commune_id


def next_round(application: Application, today: date) -> Round | None:
    """The province's round with the nearest proposal deadline not yet passed, when the dossier's
    own round's has passed."""
    if application.stage not in MOVABLE or application.round.proposal_deadline >= today:
        return None
    return (
        Round.objects.for_province(application.round.province_id)
        .filter(proposal_deadline__gte=today)
        .order_by("proposal_deadline")
        .first()
    )


@transaction.atomic
def application_move_round(*, actor, application: Application, today: date | None = None):
    """Move a dossier past its round's cut-off to the next round. Side effects: the round, an audit
    entry. Refused (nothing changes) when the cut-off has not passed, the dossier is no longer
    with the commune, or the province has no round still taking proposals."""
    today = today or timezone.localdate()
    lock(application)
    if not may_move_round(actor, application):
        raise PermissionDenied(_("Chỉ cán bộ OCOP của xã nhận hồ sơ mới chuyển được đợt."))
    later = next_round(application, today)
    if later is None:
        raise ValidationError(
            _(
                "Chỉ chuyển sang đợt sau hồ sơ đang ở UBND xã khi đã quá hạn đề nghị của đợt và tỉnh "
                "đã có đợt còn nhận hồ sơ."
            )
        )
    before = str(application.round)
    application.round = later
    application.save(update_fields=["round", "updated_at"])
    audit_record(
        actor=actor, action="application_move_round", obj=application,
        summary=_("Chuyển từ %(old)s sang %(new)s (quá hạn đề nghị, khoản 1 Điều 5)")
        % {"old": before, "new": later},
        before={"round": before}, after={"round": str(later)},
    )  # fmt: skip
    return application
