"""Council sessions: agenda, rejection/stop outcomes, and closing with the engine's results."""

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ocop.core.services import audit_record, lock

from .. import workflow
from ..access import actor_blocked, may_manage, workflow_role
from ..consolidation import consolidate_session
from ..models import Application, Council, CouncilMember, Round, Session, SessionItem
from ..models.councils import SpreadPolicy
from ..models.scoring import Outcome
from ..selfscore import sheet_for
from ..sheet_rules import find_rule
from . import fivestar
from .councils import conflicts_flag
from .transitions import application_move

DIVERGENT = gettext_lazy(
    "%(product)s: các ý kiến chênh lệch %(spread)s điểm, vượt mức %(limit)s; theo Điều 7.6.d, hội "
    "đồng họp trực tiếp để thảo luận, thành viên sửa phiếu (nêu lý do) rồi mới kết thúc."
)
NOT_ON_SHEET = gettext_lazy(
    "Quy định đã chọn không có trong phiếu đánh giá của sản phẩm này (bộ %(set)s, Phụ lục II): chọn "
    "một quy định “%(outcome)s” của chính phiếu đó."
)
# The dossier's move for each outcome (workflow.ALLOWED).
OUTCOME_ACTIONS = {"reject": "reject", "stop": "stop", "not_evaluated": "not_evaluate"}
NO_ATTENDANCE = gettext_lazy(
    "Chưa ghi nhận thành viên có mặt tại phiên họp: chọn ít nhất một thành viên có mặt trước khi "
    "chấm điểm hoặc kết thúc phiên."
)


def _check_manager(actor, council: Council) -> None:
    if actor is not None and not may_manage(actor, council):
        raise PermissionDenied(_("Bạn không điều hành hội đồng này."))


@transaction.atomic
def session_create(
    *, actor, council: Council, round: Round, held_on: date, place: str = "",
    applications: Sequence[Application] = (), present: list[CouncilMember] | None = None,
) -> Session:  # fmt: skip
    """Open a session of the council for a round, with its agenda and attendance (default: every
    scoring member; an empty list is refused). Side effects: Session and SessionItem rows, dossiers moved to the session
    stage, automatic conflict flags, audit entries."""
    _check_manager(actor, council)
    if council.level != round.level or (council.province_id != round.province_id):
        raise ValidationError(_("Hội đồng và đợt đánh giá phải cùng cấp và cùng tỉnh."))
    scoring = [m for m in council.members.all() if m.scores]
    present = present if present is not None else scoring
    if not present:
        raise ValidationError(NO_ATTENDANCE)
    session = Session.objects.create(council=council, round=round, held_on=held_on, place=place)
    session.present.set(present)
    audit_record(actor=actor, action="session_create", obj=session, summary=str(session))
    session_schedule(actor=actor, session=session, applications=list(applications))
    return session


@transaction.atomic
def session_attendance_set(*, actor, session: Session, present: list[CouncilMember]) -> Session:
    """Record who sits at an open session (members of its council, at least one). Side effects:
    the attendance, an audit entry."""
    lock(session)
    _check_manager(actor, session.council)
    if not session.is_open:
        raise ValidationError(_("Phiên họp đã kết thúc."))
    if session.is_written:
        raise ValidationError(
            _("Lấy ý kiến bằng văn bản: mọi thành viên chấm điểm đều được hỏi ý kiến.")
        )
    if not present:
        raise ValidationError(NO_ATTENDANCE)
    if any(member.council_id != session.council_id for member in present):
        raise ValidationError(_("Chỉ ghi nhận thành viên của hội đồng này."))
    session.present.set(present)
    names = ", ".join(member.name for member in present)
    audit_record(actor=actor, action="session_attendance_set", obj=session, summary=names)
    return session


@transaction.atomic
def session_schedule(*, actor, session: Session, applications: list[Application]) -> int:
    """Put dossiers on an open session's agenda: a provincial session takes the round's dossiers
    ready for the council, a central one the dossiers proposed for 5★. Side effects: SessionItem
    rows, stage changes, conflict flags. Returns how many were added."""
    lock(session)
    council = session.council
    _check_manager(actor, council)
    if not session.is_open:
        raise ValidationError(_("Phiên họp đã kết thúc."))
    role = workflow_role(actor, council) if actor is not None else workflow.COUNCIL
    # All the dossiers at once, in one order, so two concurrent schedules cannot deadlock.
    pks = [application.pk for application in applications]
    list(Application.objects.select_for_update().filter(pk__in=pks).order_by("pk").values("pk"))
    fivestar.check_agenda(council, applications)  # Art. 7.4.a (sent to the ministry), 7.6.e
    for application in applications:
        if council.level == "province" and application.round_id != session.round_id:
            raise ValidationError(_("Hồ sơ %(n)s không thuộc đợt này.") % {"n": application})
        application_move(actor=actor, application=application, action="schedule", role=role)
        SessionItem.objects.create(session=session, application=application)
    conflicts_flag(council=council, applications=applications)
    return len(applications)


