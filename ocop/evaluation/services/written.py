"""Written consultations of a council for re-evaluations (lấy ý kiến bằng văn bản, Art. 7.6.d).

Art. 7.6.d: "Hội đồng cấp tỉnh thực hiện đánh giá thông qua hình thức lấy ý kiến bằng văn bản; chỉ
tổ chức họp trực tiếp khi có nhiều ý kiến đánh giá khác nhau hoặc có nội dung phức tạp cần thảo
luận; báo cáo kết quả đánh giá, phân hạng …". The council still "đánh giá, phân hạng" (scores and
classes), so each member's written opinion is a full score sheet, sent by the reply date. A written
consultation is a Session with mode "written": its items, sheets, results and the decision service
are the same as a sitting's. On closing, the result is the council's usual average of the counted
sheets (at least the council's quorum); opinions that diverge beyond the council's spread limit
cannot be settled in writing, whatever its rules say for a sitting: the manager then holds a
session ("chỉ tổ chức họp trực tiếp khi có nhiều ý kiến đánh giá khác nhau").
"""

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ocop.core.services import audit_record

from ..models import Application, Council, Round, Session
from ..models.applications import ApplicationKind
from .sessions import _check_manager, session_create

ONLY_REEVALUATION = gettext_lazy(
    "Chỉ hồ sơ đánh giá lại (Điều 7.6) được đánh giá bằng hình thức lấy ý kiến bằng văn bản; "
    "hồ sơ %(dossier)s (%(kind)s) phải được chấm tại phiên họp hội đồng."
)


def reply_closed(session: Session, today: date | None = None) -> bool:
    """A written consultation no longer takes replies after its reply date."""
    today = today or timezone.localdate()
    return session.is_written and session.reply_by is not None and today > session.reply_by


def late_reply_text(session: Session) -> str:
    return _("Đã hết hạn gửi ý kiến bằng văn bản (%(day)s).") % {
        "day": session.reply_by.strftime("%d/%m/%Y") if session.reply_by else ""
    }


@transaction.atomic
def written_open(
    *, actor, council: Council, round: Round, reply_by: date,
    applications: Sequence[Application], opened_on: date | None = None,
) -> Session:  # fmt: skip
    """Open a written consultation: every scoring member of the council is asked for a sheet on
    each re-evaluation dossier by `reply_by`. Refused (nothing created) for a first-time or
    upgrade dossier, a reply date before the opening day, or no dossier. Side effects: the
    Session (mode written) and its items, the dossiers moved to the council stage, conflict flags,
    audit entries."""
    _check_manager(actor, council)
    opened_on = opened_on or timezone.localdate()
    if not applications:
        raise ValidationError(_("Chọn ít nhất một hồ sơ đánh giá lại."))
    for application in applications:
        if application.kind != ApplicationKind.REEVALUATION:
            raise ValidationError(
                ONLY_REEVALUATION
                % {
                    "dossier": application.registration_number,
                    "kind": application.get_kind_display(),
                }
            )
    if reply_by < opened_on:
        raise ValidationError(_("Hạn gửi ý kiến không được trước ngày gửi lấy ý kiến."))
    # Every scoring member is consulted: all of them "sit" (their sheets count).
    session = session_create(actor=actor, council=council, round=round, held_on=opened_on,
                             place="", applications=applications)  # fmt: skip
    session.mode, session.reply_by = Session.Mode.WRITTEN, reply_by
    session.save(update_fields=["mode", "reply_by"])
    audit_record(actor=actor, action="written_open", obj=session,
                 summary=_("Hạn gửi ý kiến %(day)s") % {"day": reply_by.strftime("%d/%m/%Y")},
                 after={"reply_by": reply_by.isoformat()})  # fmt: skip
    return session
