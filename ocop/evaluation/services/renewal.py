"""A 148-2023 dossier past its Art. 12.2 limit is evaluated again under 26-2026.

Art. 12.2 of Decision 26/2026 lets a dossier filed before 22 May 2026 finish under the 2021–2025
rules "nhưng thời hạn hoàn thành đánh giá, phân hạng không quá 60 ngày" (re-evaluations: 30 days)
"kể từ ngày Quyết định này có hiệu lực", and Art. 11.2 ends 148 after those 60 days. The text does
not say what becomes of a dossier not finished by then; the project's reading: it is not dropped
(the producer filed in time) but goes back to the producer to self-score on the 26/2026 sheet, in
the province's next open round, and then follows the ordinary procedure.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.accounts.roles import Role
from ocop.core.dates import format_date
from ocop.core.services import audit_record, lock

from .. import workflow
from ..models import Application, Round, StageChange
from ..periods import RULES_26_2026, completion_limit
from .transitions import _notify_next, dossier_fingerprint


def may_renew(user, application: Application) -> bool:
    """Province officers of the dossier's province, and admins."""
    if user.is_superuser or user.role == Role.ADMIN:
        return True
    return user.role == Role.PROVINCE and user.province_id == application.commune.province_id


def renewable(application: Application, today: date) -> bool:
    """A 148-2023 dossier, filed and not finished, whose Art. 12.2 limit has passed."""
    found = completion_limit(application.rules, application.kind, application.complete_on)
    return (
        application.rules != RULES_26_2026
        and found is not None
        and found[1].startswith("12.2")
        and today > found[0]
        and application.stage not in workflow.FINAL | {workflow.DRAFT}
    )


@transaction.atomic
def application_renew_rules(*, actor, application: Application, today: date | None = None):
    """Move a lapsed 148-2023 dossier to 26-2026: rules, self-scores cleared, back to the producer
    (`returned`, with the item to complete), in the province's next round when its own round's
    proposals have closed. Side effects: the dossier, a StageChange, an audit entry, notices.
    Refused (nothing changes) before the limit, for another rule set or a finished dossier."""
    today = today or timezone.localdate()
    lock(application)
    if not may_renew(actor, application):
        raise PermissionDenied(_("Chỉ cán bộ OCOP cấp tỉnh của tỉnh có hồ sơ mới thực hiện được."))
    if not renewable(application, today):
        raise ValidationError(
            _(
                "Chỉ chuyển sang Bộ tiêu chí 26/2026 hồ sơ theo Bộ tiêu chí 148/QĐ-TTg chưa có kết "
                "quả khi đã hết thời hạn hoàn thành theo khoản 2 Điều 12 Quyết định 26/2026/QĐ-TTg."
            )
        )
    round_ = application.round
    if round_.proposal_deadline < today:
        later = (
            Round.objects.for_province(round_.province_id)
            .filter(proposal_deadline__gte=today)
            .order_by("proposal_deadline")
            .first()
        )
        if later is None:
            raise ValidationError(
                _("Tỉnh chưa có đợt đánh giá nào còn nhận hồ sơ: hãy tạo đợt tiếp theo trước.")
            )
        round_ = later
    before = {
        "stage": application.stage,
        "rules": application.rules,
        "round": str(application.round),
    }
    reason = _(
        "Hết thời hạn hoàn thành đánh giá theo Bộ tiêu chí 148/QĐ-TTg (khoản 2 Điều 12 Quyết định "
        "26/2026/QĐ-TTg): hồ sơ được đánh giá lại theo Bộ tiêu chí 26/2026, %(round)s."
    ) % {"round": round_}
    items = [{"item": _("Tự chấm điểm"), "reason": _(
        "Tự chấm lại theo phiếu đánh giá của Bộ tiêu chí 26/2026/QĐ-TTg rồi nộp lại hồ sơ."
    )}]  # fmt: skip
    old_stage = application.stage
    application.rules, application.round = RULES_26_2026, round_
    application.self_scores, application.self_total, application.self_stars = {}, None, None
    application.stage, application.stage_since = workflow.RETURNED, timezone.now()
    overrides = getattr(settings, "OCOP_EVALUATION_DEADLINES", None)
    application.stage_due = workflow.due_date(workflow.RETURNED, today, overrides)
    application.save()
    StageChange.objects.create(
        application=application, action="renew_rules", from_stage=old_stage,
        to_stage=workflow.RETURNED, actor=actor, reason=reason, items=items,
        due=application.stage_due, content_fingerprint=dossier_fingerprint(application),
    )  # fmt: skip
    audit_record(
        actor=actor, action="application_renew_rules", obj=application, summary=reason,
        before=before, after={"stage": application.stage, "rules": application.rules,
                              "round": str(round_), "on": format_date(today)},
    )  # fmt: skip
    _notify_next(application, reason)
    return application
