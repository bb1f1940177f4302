"""Writes of the annual cycle: the dated windows of a unit's year, product ideas (step 2) and
business plans (step 3), with the lineage link from an approved plan to its product.

Each service runs in one transaction, checks the actor's authority itself, locks the row whose
state it changes and checks that state again after the lock, and writes one audit entry per
changed row. `actor=None` is the system (the demo data).
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.accounts.roles import OFFICER_ROLES, Role
from ocop.core.services import audit_record, lock, snapshot
from ocop.registry.authority import is_officer_of, represents
from ocop.registry.models import Producer, Product
from ocop.registry.product_sets import find_set

from .choices import BusinessPlanStatus, CycleStep, IdeaStatus
from .models import BusinessPlan, CycleDefault, CycleWindow, Idea
from .units import Unit, unit_of

FIRST_YEAR = 2018  # the programme's first cycle in the seed story
# Built-in windows (month, day) → (month, day) for a province without its own defaults.
BUILT_IN_WINDOWS = {
    CycleStep.COMMUNICATION: ((1, 1), (2, 28)),
    CycleStep.IDEAS: ((3, 1), (4, 30)),
    CycleStep.BUSINESS_PLANS: ((5, 1), (6, 30)),
    CycleStep.IMPLEMENTATION: ((7, 1), (9, 30)),
    CycleStep.EVALUATION: ((10, 1), (11, 30)),
    CycleStep.PROMOTION: ((12, 1), (12, 31)),
}
IDEA_ALLOWED = {IdeaStatus.SUBMITTED: {IdeaStatus.ACCEPTED, IdeaStatus.RETURNED}}
PLAN_ALLOWED = {
    BusinessPlanStatus.SUBMITTED: {BusinessPlanStatus.APPROVED, BusinessPlanStatus.RETURNED}
}
IDEA_FIELDS = ["status", "return_reason", "screened_by", "screened_at"]
PLAN_FIELDS = ["status", "return_reason", "decided_by", "decided_at", "product"]


@dataclass(frozen=True)
class Window:
    step: int
    label: str
    start: date
    end: date
    stored: bool  # a CycleWindow row (False: computed from the defaults)
    pk: int | None = None  # the CycleWindow row, when stored

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end


def _is_officer(actor) -> bool:
    return actor is not None and (actor.is_superuser or actor.role in OFFICER_ROLES)


def may_manage_unit(actor, unit: Unit) -> bool:
    """An officer whose territory is or contains the unit (nationwide roles: any unit)."""
    if actor is None:
        return True
    if not _is_officer(actor) or not actor.is_active:
        return False
    if actor.is_superuser or actor.role in (Role.ADMIN, Role.CENTRAL):
        return True
    if actor.role == Role.PROVINCE:
        return unit.province.pk == actor.province_id
    return (
        unit.kind == "commune" and unit.commune is not None and unit.commune.pk == actor.commune_id
    )


def require_unit(actor, unit: Unit) -> None:
    if not may_manage_unit(actor, unit):
        raise PermissionDenied(
            _("Bạn không có quyền ghi hồ sơ của đơn vị %(unit)s.") % {"unit": unit.name}
        )


def check_year(year: int) -> None:
    last = timezone.localdate().year + 1
    if not FIRST_YEAR <= year <= last:
        raise ValidationError(
            _("Năm của chu trình phải từ %(first)s đến %(last)s.")
            % {"first": FIRST_YEAR, "last": last}
        )


def _day(year: int, month: int, day: int) -> date | None:
    """A month/day in the year; 29 February falls back to the 28th in a common year; None for a
    day no year has (a default typed wrong in the admin)."""
    try:
        return date(year, month, day)
    except ValueError:
        if month == 2 and day == 29:
            return date(year, 2, 28)
        return None


def default_windows(province, year: int) -> dict[int, tuple[date, date]]:
    """The province's defaults (admin-editable), the built-in ones for any step it has not set
    or set to an impossible or reversed window."""
    found = {d.step: d for d in CycleDefault.objects.filter(province=province)}
    out = {}
    for step, (start, end) in BUILT_IN_WINDOWS.items():
        built_in = (date(year, *start), date(year, *end))
        d = found.get(step)
        if d is not None:
            first, last = _day(year, d.start_month, d.start_day), _day(year, d.end_month, d.end_day)
            if first is not None and last is not None and first <= last:
                built_in = (first, last)
        out[int(step)] = built_in
    return out


def cycle_windows(*, unit: Unit, year: int) -> list[Window]:
    """The six steps of the unit's year: its stored windows, else the defaults."""
    stored = {w.step: w for w in CycleWindow.objects.filter(year=year, **unit.fields())}
    out = []
    for step, (start, end) in default_windows(unit.province, year).items():
        row = stored.get(step)
        if row is not None:
            start, end = row.start_date, row.end_date
        pk = row.pk if row is not None else None
        out.append(Window(step, str(CycleStep(step).label), start, end, row is not None, pk))
    return out


