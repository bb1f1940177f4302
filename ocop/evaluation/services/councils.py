"""Councils, members, rules (Quy chế) and conflicts of interest."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ocop.accounts.roles import Role
from ocop.core.services import audit_record, lock
from ocop.places.models import Province

from .. import conflicts
from ..access import is_officer_of, may_manage, seat_of
from ..models import Application, Conflict, Council, CouncilMember, EvidenceFile, StageChange
from ..models.councils import BLOCKING, ConflictSource, ConflictStatus, Position, SpreadPolicy

RULE_FIELDS = ("quorum", "absent_members_count", "spread_limit", "spread_policy")


@transaction.atomic
def council_create(
    *, actor, level: str, year: int, name: str, province: Province | None = None,
    established_by: str = "", **rules,
) -> Council:  # fmt: skip
    """Set up a council with its rules. Side effects: one Council row, one audit entry."""
    council = Council(level=level, province=province if level == "province" else None, year=year,
                      name=name.strip(), established_by=established_by.strip())  # fmt: skip
    if actor is not None and not is_officer_of(actor, council):
        raise PermissionDenied(_("Bạn không được thành lập hội đồng này."))
    _apply_rules(council, rules)
    council.save()
    audit_record(actor=actor, action="council_create", obj=council, summary=council.name,
                 after={k: getattr(council, k) for k in RULE_FIELDS})  # fmt: skip
    return council


def _apply_rules(council: Council, rules: dict) -> None:
    for key in RULE_FIELDS:
        if key in rules and rules[key] is not None:
            setattr(council, key, rules[key])
    if council.quorum < 1:
        raise ValidationError(_("Số phiếu tối thiểu phải từ 1 trở lên."))
    if council.spread_policy not in SpreadPolicy.values:
        raise ValidationError(_("Cách xử lý chênh lệch không hợp lệ."))


@transaction.atomic
def council_rules_update(*, actor, council: Council, **rules) -> Council:
    """Change the council's rules (Quy chế). Side effects: the council row, an audit entry."""
    lock(council)
    if actor is not None and not is_officer_of(actor, council):
        raise PermissionDenied(_("Chỉ cán bộ cấp thành lập hội đồng được sửa quy chế."))
    before = {k: getattr(council, k) for k in RULE_FIELDS}
    _apply_rules(council, rules)
    council.save()
    audit_record(actor=actor, action="council_rules_update", obj=council, summary=council.name,
                 before=before, after={k: getattr(council, k) for k in RULE_FIELDS})  # fmt: skip
    return council


@transaction.atomic
def council_member_add(
    *, actor, council: Council, user, position: str, agency: str = "",
    home_commune=None, home_address: str = "",
) -> CouncilMember:  # fmt: skip
    """Seat a person (a council-member or advisor account) on the council or its advisory team.
    One chair and one secretary at most. Side effects: one CouncilMember row, an audit entry."""
    if actor is not None and not is_officer_of(actor, council):
        raise PermissionDenied(_("Chỉ cán bộ cấp thành lập hội đồng được bổ nhiệm thành viên."))
    lock(council)  # serialises seatings: the checks below then see a concurrent one
    if user.role not in (Role.COUNCIL_MEMBER, Role.ADVISOR):
        raise ValidationError(_("Tài khoản phải có vai trò thành viên hội đồng hoặc tổ tư vấn."))
    if council.members.filter(user=user).exists():
        raise ValidationError(_("Người này đã là thành viên hội đồng."))
    single = (Position.CHAIR, Position.SECRETARY)
    if position in single and council.members.filter(position=position).exists():
        raise ValidationError(_("Hội đồng đã có %(p)s.") % {"p": Position(position).label})
    member = CouncilMember.objects.create(
        council=council, user=user, position=position, agency=agency.strip(),
        home_commune=home_commune, home_address=home_address.strip(),
    )  # fmt: skip
    audit_record(actor=actor, action="council_member_add", obj=member, summary=str(member))
    return member


@transaction.atomic
def conflict_declare(*, actor, member: CouncilMember, product, reason: str) -> Conflict:
    """A member declares a conflict with a product (or the secretary records it for them).
    Side effects: a confirmed Conflict row (blocks seeing and scoring), an audit entry."""
    if actor.pk != member.user_id and not may_manage(actor, member.council):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("Vui lòng nêu lý do xung đột lợi ích."))
    conflict, _created = Conflict.objects.update_or_create(
        member=member, product=product, source=ConflictSource.DECLARED,
        defaults={"status": ConflictStatus.CONFIRMED, "reason": reason.strip()},
    )  # fmt: skip
    audit_record(actor=actor, action="conflict_declare", obj=conflict, summary=reason.strip())
    return conflict


@transaction.atomic
def conflict_review(*, actor, conflict: Conflict, confirmed: bool, note: str = "") -> Conflict:
    """The secretary (or an officer) confirms or dismisses a flag. Dismissing needs a note.
    Side effects: the conflict's status, an audit entry."""
    lock(conflict)
    if (
        not may_manage(actor, conflict.member.council)
        or seat_of(actor, conflict.member.council) == conflict.member
    ):
        raise PermissionDenied(_("Bạn không được xem xét xung đột lợi ích này."))
    if conflict.status != ConflictStatus.FLAGGED:
        raise ValidationError(_("Xung đột lợi ích này đã có kết luận."))
    if not confirmed and not note.strip():
        raise ValidationError(_("Vui lòng ghi lý do kết luận không có xung đột lợi ích."))
    before = conflict.status
    conflict.status = ConflictStatus.CONFIRMED if confirmed else ConflictStatus.DISMISSED
    conflict.reviewed_by = actor
    conflict.review_note = note.strip()
    conflict.save()
    audit_record(actor=actor, action="conflict_review", obj=conflict, summary=note.strip(),
                 before={"status": before}, after={"status": conflict.status})  # fmt: skip
    return conflict


def conflicts_flag(*, council: Council, applications: list[Application]) -> int:
    """Raise the automatic flags for every member × dossier (idempotent: a reviewed flag keeps
    its review). Side effect: Conflict rows. Returns how many new flags. Call in a transaction."""
    created = 0
    members = list(council.members.select_related("user"))
    for application in applications:
        producer = application.producer
        facts = conflicts.ProducerFacts(
            name=producer.name, commune_id=producer.commune_id,
            commune_name=producer.commune.name, representative_name=producer.representative_name,
            street_address=producer.street_address,
        )  # fmt: skip
        for member in members:
            for source, reason in conflicts.flags(
                _member_facts(member, application), facts
            ).items():
                _row, new = Conflict.objects.get_or_create(
                    member=member, product=application.product, source=source,
                    defaults={"status": ConflictStatus.FLAGGED, "reason": reason},
                )  # fmt: skip
                created += new
    return created


def _member_facts(member: CouncilMember, application: Application) -> conflicts.MemberFacts:
    user = member.user
    advised = (
        StageChange.objects.filter(application=application, actor=user).exists()
        or EvidenceFile.objects.filter(application=application, uploaded_by=user).exists()
    )
    return conflicts.MemberFacts(
        full_name=user.full_name, home_commune_id=member.home_commune_id,
        home_address=member.home_address, advised=advised,
    )  # fmt: skip


def is_blocked(member: CouncilMember, product_id: int) -> bool:
    return Conflict.objects.filter(
        member=member, product_id=product_id, status__in=BLOCKING
    ).exists()
