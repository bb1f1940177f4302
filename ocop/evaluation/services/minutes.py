"""The minutes' own records, typed by the secretary while the session is open: the discussion on
each product and a note on why a member has no score on it (minutes.py computes the reason)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ocop.core.services import audit_record, lock

from ..access import actor_blocked
from ..models import MissingScoreNote, SessionItem
from .sessions import _check_manager


@transaction.atomic
def item_minutes_set(
    *, actor, item: SessionItem, discussion: str, notes: dict[int, str] | None = None
) -> SessionItem:
    """Record the discussion on a product and the notes on members without a score (member pk →
    note; an empty note removes it). The council's managers, while the session is open; not on a
    product they have a conflict with. The same minutes again change nothing. Side effects: the
    item, MissingScoreNote rows, an audit entry."""
    lock(item.session)
    lock(item)
    session = item.session
    _check_manager(actor, session.council)
    if actor is not None and actor_blocked(actor, session.council, item.application.product_id):
        raise PermissionDenied(_("Bạn có xung đột lợi ích với sản phẩm này."))
    if not session.is_open:
        raise ValidationError(_("Phiên họp đã kết thúc: biên bản không sửa được nữa."))
    notes = notes or {}
    scoring = {m.pk for m in session.council.members.all() if m.scores}
    if any(pk not in scoring for pk in notes):
        raise ValidationError(_("Chỉ ghi chú cho thành viên chấm điểm của hội đồng này."))
    notes = {pk: note.strip() for pk, note in notes.items()}
    before = dict(MissingScoreNote.objects.filter(item=item, member_id__in=notes)
                  .values_list("member_id", "note"))  # fmt: skip
    if item.discussion == discussion.strip() and all(
        before.get(pk, "") == note for pk, note in notes.items()
    ):
        return item  # nothing changed: a repeated request is a no-op
    item.discussion = discussion.strip()
    item.save(update_fields=["discussion"])
    for member_pk, note in notes.items():
        if note:
            MissingScoreNote.objects.update_or_create(
                item=item, member_id=member_pk, defaults={"note": note, "written_by": actor}
            )
        else:
            MissingScoreNote.objects.filter(item=item, member_id=member_pk).delete()
    audit_record(actor=actor, action="item_minutes_set", obj=item,
                 summary=item.discussion[:200],
                 after={"discussion": item.discussion,
                        "notes": {str(k): v for k, v in notes.items()}})  # fmt: skip
    return item
