"""What the minutes (biên bản) say besides the totals: why a member has no counted score on a
product, and, for a written consultation (Art. 7.6.d), who replied when. Reads only.

A scoring member has no score on a product when they have a blocking conflict of interest with it,
when they were absent and the council's rules do not count absent members' sheets, or when they
did not submit a sheet (a written consultation: did not reply). The reason is computed; the
secretary may add a note (MissingScoreNote), both printed in the minutes.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from .consolidation import counted_members
from .models import Conflict, MissingScoreNote, ScoreSheet, Session

REASONS = {
    "conflict": _("xung đột lợi ích"),
    "absent": _("vắng mặt"),
    "absent_sheet": _("vắng mặt, phiếu gửi trước không được tính theo quy chế"),
    "not_submitted": _("không nộp phiếu"),
    "no_reply": _("không gửi ý kiến"),
}


@dataclass(frozen=True)
class Missing:
    member_id: int
    member: str
    reason: str  # a key of REASONS
    note: str = ""

    @property
    def reason_text(self) -> str:
        return str(REASONS[self.reason])


def missing_scores(session: Session, members=None) -> dict[int, list[Missing]]:
    """item pk → the scoring members without a counted score on it, with the reason and the note.
    Four queries whatever the size of the session."""
    council = session.council
    members = members if members is not None else [
        m for m in council.members.select_related("user") if m.scores
    ]  # fmt: skip
    items = list(session.items.values_list("pk", "application__product_id"))
    blocked = set(Conflict.objects.blocking().filter(member__council=council.pk)
                  .values_list("member_id", "product_id"))  # fmt: skip
    submitted = set(ScoreSheet.objects.filter(item__session=session, status="submitted")
                    .values_list("item_id", "member_id"))  # fmt: skip
    notes = dict(((n.item_id, n.member_id), n.note)
                 for n in MissingScoreNote.objects.filter(item__session=session))  # fmt: skip
    counted = None if session.is_written else counted_members(session)
    found: dict[int, list[Missing]] = {}
    for item_id, product_id in items:
        for member in members:
            reason = _reason(member.pk, product_id, (item_id, member.pk) in submitted, blocked,
                             counted, session.is_written)  # fmt: skip
            if reason:
                found.setdefault(item_id, []).append(
                    Missing(member.pk, member.name, reason, notes.get((item_id, member.pk), ""))
                )
    return found


def _reason(member_id, product_id, has_sheet, blocked, counted, written) -> str:
    if (member_id, product_id) in blocked:
        return "conflict"
    if counted is not None and member_id not in counted:
        return "absent_sheet" if has_sheet else "absent"
    if not has_sheet:
        return "no_reply" if written else "not_submitted"
    return ""


def replies(session: Session) -> dict[int, datetime]:
    """member pk → when their last written opinion (submitted sheet) of the consultation came."""
    rows = (ScoreSheet.objects.filter(item__session=session, status="submitted")
            .values("member_id").annotate(last=Max("submitted_at")))  # fmt: skip
    return {row["member_id"]: row["last"] for row in rows}
