"""Writes on certificates. Each call is one business action, in one transaction, with audit entries,
and keeps the product's denormalised `current_stars` / `certificate_status` in step."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.accounts.services import notify
from ocop.core.dates import format_date
from ocop.core.services import audit_record, lock, snapshot
from ocop.registry.models import Product

from . import numbering, validity, verify_cache
from .choices import (
    IN_FORCE,
    PRODUCT_STATUS,
    RULES_CHOICES,
    AuthorityLevel,
    Milestone,
    RevocationGround,
    SignerTitle,
    Status,
)
from .models import Certificate, CertificateReminder, CertificateSerial, HistoricResult
from .notice_services import revocation_notices_send
from .rules import can_issue, can_revoke, recognition_errors
from .signing import new_token

AUDITED = [
    "status",
    "stars",
    "valid_until",
    "extended_until",
    "revocation_ground",
    "revocation_decision_number",
]

# Which stored statuses may become which; checked by every write.
ALLOWED = {
    Status.VALID: {
        Status.REEVALUATION,
        Status.EXTENDED,
        Status.EXPIRED,
        Status.REVOKED,
        Status.SUPERSEDED,
    },
    Status.REEVALUATION: {
        Status.VALID,
        Status.EXTENDED,
        Status.EXPIRED,
        Status.REVOKED,
        Status.SUPERSEDED,
    },
    # Art. 12.3: in force past its expiry until the late re-evaluation's result.
    Status.EXTENDED: {Status.EXPIRED, Status.REVOKED, Status.SUPERSEDED},
    # A re-evaluation decided a few days after expiry still replaces the lapsed certificate.
    Status.EXPIRED: {Status.SUPERSEDED},
    Status.REVOKED: set(),
    Status.SUPERSEDED: set(),
}


def _check_transition(certificate: Certificate, new: str) -> None:
    if new not in ALLOWED[Status(certificate.status)]:
        raise ValidationError(
            _(
                "Giấy chứng nhận %(number)s đang ở tình trạng “%(status)s”, không thể chuyển sang “%(new)s”."
            )
            % {
                "number": certificate.number,
                "status": certificate.get_status_display(),
                "new": Status(new).label,
            }
        )


def _next_serial(code: str, year: int) -> int:
    """The authority's next serial for the year. The UPDATE … SET last = last + 1 locks the counter
    row until the surrounding transaction ends, so two concurrent issues never get the same serial."""
    counters = CertificateSerial.objects.filter(authority_code=code, year=year)
    if not counters.update(last=F("last") + 1):
        try:
            with transaction.atomic():
                CertificateSerial.objects.create(authority_code=code, year=year, last=0)
        except IntegrityError:
            pass  # another transaction created it first; its row is now ours to increment
        counters.update(last=F("last") + 1)
    return counters.values_list("last", flat=True).get()


def _producer_address(product: Product) -> str:
    producer = product.producer
    commune = producer.commune
    parts = [producer.street_address, commune.name, commune.province.name]
    return ", ".join(part for part in parts if part)


def product_certificate_sync(product: Product) -> None:
    """Copy the product's current certificate (its newest one not superseded) onto the product.

    The registry has no service for these two fields, so they are set here with a queryset update
    (no save(): it would bump the product's updated_at and bypass nothing the registry checks)."""
    current = (
        product.certificates.exclude(status=Status.SUPERSEDED)
        .order_by("-issue_date", "-id")
        .first()
    )
    stars = current.stars if current and current.status in IN_FORCE else None
    status = PRODUCT_STATUS.get(Status(current.status), "") if current else ""
    Product.objects.filter(pk=product.pk).update(current_stars=stars, certificate_status=status)


def _validate_issue(product, stars, rules, authority_level, decision_date, issue_date, supersedes):
    if stars not in (3, 4, 5):
        raise ValidationError(_("Chỉ sản phẩm từ 3 sao trở lên mới được cấp giấy chứng nhận."))
    if rules not in dict(RULES_CHOICES):
        raise ValidationError(_("Bộ tiêu chí không hợp lệ: %(rules)s.") % {"rules": rules})
    if authority_level not in AuthorityLevel.values:
        raise ValidationError(_("Cấp công nhận không hợp lệ."))
    if issue_date < decision_date:
        raise ValidationError(_("Ngày cấp không được trước ngày quyết định công nhận."))
    errors = recognition_errors(
        stars=stars, level=authority_level, rules=rules, first=decision_date
    )
    if errors:
        raise ValidationError([message for _field, message in errors])
    current = product.certificates.filter(status__in=IN_FORCE).exclude(
        pk=supersedes.pk if supersedes else None
    )
    if current.exists():
        raise ValidationError(
            _(
                "Sản phẩm đang có giấy chứng nhận còn hiệu lực số %(number)s; hãy ghi rõ giấy được thay thế."
            )
            % {"number": current.first().number}
        )
    if supersedes is not None and supersedes.product_id != product.pk:
        raise ValidationError(_("Giấy chứng nhận được thay thế phải của cùng sản phẩm."))


@transaction.atomic
def certificate_issue(
    *,
    actor: User | None,
    product: Product,
    stars: int,
    rules: str,
    authority_name: str,
    authority_level: str,
    decision_number: str,
    decision_date: date,
    issue_date: date,
    supersedes: Certificate | None = None,
    signer_name: str = "",
    signer_title: str = SignerTitle.HEAD,
) -> Certificate:
    """Issue a certificate after a recognition decision. Side effects: a new certificate with the
    authority's next number, the superseded one (if any) marked so, the product's stars and
    status updated, audit entries, a notification to the producer's representatives.
    `actor` None is the system (imports, demo). The authority follows the stars (see rules.py)."""
    if not can_issue(actor, product, stars):
        raise PermissionDenied(_("Bạn không có thẩm quyền cấp giấy chứng nhận cho sản phẩm này."))
    # The product row serialises issues for one product: the check for a certificate in force
    # below then sees the one a concurrent issue has just committed.
    lock(product)
    if supersedes is not None:
        lock(supersedes)
    _validate_issue(product, stars, rules, authority_level, decision_date, issue_date, supersedes)
    code = numbering.authority_code(authority_name)
    certificate = Certificate.objects.create(
        number=numbering.format_number(_next_serial(code, issue_date.year), issue_date.year, code),
        product=product,
        product_name=product.name,
        producer_name=product.producer.name,
        producer_address=_producer_address(product),
        stars=stars,
        rules=rules,
        authority_name=authority_name,
        authority_level=authority_level,
        decision_number=decision_number,
        decision_date=decision_date,
        signer_name=signer_name.strip(),
        signer_title=signer_title,
        issue_date=issue_date,
        valid_until=validity.valid_until(issue_date),
        token=new_token(),
    )
    certificate.status = certificate.status_on(timezone.localdate())
    certificate.save(update_fields=["status"])
    verify_cache.forget(certificate)
    audit_record(
        actor=actor,
        action="certificate_issue",
        obj=certificate,
        summary=_("Cấp giấy chứng nhận %(number)s, %(stars)s sao")
        % {"number": certificate.number, "stars": stars},
        after=snapshot(certificate, AUDITED),
    )
    if supersedes is not None:
        certificate_supersede(actor=actor, certificate=supersedes, by=certificate)
    product_certificate_sync(product)
    notify(
        recipients=product.producer.representatives.all(),
        message=_(
            "Sản phẩm %(product)s được cấp giấy chứng nhận OCOP %(stars)s sao, số %(number)s."
        )
        % {"product": product.name, "stars": stars, "number": certificate.number},
        url=certificate.get_absolute_url(),
    )
    return certificate


@transaction.atomic
def certificate_supersede(*, actor: User | None, certificate: Certificate, by: Certificate) -> None:
    """Mark `certificate` replaced by the newer `by` (upgrade or re-evaluation). Side effects:
    status, audit entry, product sync."""
    if by.product_id != certificate.product_id or by.pk == certificate.pk:
        raise ValidationError(_("Giấy chứng nhận thay thế phải là giấy khác của cùng sản phẩm."))
    lock(certificate)
    _check_transition(certificate, Status.SUPERSEDED)
    before = snapshot(certificate, AUDITED)
    certificate.status = Status.SUPERSEDED
    certificate.save(update_fields=["status"])
    verify_cache.forget(certificate)
    if by.supersedes_id != certificate.pk:
        by.supersedes = certificate
        by.save(update_fields=["supersedes"])
    audit_record(
        actor=actor,
        action="certificate_supersede",
        obj=certificate,
        summary=_("Được thay thế bởi giấy chứng nhận %(number)s") % {"number": by.number},
        before=before,
        after=snapshot(certificate, AUDITED),
    )
    product_certificate_sync(certificate.product)


@transaction.atomic
def certificate_revoke(
    *,
    actor: User,
    certificate: Certificate,
    ground: str,
    conclusion_date: date,
    decision_number: str,
    decision_date: date,
    note: str = "",
) -> Certificate:
    """Revoke a certificate on one of the six grounds. Side effects: status and revocation facts,
    audit entry, product sync, the written notices of Art. 8.3.c (notice_services). A decision taken
    later than 15 days after the conclusion is recorded and flagged overdue, not refused."""
    lock(certificate)
    if not can_revoke(actor, certificate):
        raise PermissionDenied(_("Bạn không có thẩm quyền thu hồi giấy chứng nhận này."))
    if ground not in RevocationGround.values:
        raise ValidationError(_("Căn cứ thu hồi không hợp lệ."))
    if not decision_number.strip():
        raise ValidationError(_("Cần số quyết định thu hồi."))
    if decision_date < conclusion_date:
        raise ValidationError(_("Ngày quyết định thu hồi không được trước ngày có kết luận."))
    _check_transition(certificate, Status.REVOKED)
    before = snapshot(certificate, AUDITED)
    certificate.status = Status.REVOKED
    certificate.revocation_ground = ground
    certificate.revocation_conclusion_date = conclusion_date
    certificate.revocation_decision_number = decision_number.strip()
    certificate.revocation_decision_date = decision_date
    certificate.revocation_note = note
    certificate.save()
    verify_cache.forget(certificate)
    audit_record(
        actor=actor,
        action="certificate_revoke",
        obj=certificate,
        summary=_("Thu hồi: %(ground)s") % {"ground": RevocationGround(ground).label},
        before=before,
        after=snapshot(certificate, AUDITED),
    )
    product_certificate_sync(certificate.product)
    # Art. 8.3.c: the producer, the commune and the provincial agency, each with its letter.
    revocation_notices_send(actor=actor, certificate=certificate)
    return certificate


@transaction.atomic
def certificate_extend(*, actor: User | None, certificate: Certificate, filed_on: date) -> bool:
    """Art. 12.3: a late re-evaluation was filed on `filed_on` for this certificate, whose window
    had closed before 26/2026 took effect; it stays in force after its expiry until the result,
    at most 180 days. Side effects: `extended_until`, the status of today, audit entry, product
    sync. Idempotent: False when the extension is already recorded. Refused (nothing changes)
    when the certificate does not qualify on that day."""
    lock(certificate)  # a concurrent filing or refresh re-reads the committed row
    if certificate.extended_until == validity.extension_end(certificate.valid_until):
        return False
    if certificate.status not in IN_FORCE or not validity.late_reevaluation_allowed(
        certificate.valid_until, filed_on
    ):
        raise ValidationError(
            _(
                "Giấy chứng nhận %(number)s không thuộc trường hợp kéo dài hiệu lực theo Điều 12.3 "
                "Quyết định 26/2026/QĐ-TTg vào ngày %(day)s."
            )
            % {"number": certificate.number, "day": format_date(filed_on)}
        )
    before = snapshot(certificate, AUDITED)
    certificate.extended_until = validity.extension_end(certificate.valid_until)
    new = certificate.status_on(timezone.localdate())
    if new != certificate.status:
        _check_transition(certificate, new)
        certificate.status = new
    certificate.save(update_fields=["extended_until", "status"])
    audit_record(
        actor=actor,
        action="certificate_extend",
        obj=certificate,
        summary=_(
            "Nộp hồ sơ đánh giá lại ngày %(day)s (Điều 12.3): hiệu lực kéo dài đến khi có kết quả, "
            "không quá %(until)s"
        )
        % {"day": format_date(filed_on), "until": format_date(certificate.extended_until)},
        before=before,
        after=snapshot(certificate, AUDITED),
    )
    product_certificate_sync(certificate.product)
    return True


@transaction.atomic
def certificate_extension_end(*, actor: User | None, product: Product, on: date) -> bool:
    """The late re-evaluation of `product` has its result on `on` without a new certificate
    (refused, stopped, withdrawn, or decided below 3★): the Art. 12.3 extension ends that day
    ("đến ngày có kết quả xử lý"). A result before the expiry leaves the certificate its own
    term. Side effects: `extended_until`, status, audit entry, product sync. False when the
    product has no extended certificate."""
    certificate = (
        product.certificates.filter(status__in=IN_FORCE, extended_until__isnull=False)
        .order_by("-valid_until")
        .first()
    )
    if certificate is None:
        return False
    lock(certificate)
    if certificate.status not in IN_FORCE or certificate.extended_until is None:
        return False
    before = snapshot(certificate, AUDITED)
    ends = min(on, certificate.extended_until)
    certificate.extended_until = ends if ends > certificate.valid_until else None
    new = certificate.status_on(max(on, timezone.localdate()))
    if new != certificate.status:
        _check_transition(certificate, new)
        certificate.status = new
    certificate.save(update_fields=["extended_until", "status"])
    audit_record(
        actor=actor,
        action="certificate_extension_end",
        obj=certificate,
        summary=_(
            "Có kết quả đánh giá lại ngày %(day)s: hết thời gian kéo dài hiệu lực (Điều 12.3)"
        )
        % {"day": format_date(on)},
        before=before,
        after=snapshot(certificate, AUDITED),
    )
    product_certificate_sync(certificate.product)
    return True


@dataclass
class RefreshReport:
    changes: list[tuple[Certificate, str, str]] = field(default_factory=list)
    reminders: list[tuple[Certificate, str]] = field(default_factory=list)


@transaction.atomic
def certificates_refresh(*, today: date) -> RefreshReport:
    """Bring stored statuses up to `today` and send each due reminder once. Safe to run daily: a
    second run the same day finds nothing to change and nothing unsent. Side effects: statuses,
    audit entries, product sync, reminder rows, notifications (and e-mails)."""
    report = RefreshReport()
    horizon = today + timedelta(days=validity.WINDOW_OPENS_DAYS)
    candidates = Certificate.objects.filter(
        Q(status__in=IN_FORCE, valid_until__lte=horizon) | Q(status=Status.REEVALUATION)
    ).order_by("pk")  # one order for every run, so two concurrent runs never deadlock
    for certificate in candidates:
        lock(certificate)  # a concurrent run may have refreshed it since the list was read
        new = certificate.status_on(today)
        if new != certificate.status:
            report.changes.append((certificate, certificate.status, new))
            _refresh_status(certificate, new)
        for milestone in validity.milestones_due(
            today, certificate.valid_until, certificate.extended_until
        ):
            if _remind(certificate, Milestone(str(milestone)), today):
                report.reminders.append((certificate, str(milestone)))
    return report


def _refresh_status(certificate: Certificate, new: str) -> None:
    _check_transition(certificate, new)
    before = snapshot(certificate, AUDITED)
    certificate.status = new
    certificate.save(update_fields=["status"])
    verify_cache.forget(certificate)
    audit_record(
        actor=None,
        action="certificate_refresh",
        obj=certificate,
        summary=_("Tình trạng: %(status)s") % {"status": Status(new).label},
        before=before,
        after=snapshot(certificate, AUDITED),
    )
    product_certificate_sync(certificate.product)


def _remind(certificate: Certificate, milestone: Milestone, today: date) -> bool:
    """Send one reminder unless it was sent before. Recipients: the producer's representatives and
    the commune officers of the producer's commune (the commune receives re-evaluation dossiers)."""
    _reminder, created = CertificateReminder.objects.get_or_create(
        certificate=certificate, milestone=milestone, defaults={"sent_on": today}
    )
    if not created:
        return False
    producer = certificate.product.producer
    officers = User.objects.filter(role=Role.COMMUNE, commune_id=producer.commune_id)
    message = _("%(milestone)s: giấy chứng nhận %(number)s (%(product)s), hết hạn %(until)s.") % {
        "milestone": milestone.label,
        "number": certificate.number,
        "product": certificate.product_name,
        "until": format_date(certificate.valid_until),
    }
    recipients = {user.pk: user for user in [*producer.representatives.all(), *officers]}
    notify(recipients=recipients.values(), message=message, url=certificate.get_absolute_url())
    return True


@transaction.atomic
def historic_results_import(*, actor: User | None, rows: list[dict]) -> list[HistoricResult]:
    """Store historic results already checked by `history.validate` (all or nothing: one
    transaction). Side effects: one HistoricResult and one audit entry per row."""
    created = []
    for values in rows:
        result = HistoricResult.objects.create(**values)
        audit_record(
            actor=actor,
            action="historic_result_import",
            obj=result,
            summary=_("Nhập kết quả %(year)s: %(stars)s sao")
            % {"year": result.year, "stars": result.stars},
        )
        created.append(result)
    return created
