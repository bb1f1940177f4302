"""Writes of the post-audit (Art. 9 of Decision 26/2026/QĐ-TTg). Each call is one business action
in one transaction, audited; the rows a change reads are locked and re-checked.

Who inspects (9.4) is checked here for every write: the provincial agency for its province's
3★/4★ products, the ministry for 5★ and for 3★/4★ when needed; commune officers and producers
only read. A conclusion may open a revocation on ground 8.1.b or 8.1.d, due 15 days after the
conclusion (8.4); the revocation itself is `certificates.services.certificate_revoke`, given the
conclusion's date and ground.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.accounts.services import notify
from ocop.certificates.choices import IN_FORCE, RevocationGround
from ocop.certificates.models import Certificate
from ocop.certificates.services import certificate_revoke
from ocop.certificates.validity import revocation_deadline
from ocop.core.dates import format_date
from ocop.core.services import audit_record, lock, snapshot
from ocop.places.models import Province

from . import authority
from .choices import OPENS_REVOCATION, Kind, Level, Reason, Status
from .models import Inspection, Plan

CHECKLIST = [
    "criteria_kept", "criteria_note", "mark_kept", "mark_note", "information_kept",
    "information_note", "findings", "checked_on",
]  # fmt: skip
AUDITED = ["status", *CHECKLIST, "conclusion", "concluded_on", "revocation_ground"]


def _refuse() -> PermissionDenied:
    return PermissionDenied(_("Bạn không có thẩm quyền kiểm tra sản phẩm này (Điều 9.4)."))


def _is_admin(user: User) -> bool:
    return bool(user.is_superuser or user.role == Role.ADMIN)


def may_plan(user: User, *, level: str, province_id: int | None) -> bool:
    """Province plans are the provincial agency's (of that province), ministry plans the
    ministry's (9.4)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if _is_admin(user):
        return True
    if level == Level.CENTRAL:
        return user.role == Role.CENTRAL
    return bool(
        user.role == Role.PROVINCE and province_id is not None and user.province_id == province_id
    )


def may_inspect(user: User, inspection: Inspection) -> bool:
    """May `user` record or conclude `inspection`: the agency of its level (9.4)."""
    return may_plan(
        user, level=inspection.level, province_id=_certificate_province(inspection.certificate)
    )


def _certificate_province(certificate: Certificate) -> int:
    return certificate.product.producer.commune.province_id


def _check_in_force(certificate: Certificate) -> None:
    if certificate.status not in IN_FORCE:
        raise ValidationError(
            _("Giấy chứng nhận %(number)s không còn hiệu lực: chỉ kiểm tra sản phẩm OCOP đang được "
              "công nhận.") % {"number": certificate.number}
        )  # fmt: skip


@transaction.atomic
def plan_create(
    *,
    actor: User,
    year: int,
    title: str,
    level: str,
    province: Province | None,
    period_start: date,
    period_end: date,
    inspectors: str,
    note: str = "",
) -> Plan:
    """A periodic inspection plan (9.2.a) of the provincial agency for its province, or of the
    ministry (for a province or the whole country)."""
    if level == Level.PROVINCE and province is None:
        raise ValidationError(_("Kế hoạch của cấp tỉnh phải ghi tỉnh/thành phố."))
    if not may_plan(actor, level=level, province_id=province.pk if province else None):
        raise _refuse()
    if period_end < period_start:
        raise ValidationError(_("Ngày kết thúc không được trước ngày bắt đầu."))
    if not title.strip() or not inspectors.strip():
        raise ValidationError(_("Cần tên kế hoạch và đoàn kiểm tra."))
    plan = Plan.objects.create(
        year=year, title=title.strip(), level=level, province=province, period_start=period_start,
        period_end=period_end, inspectors=inspectors.strip(), note=note, created_by=actor,
    )  # fmt: skip
    audit_record(
        actor=actor, action="inspection_plan_create", obj=plan,
        summary=_("Lập kế hoạch kiểm tra %(title)s") % {"title": plan.title},
    )  # fmt: skip
    return plan


def _check_covers(level: str, certificate: Certificate, province_id: int | None) -> None:
    """Art. 9.4: the province inspects only its own 3★/4★ products; the ministry any."""
    if not authority.level_may_inspect(level=level, stars=certificate.stars):
        raise ValidationError(
            _("Sản phẩm %(stars)s sao do Bộ Nông nghiệp và Môi trường kiểm tra, giám sát "
              "(Điều 9.4.b), không thuộc kế hoạch của cấp tỉnh.") % {"stars": certificate.stars}
        )  # fmt: skip
    if province_id is not None and _certificate_province(certificate) != province_id:
        raise ValidationError(_("Sản phẩm không thuộc tỉnh/thành phố của kế hoạch."))


