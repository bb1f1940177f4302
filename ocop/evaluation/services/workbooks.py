"""Offline scoring: a member's open sheets as a workbook, and the filled workbook back in."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ocop.core.services import audit_record, lock

from ..access import items_for_member
from ..messages import texts
from ..models import CouncilMember, ScoreSheet, Session
from ..spreadsheets import WorkbookItem, build_workbook, read_workbook
from .sheets import item_sheet, sheet_save


def _entries(member: CouncilMember, session: Session) -> list[WorkbookItem]:
    sheets = {s.item_id: s for s in ScoreSheet.objects.filter(member=member, item__session=session)}
    entries = []
    for item in items_for_member(member, session):
        own = sheets.get(item.pk)
        if item.outcome or (own and own.is_submitted):
            continue
        entries.append(WorkbookItem(item.pk, item.application.product.name, item_sheet(item),
                                    own.answers if own else {}, item.application.self_scores))  # fmt: skip
    return entries


def workbook_for(member: CouncilMember, session: Session) -> bytes:
    """The workbook of the member's open sheets; ValidationError when none is open (a workbook
    needs at least one worksheet)."""
    entries = _entries(member, session)
    if not entries:
        raise ValidationError(
            _("Không có phiếu nào đang mở để chấm offline: bạn đã nộp hết các phiếu.")
        )
    return build_workbook(member.name, str(session), entries)


@transaction.atomic
def workbook_import(*, actor, member: CouncilMember, session: Session, data: bytes) -> int:
    """Check every cell, then save every worksheet as the member's draft, or nothing at all.
    Side effects: the drafts, one audit entry. Returns how many sheets were saved."""
    lock(session)
    if not session.is_open:
        raise ValidationError(_("Phiên họp đã kết thúc."))
    entries = {e.item_id: e for e in _entries(member, session)}
    found, errors = read_workbook(data, {pk: e.sheet for pk, e in entries.items()})
    if errors:
        raise ValidationError(texts(errors))
    if not found:
        raise ValidationError(_("Bảng tính không có phiếu nào để ghi."))
    items = {
        i.pk: i for i in session.items.select_related("application__product", "session__council")
    }
    for item_id, answers in found.items():
        sheet_save(actor=actor, item=items[item_id], member=member, answers=answers)
    audit_record(actor=actor, action="sheets_import", obj=session,
                 summary=_("Nhập %(n)s phiếu nháp từ bảng tính") % {"n": len(found)})  # fmt: skip
    return len(found)
