"""Who may manage a council and who sits on it (reads only; the services and views call these).

Managers of a council: admins, the province officers of its province (provincial councils), the
central officers (central councils), and its own chair and secretary. A member sees only their own
sheets; the board shows other members' scores to a scoring manager only once their own is in.
"""

from django.db.models import Exists, OuterRef, QuerySet

from ocop.accounts.roles import Role

from . import workflow
from .models import Conflict, Council, CouncilMember, ScoreSheet, Session, SessionItem
from .models.councils import LEADING_POSITIONS, SCORING_POSITIONS


def is_admin(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.role == Role.ADMIN))


def seat_of(user, council: Council) -> CouncilMember | None:
    if not user.is_authenticated:
        return None
    return next((m for m in council.members.all() if m.user_id == user.pk), None)


def is_officer_of(user, council: Council) -> bool:
    if is_admin(user):
        return True
    if council.level == "central":
        return user.role == Role.CENTRAL
    return user.role == Role.PROVINCE and user.province_id == council.province_id


def may_manage(user, council: Council) -> bool:
    if is_officer_of(user, council):
        return True
    seat = seat_of(user, council)
    return seat is not None and seat.position in LEADING_POSITIONS


def workflow_role(user, council: Council) -> str:
    """The role a manager takes in workflow.ALLOWED for council actions."""
    if is_officer_of(user, council):
        return workflow.CENTRAL if council.level == "central" else workflow.PROVINCE
    return workflow.COUNCIL


def councils_visible_to(user) -> QuerySet[Council]:
    councils = Council.objects.select_related("province")
    if is_admin(user) or user.role == Role.CENTRAL:
        return councils
    if user.role == Role.PROVINCE:
        return councils.filter(level="province", province=user.province_id)
    if user.role == Role.COUNCIL_MEMBER:
        return councils.filter(members__user=user).distinct()
    return councils.none()


def blocked_product_ids(member: CouncilMember) -> set[int]:
    return set(
        Conflict.objects.blocking().filter(member=member).values_list("product_id", flat=True)
    )


def actor_blocked(user, council: Council, product_id: int) -> bool:
    """The user's own seat on the council has a blocking conflict with the product: a manager may
    then neither score, enter paper sheets nor record outcomes for it."""
    seat = seat_of(user, council)
    return seat is not None and product_id in blocked_product_ids(seat)


def submitted_members(item: SessionItem) -> set[int]:
    submitted = ScoreSheet.objects.filter(item=item, status=ScoreSheet.Status.SUBMITTED)
    return set(submitted.values_list("member_id", flat=True))


def items_for_member(member: CouncilMember, session: Session) -> list[SessionItem]:
    """The agenda as one member sees it: without the products they are conflicted on."""
    blocked = blocked_product_ids(member)
    items = session.items.select_related("application__product", "application__producer")
    return [i for i in items if i.application.product_id not in blocked]


def own_sheet(member: CouncilMember, item: SessionItem) -> ScoreSheet | None:
    return ScoreSheet.objects.filter(item=item, member=member).first()


def may_see_scores(user, item: SessionItem, submitted_by: set[int]) -> bool:
    """Others' scores on an item: officers always; a scoring seat once its own sheet is in."""
    council = item.session.council
    if is_officer_of(user, council):
        return True
    seat = seat_of(user, council)
    return seat is not None and (not seat.scores or seat.pk in submitted_by)


def items_to_score(user) -> QuerySet[SessionItem]:
    """Every product on the agenda of an open session where the user holds a scoring seat, less
    those the seat is conflicted on: the rows of the member's sheet list, in one query however
    many sessions and seats (items_for_member for one session)."""
    blocked = Conflict.objects.blocking().filter(
        member__user=user, member__council=OuterRef("session__council"),
        product=OuterRef("application__product"),
    )  # fmt: skip
    return SessionItem.objects.filter(
        session__status=Session.Status.OPEN, session__council__members__user=user,
        session__council__members__position__in=SCORING_POSITIONS,
    ).exclude(Exists(blocked))  # fmt: skip


def sessions_without_items(user) -> QuerySet[Session]:
    """The open sessions where the user scores but has no product to score (an empty agenda, or
    every product blocked by a conflict): still listed, with their workbook links."""
    items = items_to_score(user).filter(session=OuterRef("pk"))
    return Session.objects.filter(
        status=Session.Status.OPEN, council__members__user=user,
        council__members__position__in=SCORING_POSITIONS,
    ).exclude(Exists(items))  # fmt: skip
