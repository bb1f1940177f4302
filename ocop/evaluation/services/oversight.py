"""The central level's oversight of provincial recognition decisions (Art. 10.1.b of Decision
26/2026): "tổ chức kiểm tra, giám sát công tác đánh giá, phân hạng sản phẩm OCOP ở cấp tỉnh.
Trường hợp phát hiện công tác đánh giá, phân hạng sản phẩm OCOP không đúng quy định, thì đề nghị
UBND cấp tỉnh chỉ đạo thực hiện lại công tác đánh giá, phân hạng theo đúng quy định và đề nghị
Chủ tịch UBND cấp tỉnh thu hồi quyết định công nhận …".

Three outcomes of a review, each one `DecisionReview` with its finding, audited and notified in
writing by the ministry (certificates.notice_services):
- `decision_review_record`: the decision is found compliant (letter to the province);
- `decision_redo`: chosen dossiers go back to the province, stage decided → advisory_review
  (workflow.OVERSIGHT), with the finding as the reason (letters to the province, and to each
  dossier's producer and commune);
- `decision_revoke`: the whole decision is revoked, every certificate it issued still in force
  revoked with the revocation decision's number and date (letters to the province, the
  communes and the producers concerned).
Only central officers (and admins); every service locks the decision first and re-checks."""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.accounts.roles import Role
from ocop.certificates.choices import AuthorityLevel
from ocop.certificates.models import Certificate
from ocop.certificates.notice_models import NoticeKind, RecipientKind
from ocop.certificates.notice_services import MINISTRY, Letter, notice_send
from ocop.certificates.revoke_decision import certificates_revoke_for_decision
from ocop.core.dates import format_date
from ocop.core.services import audit_record, lock

from .. import workflow
from ..models import Application, Decision, DecisionReview, ReviewConclusion, StageChange
from ..models.applications import Stage


def _check_central(actor) -> None:
    if actor is None or not (actor.is_superuser or actor.role in (Role.ADMIN, Role.CENTRAL)):
        raise PermissionDenied(_("Chỉ cấp trung ương kiểm tra, giám sát quyết định công nhận."))


def _locked_open(actor, decision: Decision, finding: str) -> Decision:
    """Checks shared by the three outcomes, after locking the decision's row."""
    _check_central(actor)
    lock(decision)
    if decision.level != "province":
        raise ValidationError(_("Chỉ kiểm tra quyết định công nhận của UBND cấp tỉnh."))
    if decision.reviews.filter(conclusion=ReviewConclusion.REVOKE).exists():
        raise ValidationError(
            _("Quyết định %(number)s đã bị thu hồi.") % {"number": decision.number}
        )
    if not finding.strip():
        raise ValidationError(_("Vui lòng nêu nội dung kiểm tra, phát hiện."))
    return decision


def _review(actor, decision: Decision, conclusion: str, finding: str, on: date, **extra):
    review = DecisionReview.objects.create(decision=decision, conclusion=conclusion,
                                           finding=finding.strip(), reviewed_on=on,
                                           created_by=actor, **extra)  # fmt: skip
    audit_record(actor=actor, action=f"decision_review_{conclusion}", obj=decision,
                 summary=f"{review.get_conclusion_display()}: {review.finding[:200]}")  # fmt: skip
    return review


def _province_letter(decision: Decision, review: DecisionReview, kind: str, body: str) -> Letter:
    assert decision.province is not None  # provincial decisions only (_locked_open)
    subject = f"Kết quả kiểm tra Quyết định số {decision.number} ngày " \
        f"{format_date(decision.decided_on)} của {decision.authority_name}"  # fmt: skip
    return Letter(kind=kind, recipient_kind=RecipientKind.PROVINCE, province=decision.province,
                  subject=subject, body=body, source=review, outcome=review.conclusion)  # fmt: skip


def _product_letters(review: DecisionReview, kind: str, application: Application, body: str,
                     certificate: Certificate | None = None) -> list[Letter]:  # fmt: skip
    product = application.product
    return [
        Letter(
            kind=kind,
            recipient_kind=recipient,
            province=application.commune.province,
            commune=application.commune,
            producer=product.producer,
            product=product,
            certificate=certificate,
            body=body,
            source=review,
            outcome=review.conclusion,
            subject=f"Kết quả kiểm tra việc công nhận sản phẩm “{product.name}”",
        )  # fmt: skip
        for recipient in (RecipientKind.PRODUCER, RecipientKind.COMMUNE)
    ]


def _send(actor, letters: list[Letter], on: date) -> None:
    notice_send(actor=actor, letters=letters, authority_name=MINISTRY,
                authority_level=AuthorityLevel.CENTRAL, issued_on=on)  # fmt: skip


def _heading(decision: Decision, review: DecisionReview) -> str:
    return (
        f"Căn cứ điểm b khoản 1 Điều 10 Quyết định số 26/2026/QĐ-TTg, Bộ Nông nghiệp và Môi "
        f"trường đã kiểm tra Quyết định số {decision.number} ngày "
        f"{format_date(decision.decided_on)} của {decision.authority_name}. Kết luận ngày "
        f"{format_date(review.reviewed_on)}: {review.finding}"
    )


@transaction.atomic
def decision_review_record(*, actor, decision: Decision, finding: str,
                           reviewed_on: date) -> DecisionReview:  # fmt: skip
    """The decision is found compliant. Refused (nothing written) for the same finding twice."""
    _locked_open(actor, decision, finding)
    if decision.reviews.filter(conclusion=ReviewConclusion.COMPLIANT, finding=finding.strip(),
                               reviewed_on=reviewed_on).exists():  # fmt: skip
        raise ValidationError(_("Kết quả kiểm tra này đã được ghi nhận."))
    review = _review(actor, decision, ReviewConclusion.COMPLIANT, finding, reviewed_on)
    body = _heading(decision, review) + "\nQuyết định công nhận được ban hành đúng quy định."
    _send(actor, [_province_letter(decision, review, NoticeKind.REVIEW, body)], reviewed_on)
    return review