@transaction.atomic
def plan_add_product(
    *, actor: User, plan: Plan, certificate: Certificate, scheduled_on: date | None = None
) -> Inspection:
    """Put a recognised product (its certificate in force) in a periodic plan."""
    lock(plan)
    lock(certificate)
    if not may_plan(actor, level=plan.level, province_id=plan.province_id):
        raise _refuse()
    _check_in_force(certificate)
    _check_covers(plan.level, certificate, plan.province_id)
    if plan.inspections.filter(certificate=certificate).exists():
        raise ValidationError(_("Sản phẩm này đã có trong kế hoạch."))
    try:
        with transaction.atomic():
            inspection = Inspection.objects.create(
                kind=Kind.PERIODIC, plan=plan, certificate=certificate, level=plan.level,
                inspectors=plan.inspectors, scheduled_on=scheduled_on, created_by=actor,
            )  # fmt: skip
    except IntegrityError as exc:  # a concurrent add of the same product
        raise ValidationError(_("Sản phẩm này đã có trong kế hoạch.")) from exc
    audit_record(
        actor=actor, action="inspection_plan_add", obj=inspection,
        summary=_("Đưa vào kế hoạch %(plan)s") % {"plan": plan.title},
    )  # fmt: skip
    return inspection


@transaction.atomic
def inspection_open_adhoc(
    *,
    actor: User,
    certificate: Certificate,
    reason: str,
    reason_note: str,
    inspectors: str,
    level: str | None = None,
    scheduled_on: date | None = None,
) -> Inspection:
    """An ad-hoc inspection (9.2.a "kiểm tra đột xuất khi cần thiết") on a complaint, a sign of
    violation…, by the agency the actor belongs to (9.4)."""
    lock(certificate)
    if reason not in Reason.values:
        raise ValidationError(_("Lý do kiểm tra đột xuất không hợp lệ."))
    if not inspectors.strip():
        raise ValidationError(_("Cần ghi đoàn kiểm tra."))
    same = actor.province_id is not None and actor.province_id == _certificate_province(certificate)
    found = authority.inspecting_level(role=actor.role, stars=certificate.stars, same_province=same)
    if actor.is_superuser and found is None:
        found = authority.inspecting_level(
            role="admin", stars=certificate.stars, same_province=same
        )
    if found is None:
        raise _refuse()
    chosen = level or found
    if chosen != found and not _is_admin(actor):
        raise _refuse()
    _check_in_force(certificate)
    _check_covers(chosen, certificate, None)
    inspection = Inspection.objects.create(
        kind=Kind.ADHOC, certificate=certificate, level=chosen, reason=reason,
        reason_note=reason_note, inspectors=inspectors.strip(), scheduled_on=scheduled_on,
        created_by=actor,
    )  # fmt: skip
    audit_record(
        actor=actor, action="inspection_open_adhoc", obj=inspection,
        summary=_("Kiểm tra đột xuất: %(reason)s") % {"reason": Reason(reason).label},
    )  # fmt: skip
    # No notice to the producer here: an ad-hoc inspection may be unannounced. The producer sees
    # it among the inspections of their products, and is notified of a proposed revocation.
    return inspection


def _lock_open(actor: User, inspection: Inspection) -> None:
    lock(inspection)
    if not may_inspect(actor, inspection):
        raise _refuse()
    if inspection.status == Status.CONCLUDED:
        raise ValidationError(_("Cuộc kiểm tra đã có kết luận, không sửa được nữa."))


@transaction.atomic
def inspection_record(
    *,
    actor: User,
    inspection: Inspection,
    criteria_kept: bool | None,
    criteria_note: str = "",
    mark_kept: bool | None,
    mark_note: str = "",
    information_kept: bool | None,
    information_note: str = "",
    findings: str = "",
    checked_on: date | None = None,
) -> Inspection:
    """Record the checklist of Art. 9.3 (each item kept / not kept, with a note) and the
    findings; may be saved again until the conclusion."""
    _lock_open(actor, inspection)
    before = snapshot(inspection, AUDITED)
    inspection.criteria_kept, inspection.criteria_note = criteria_kept, criteria_note
    inspection.mark_kept, inspection.mark_note = mark_kept, mark_note
    inspection.information_kept, inspection.information_note = information_kept, information_note
    inspection.findings, inspection.checked_on = findings, checked_on
    inspection.save()
    audit_record(
        actor=actor, action="inspection_record", obj=inspection,
        summary=_("Ghi kết quả kiểm tra"), before=before, after=snapshot(inspection, AUDITED),
    )  # fmt: skip
    return inspection