def current_step(windows: list[Window], today: date) -> Window | None:
    """The step whose window holds today (the latest-starting one if windows overlap)."""
    holding = [w for w in windows if w.holds(today)]
    return max(holding, key=lambda w: w.start) if holding else None


@transaction.atomic
def cycle_open(*, actor, unit: Unit, year: int) -> list[CycleWindow]:
    """Side effects: stores the six windows of the unit's year from the defaults (those not
    stored yet), one audit entry each. Idempotent."""
    require_unit(actor, unit)
    check_year(year)
    made = []
    for step, (start, end) in default_windows(unit.province, year).items():
        window, created = CycleWindow.objects.get_or_create(
            year=year, step=step, **unit.fields(),
            defaults={"start_date": start, "end_date": end, "created_by": _user(actor)},
        )  # fmt: skip
        if created:
            after = snapshot(window, ["year", "step", "start_date", "end_date"])
            audit_record(actor=actor, action="cycle.open", obj=window, after=after)
            made.append(window)
    return made


@transaction.atomic
def cycle_window_set(*, actor, window: CycleWindow, start: date, end: date) -> CycleWindow:
    """Side effects: moves one window (inside its year, start ≤ end); one audit entry."""
    require_unit(actor, unit_of(window))
    window = lock(window)
    if end < start:
        raise ValidationError(_("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."))
    if start.year != window.year or end.year != window.year:
        raise ValidationError(
            _("Các bước của chu trình năm %(year)s phải nằm trong năm đó.") % {"year": window.year}
        )
    before = snapshot(window, ["start_date", "end_date"])
    window.start_date, window.end_date = start, end
    window.save(update_fields=["start_date", "end_date", "updated_at"])
    audit_record(actor=actor, action="cycle.window_set", obj=window, before=before,
                 after=snapshot(window, ["start_date", "end_date"]))  # fmt: skip
    return window


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def _require_idea_author(actor, producer: Producer) -> None:
    """A representative of this producer, or an officer of its commune."""
    if actor is None or represents(actor, producer) or is_officer_of(actor, producer.commune):
        return
    if getattr(actor, "role", None) == Role.PRODUCER:
        raise PermissionDenied(_("Bạn chỉ đăng ký được ý tưởng cho chủ thể mà mình đại diện."))
    raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này tại xã/phường này."))


@transaction.atomic
def idea_register(
    *, actor, producer: Producer, year: int, title: str, set_number: int, description: str
) -> Idea:
    """Side effects: a new Idea (phiếu đăng ký ý tưởng sản phẩm) at the producer's commune,
    status submitted; one audit entry."""
    _require_idea_author(actor, producer)
    check_year(year)
    if producer.archived_at is not None:
        raise ValidationError(_("Chủ thể này đã được lưu trữ."))
    if find_set("26-2026", set_number) is None:
        raise ValidationError(
            _("Bộ sản phẩm %(number)s không có trong bộ tiêu chí hiện hành.")
            % {"number": set_number}
        )
    if not title.strip() or not description.strip():
        raise ValidationError(_("Hãy ghi tên ý tưởng và mô tả."))
    idea = Idea.objects.create(
        year=year, producer=producer, commune=producer.commune, title=title,
        set_number=set_number, description=description, created_by=_user(actor),
    )  # fmt: skip
    after = snapshot(idea, ["year", "producer", "title", "set_number", "status"])
    audit_record(actor=actor, action="idea.register", obj=idea, after=after)
    return idea


def _require_screener(actor, commune) -> None:
    if actor is not None and not is_officer_of(actor, commune):
        raise PermissionDenied(
            _("Chỉ cán bộ OCOP của xã hoặc tỉnh mới xem xét được ý tưởng và phương án.")
        )


def _check_move(allowed: dict, current: Any, target: Any, label: Any) -> None:
    if target not in allowed.get(current, set()):
        raise ValidationError(
            _("%(what)s đang ở trạng thái “%(state)s”: không chuyển được sang “%(target)s”.")
            % {"what": label, "state": current.label, "target": target.label}
        )