@transaction.atomic
def decision_redo(*, actor, decision: Decision, applications: list[Application], finding: str,
                  reviewed_on: date) -> DecisionReview:  # fmt: skip
    """The chosen dossiers of the decision go back to the province's advisory review (the
    certificates stay until the new result, or until the decision is revoked). Refused, nothing
    changed, unless every chosen dossier is one of the decision's and still decided."""
    _locked_open(actor, decision, finding)
    own = set(decision.items.values_list("application_id", flat=True))
    chosen = sorted({a.pk for a in applications})
    if not chosen or any(pk not in own for pk in chosen):
        raise ValidationError(_("Chọn các hồ sơ của quyết định này cần đánh giá lại."))
    locked = list(Application.objects.select_for_update().filter(pk__in=chosen).order_by("pk"))
    if any(a.stage not in workflow.OVERSIGHT for a in locked):
        raise ValidationError(_("Chỉ hồ sơ đã có quyết định mới được đề nghị đánh giá lại."))
    review = _review(actor, decision, ReviewConclusion.REDO, finding, reviewed_on)
    review.redone.set(locked)
    names = ", ".join(a.product.name for a in locked)
    letters = [_province_letter(decision, review, NoticeKind.REDO, _heading(decision, review)
               + f"\nĐề nghị UBND cấp tỉnh chỉ đạo thực hiện lại công tác đánh giá, phân hạng "
               f"theo đúng quy định đối với các sản phẩm: {names}.")]  # fmt: skip
    for application in locked:
        _send_back(actor, application, review.finding)
        letters += _product_letters(review, NoticeKind.REDO, application, _heading(decision, review)
                                    + f"\nSản phẩm “{application.product.name}” được đánh giá, "
                                    "phân hạng lại theo đúng quy định; giấy chứng nhận (nếu có) "
                                    "giữ nguyên cho đến khi có kết quả mới.")  # fmt: skip
    _send(actor, letters, reviewed_on)
    return review


def _send_back(actor, application: Application, reason: str) -> None:
    move = workflow.OVERSIGHT[application.stage]["redo"]
    overrides = getattr(settings, "OCOP_EVALUATION_DEADLINES", None)
    due = workflow.due_date(move.target, timezone.localdate(), overrides, application.kind)
    before = application.stage
    Application.objects.filter(pk=application.pk).update(
        stage=move.target, stage_since=timezone.now(), stage_due=due)  # fmt: skip
    application.stage = move.target
    StageChange.objects.create(application=application, action="redo", from_stage=before,
                               to_stage=move.target, actor=actor, reason=reason, due=due)  # fmt: skip
    audit_record(actor=actor, action="application_redo", obj=application,
                 summary=f"{Stage(before).label} → {Stage(move.target).label}. {reason}",
                 before={"stage": before}, after={"stage": move.target})  # fmt: skip


def certificates_of(decision: Decision):
    """The certificates the decision issued (they carry its number, date and authority)."""
    return Certificate.objects.filter(decision_number=decision.number,
                                      decision_date=decision.decided_on,
                                      authority_name=decision.authority_name)  # fmt: skip


@transaction.atomic
def decision_revoke(*, actor, decision: Decision, finding: str, reviewed_on: date,
                    revocation_number: str, revocation_date: date) -> DecisionReview:  # fmt: skip
    """The whole decision is revoked: every certificate it issued still in force is revoked with
    the ground (the finding) and the revocation decision's number and date. Refused, nothing
    changed, without a number, with a date before the finding, or on a decision already revoked."""
    _locked_open(actor, decision, finding)
    if not revocation_number.strip():
        raise ValidationError(_("Cần số quyết định thu hồi."))
    if revocation_date < reviewed_on:
        raise ValidationError(_("Ngày quyết định thu hồi không được trước ngày có kết luận."))
    review = _review(actor, decision, ReviewConclusion.REVOKE, finding, reviewed_on,
                     revocation_number=revocation_number.strip(),
                     revocation_date=revocation_date)  # fmt: skip
    certificates = list(certificates_of(decision))
    revoked = certificates_revoke_for_decision(
        actor=actor, certificates=certificates, conclusion_date=reviewed_on,
        decision_number=review.revocation_number, decision_date=revocation_date,
        note=review.finding)  # fmt: skip
    said = (f"\nQuyết định số {decision.number} bị thu hồi theo Quyết định số "
            f"{review.revocation_number} ngày {format_date(revocation_date)}; "
            f"{len(revoked)} giấy chứng nhận cấp theo quyết định này bị thu hồi.")  # fmt: skip
    letters = [_province_letter(decision, review, NoticeKind.DECISION_REVOKED,
                                _heading(decision, review) + said)]  # fmt: skip
    by_product = {c.product_id: c for c in revoked}
    items = decision.items.select_related("application__product__producer",
                                          "application__commune__province")  # fmt: skip
    for item in items.order_by("id"):
        certificate = by_product.get(item.application.product_id)
        tail = f" Giấy chứng nhận số {certificate.number} bị thu hồi; chủ thể không được sử dụng " \
            "biểu trưng OCOP cho sản phẩm." if certificate else ""  # fmt: skip
        letters += _product_letters(review, NoticeKind.DECISION_REVOKED, item.application,
                                    _heading(decision, review) + said + tail, certificate)  # fmt: skip
    _send(actor, letters, revocation_date)
    return review