@transaction.atomic
def item_outcome_record(
    *, actor, item: SessionItem, outcome: str, rule: str, reason: str = ""
) -> SessionItem:
    """The council ends a product's evaluation outside the points under a rule of the product's
    own sheet (Phụ lục II): reject ("Hồ sơ bị loại khi…"), stop ("Không xem xét…") or not
    evaluated ("Không đánh giá…", common products of key groups). `rule` is the rule's key
    (sheet_rules); `reason` is the council's free note. No stars. Refused, nothing changed, for a
    rule not on that sheet. Side effects: the item, the dossier's stage, an audit entry."""
    lock(item.session)  # the session first, in the order session_close takes its locks
    lock(item)
    council = item.session.council
    _check_manager(actor, council)
    if actor is not None and actor_blocked(actor, council, item.application.product_id):
        raise PermissionDenied(_("Bạn có xung đột lợi ích với sản phẩm này."))
    if outcome not in Outcome.values:
        raise ValidationError(_("Kết luận không hợp lệ."))
    if not item.session.is_open:
        raise ValidationError(_("Phiên họp đã kết thúc."))
    if item.outcome:
        raise ValidationError(_("Sản phẩm đã có kết luận của hội đồng."))
    application = item.application
    found = find_rule(sheet_for(application.rules, application.set_number), outcome, rule)
    if found is None:
        raise ValidationError(NOT_ON_SHEET % {"set": application.set_number,
                                              "outcome": Outcome(outcome).label})  # fmt: skip
    note = reason.strip()
    application_move(actor=actor, application=application, action=OUTCOME_ACTIONS[outcome],
                     role=workflow_role(actor, council),
                     reason=f"{found.label}. {note}".strip() if note else found.label)  # fmt: skip
    item.outcome, item.outcome_reason = outcome, note
    item.outcome_rule, item.outcome_rule_text = found.key, found.label
    item.save(update_fields=["outcome", "outcome_reason", "outcome_rule", "outcome_rule_text"])
    return item


@transaction.atomic
def session_close(*, actor, session: Session) -> Session:
    """Close the session: every product on the agenda gets the council's result from the engine.
    Refused (nothing changes) when no attendance is recorded, when a product lacks the quorum of
    counted sheets, or when the
    spread exceeds the council's limit and its rules require re-scoring. Side effects: results on
    the items, dossiers moved to scored / central_scored, the session closed, audit entries."""
    session = Session.objects.select_for_update().select_related("council").get(pk=session.pk)
    council = session.council
    _check_manager(actor, council)
    if not session.is_open:
        raise ValidationError(_("Phiên họp đã kết thúc."))
    if not session.present.exists():
        # The minutes must say who sat, and which sheets count depends on it (absent members'
        # sheets count only when the council's rules say so).
        raise ValidationError(NO_ATTENDANCE)
    results = consolidate_session(session, whole_items=True)
    problems = _close_problems(council, results.values(), written=session.is_written)
    if problems:
        raise ValidationError(problems)
    role = workflow_role(actor, council) if actor is not None else workflow.COUNCIL
    for found in results.values():
        if found.item.outcome:
            continue
        _store(found)
        application_move(actor=actor, application=found.item.application,
                         action="close_scoring", role=role)  # fmt: skip
    session.status, session.closed_at, session.closed_by = (
        Session.Status.CLOSED,
        timezone.now(),
        actor,
    )
    session.save(update_fields=["status", "closed_at", "closed_by"])
    audit_record(actor=actor, action="session_close", obj=session, summary=str(session))
    return session


def _close_problems(council: Council, results, written: bool = False) -> list[str]:
    problems = []
    for found in results:
        if found.item.outcome:
            continue
        name = found.item.application.product.name
        if found.problem or found.result is None or found.count < council.quorum:
            problems.append(
                _("%(product)s: mới có %(count)s phiếu hợp lệ, cần tối thiểu %(quorum)s.")
                % {"product": name, "count": found.count, "quorum": council.quorum}
            )
        elif found.result.spread_exceeded and written:
            # Art. 7.6.d: divergent written opinions go to a sitting, never averaged away.
            problems.append(DIVERGENT % {"product": name, "spread": found.result.spread,
                                         "limit": council.spread_limit})  # fmt: skip
        elif found.result.spread_exceeded and council.spread_policy == SpreadPolicy.RESCORE:
            problems.append(
                _(
                    "%(product)s: chênh lệch %(spread)s điểm vượt mức %(limit)s; hội đồng thảo luận và chấm lại."
                )
                % {"product": name, "spread": found.result.spread, "limit": council.spread_limit}
            )
    return problems


def _store(found) -> None:
    result, item = found.result, found.item
    item.sheet_count = result.sheet_count
    item.total_sum = int(result.average * result.sheet_count)
    item.stars, item.band_stars = result.stars, result.band_stars
    item.held_back = {str(k): v for k, v in result.held_back.items()}
    item.lowest, item.highest = result.lowest, result.highest
    item.spread_exceeded = result.spread_exceeded
    item.save()