@transaction.atomic
def idea_screen(*, actor, idea: Idea, accept: bool, reason: str = "") -> Idea:
    """Side effects: the commune or province accepts the idea, or returns it with a reason;
    one audit entry. Only a submitted idea is screened (checked after the row lock)."""
    _require_screener(actor, idea.commune)
    idea = lock(idea)
    target = IdeaStatus.ACCEPTED if accept else IdeaStatus.RETURNED
    _check_move(IDEA_ALLOWED, IdeaStatus(idea.status), target, _("Ý tưởng"))
    if not accept and not reason.strip():
        raise ValidationError(_("Hãy ghi lý do trả lại."))
    before = snapshot(idea, IDEA_FIELDS)
    idea.status, idea.return_reason = target, "" if accept else reason
    idea.screened_by, idea.screened_at = _user(actor), timezone.now()
    idea.save(update_fields=[*IDEA_FIELDS, "updated_at"])
    audit_record(actor=actor, action=f"idea.{target}", obj=idea, summary=reason, before=before,
                 after=snapshot(idea, IDEA_FIELDS))  # fmt: skip
    return idea


@transaction.atomic
def plan_submit(
    *, actor, idea: Idea, title: str, summary: str, support_requested: str = "",
    support_amount: int | None = None,
) -> BusinessPlan:  # fmt: skip
    """Side effects: a new BusinessPlan on an accepted idea, status submitted; one audit entry.
    An idea has at most one plan waiting or approved (checked under the idea's row lock)."""
    _require_idea_author(actor, idea.producer)
    idea = lock(idea)
    if idea.status != IdeaStatus.ACCEPTED:
        raise ValidationError(_("Chỉ lập phương án trên ý tưởng đã được chấp nhận."))
    open_states = [BusinessPlanStatus.SUBMITTED, BusinessPlanStatus.APPROVED]
    if idea.business_plans.filter(status__in=open_states).exists():
        raise ValidationError(_("Ý tưởng này đã có phương án đang chờ duyệt hoặc đã được duyệt."))
    if support_amount is not None and support_amount < 0:
        raise ValidationError(_("Kinh phí đề nghị hỗ trợ không được âm."))
    plan = BusinessPlan.objects.create(
        idea=idea, title=title, summary=summary, support_requested=support_requested,
        support_amount=support_amount, created_by=_user(actor),
    )  # fmt: skip
    after = snapshot(plan, ["idea", "title", "support_amount", "status"])
    audit_record(actor=actor, action="business_plan.submit", obj=plan, after=after)
    return plan


@transaction.atomic
def plan_decide(*, actor, plan: BusinessPlan, approve: bool, reason: str = "") -> BusinessPlan:
    """Side effects: the plan is approved, or returned with a reason; one audit entry. Only a
    submitted plan is decided (checked after the row lock)."""
    _require_screener(actor, plan.idea.commune)
    plan = lock(plan)
    target = BusinessPlanStatus.APPROVED if approve else BusinessPlanStatus.RETURNED
    _check_move(PLAN_ALLOWED, BusinessPlanStatus(plan.status), target, _("Phương án"))
    if not approve and not reason.strip():
        raise ValidationError(_("Hãy ghi lý do trả lại."))
    before = snapshot(plan, PLAN_FIELDS)
    plan.status, plan.return_reason = target, "" if approve else reason
    plan.decided_by, plan.decided_at = _user(actor), timezone.now()
    plan.save(update_fields=[*PLAN_FIELDS, "updated_at"])
    audit_record(actor=actor, action=f"business_plan.{target}", obj=plan, summary=reason,
                 before=before, after=snapshot(plan, PLAN_FIELDS))  # fmt: skip
    return plan


@transaction.atomic
def plan_link_product(*, actor, plan: BusinessPlan, product: Product) -> BusinessPlan:
    """Side effects: links an approved plan to the product it produced (the lineage idea → plan
    → product → dossier → certificate); one audit entry."""
    _require_idea_author(actor, plan.idea.producer)
    plan = lock(plan)
    if plan.status != BusinessPlanStatus.APPROVED:
        raise ValidationError(_("Chỉ gắn sản phẩm cho phương án đã được phê duyệt."))
    if product.producer_id != plan.idea.producer_id:
        raise ValidationError(_("Sản phẩm phải là của chính chủ thể đăng ký ý tưởng."))
    before = snapshot(plan, ["product"])
    plan.product = product
    plan.save(update_fields=["product", "updated_at"])
    audit_record(actor=actor, action="business_plan.link_product", obj=plan, before=before,
                 after=snapshot(plan, ["product"]))  # fmt: skip
    return plan