def _check_ground(inspection: Inspection, ground: str) -> None:
    if not ground:
        return
    if ground not in OPENS_REVOCATION:
        raise ValidationError(
            _("Kết luận kiểm tra chỉ đề nghị thu hồi theo điểm b hoặc điểm d khoản 1 Điều 8.")
        )
    if ground == RevocationGround.CRITERIA_NOT_MET and inspection.criteria_kept is not False:
        raise ValidationError(
            _("Căn cứ 8.1.b cần kết quả kiểm tra “không duy trì tiêu chí theo hồ sơ đã công nhận”.")
        )
    misused = inspection.mark_kept is False or inspection.information_kept is False
    if ground == RevocationGround.MARK_MISUSE and not misused:
        raise ValidationError(
            _("Căn cứ 8.1.d cần kết quả kiểm tra “sử dụng nhãn hiệu OCOP, thông tin, quảng bá "
              "không đúng quy định”.")
        )  # fmt: skip


@transaction.atomic
def inspection_conclude(
    *,
    actor: User,
    inspection: Inspection,
    conclusion: str,
    concluded_on: date,
    revocation_ground: str = "",
) -> Inspection:
    """The inspection's conclusion and its date. With `revocation_ground` (8.1.b or 8.1.d) the
    conclusion opens a revocation of the certificate, to be decided within 15 days (8.4)."""
    _lock_open(actor, inspection)
    missing = None in (inspection.criteria_kept, inspection.mark_kept, inspection.information_kept)
    if missing:
        raise ValidationError(_("Cần ghi đủ ba nội dung kiểm tra (Điều 9.3) trước khi kết luận."))
    if not conclusion.strip():
        raise ValidationError(_("Cần ghi nội dung kết luận."))
    if inspection.checked_on and concluded_on < inspection.checked_on:
        raise ValidationError(_("Ngày kết luận không được trước ngày kiểm tra."))
    _check_ground(inspection, revocation_ground)
    if revocation_ground:
        lock(inspection.certificate)
        _check_in_force(inspection.certificate)
    before = snapshot(inspection, AUDITED)
    inspection.status = Status.CONCLUDED
    inspection.conclusion = conclusion.strip()
    inspection.concluded_on = concluded_on
    inspection.concluded_by = actor
    inspection.revocation_ground = revocation_ground
    inspection.save()
    audit_record(
        actor=actor, action="inspection_conclude", obj=inspection,
        summary=_("Kết luận kiểm tra"), before=before, after=snapshot(inspection, AUDITED),
    )  # fmt: skip
    if revocation_ground:
        _notify_producer(
            inspection,
            _("Kết luận kiểm tra ngày %(day)s đề nghị thu hồi giấy chứng nhận %(number)s "
              "(Điều %(article)s); hạn ra quyết định thu hồi %(due)s (Điều 8.4).") % {
                "day": format_date(concluded_on), "number": inspection.certificate.number,
                "article": inspection.revocation_article,
                "due": format_date(revocation_deadline(concluded_on)),
            },
        )  # fmt: skip
    return inspection


@transaction.atomic
def inspection_revoke(
    *,
    actor: User,
    inspection: Inspection,
    decision_number: str,
    decision_date: date,
    note: str = "",
) -> Certificate:
    """Decide the revocation a conclusion opened: the certificates service revokes, with the
    inspection's ground and conclusion date (so its 15-day clock, 8.4, runs from that date).
    Authority is the certificates' (8.2: the provincial chair for 3★/4★, the minister for 5★)."""
    lock(inspection)
    if inspection.status != Status.CONCLUDED or not inspection.revocation_ground:
        raise ValidationError(_("Kết luận kiểm tra này không đề nghị thu hồi."))
    assert inspection.concluded_on is not None  # the constraint: concluded has a date
    certificate = certificate_revoke(
        actor=actor, certificate=inspection.certificate, ground=inspection.revocation_ground,
        conclusion_date=inspection.concluded_on, decision_number=decision_number,
        decision_date=decision_date, note=note or inspection.conclusion,
    )  # fmt: skip
    audit_record(
        actor=actor, action="inspection_revoke", obj=inspection,
        summary=_("Thu hồi giấy chứng nhận %(number)s theo kết luận kiểm tra")
        % {"number": certificate.number},
    )  # fmt: skip
    return certificate


def _notify_producer(inspection: Inspection, message: str) -> None:
    notify(
        recipients=inspection.certificate.product.producer.representatives.all(),
        message=message,
        url=inspection.get_absolute_url(),
    )
