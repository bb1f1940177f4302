"""Moving a dossier through the workflow (workflow.ALLOWED), with history, audit and notices."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.accounts.services import notify
from ocop.core.services import audit_record, lock
from ocop.registry.services import product_assign_code

from .. import workflow
from ..fingerprint import content_fingerprint
from ..forms_phuluc3 import kind_problems
from ..messages import text as message_text
from ..models import Application, RegistrationCounter, Round, StageChange
from ..models.applications import Stage
from ..periods import format_registration_number, rules_for_filing
from ..phuluc3 import merged_report
from ..selfscore import sheet_for
from . import receipts, reevaluation
from .applications import TOURISM_SET, is_representative

MAU03_TOPICS = ("raw_materials", "local_labour", "idea_origin", "local_identity")
REQUIRED_FORM01 = ("producer_name", "representative_name", "product_name", "phone")
REQUIRED_FORM02 = ("business_results", "future_plan")


def acting_role(actor, application: Application) -> str | None:
    """The role the actor acts in on this dossier, or None when it is outside the actor's reach.
    Admins act as the officer the stage needs."""
    if actor.is_superuser or actor.role == Role.ADMIN:
        officers = workflow.actors_of(application.stage) - {workflow.PRODUCER}
        return min(officers) if officers else None
    if actor.role == Role.PRODUCER:
        return actor.role if is_representative(actor, application) else None
    visible = Application.objects.visible_to(actor).filter(pk=application.pk).exists()
    return actor.role if visible else None


def available_actions(actor, application: Application) -> list[str]:
    role = acting_role(actor, application)
    actions = workflow.actions_for(application.stage, role) if role else []
    return [a for a in actions if a not in workflow.COUNCIL_ACTIONS]


@transaction.atomic
def application_transition(
    *,
    actor,
    application: Application,
    action: str,
    reason: str = "",
    items: list[dict[str, str]] | None = None,
    report: dict[str, str] | None = None,
    today: date | None = None,
) -> Application:
    """Take one action of workflow.ALLOWED. Refused (ValidationError, nothing changed) when the map
    does not allow it for the actor. Side effects: the new stage and due date, a StageChange row,
    an audit entry, and notices (in-app and e-mail) to whoever must act next."""
    today = today or timezone.localdate()
    # Lock the row, then work on the caller's instance so that it sees the new stage.
    lock(application)
    role = acting_role(actor, application)
    if action in workflow.COUNCIL_ACTIONS:
        raise ValidationError(
            _("Thao tác này thực hiện tại phiên họp hoặc quyết định của hội đồng.")
        )
    try:
        move = workflow.transition_for(application.stage, action, role or "")
    except workflow.TransitionError as error:
        raise ValidationError(message_text(error)) from None
    items = _clean_items(items) if move.needs_items else []
    reason = reason.strip()
    if move.needs_reason and not reason:
        raise ValidationError(_("Vui lòng nêu lý do."))
    if move.needs_items and not items:
        raise ValidationError(_("Vui lòng nêu ít nhất một nội dung cần hoàn thiện và lý do."))
    _apply_effects(application, action, reason, report or {}, today, actor)
    if action == "submit":
        reevaluation.on_filing(actor=actor, application=application, today=today)  # Art. 12.3
    before = application.stage
    application.stage = move.target
    application.stage_since = timezone.now()
    overrides = getattr(settings, "OCOP_EVALUATION_DEADLINES", None)
    application.stage_due = workflow.due_date(move.target, today, overrides, application.kind)
    application.save()
    if move.target in workflow.FINAL:
        reevaluation.on_result(actor=actor, application=application, on=today)
    reason = reason or "; ".join(f"{i['item']}: {i['reason']}" for i in items)
    StageChange.objects.create(
        application=application, action=action, from_stage=before, to_stage=move.target,
        actor=actor, reason=reason, items=items, due=application.stage_due,
        content_fingerprint=dossier_fingerprint(application),
    )  # fmt: skip
    audit_record(
        actor=actor, action=f"application_{action}", obj=application,
        summary=f"{Stage(before).label} → {Stage(move.target).label}. {reason}".strip(),
        before={"stage": before}, after={"stage": move.target, "due": application.stage_due},
    )  # fmt: skip
    _notify_next(application, reason)
    return application


def _clean_items(items: list[dict[str, str]] | None) -> list[dict[str, str]]:
    cleaned = []
    for entry in items or []:
        item, why = (entry.get("item") or "").strip(), (entry.get("reason") or "").strip()
        if item or why:
            if not (item and why):
                raise ValidationError(_("Mỗi nội dung cần hoàn thiện phải có cả mục và lý do."))
            cleaned.append({"item": item, "reason": why})
    return cleaned


def _apply_effects(
    application: Application, action: str, reason: str, report: dict[str, str], today: date, actor
) -> None:
    """What each action records besides the stage (checks first, so a refusal changes nothing)."""
    if action == "submit":
        _check_complete(application, rules_for_filing(today))
        application.rules = rules_for_filing(today)
        application.filed_on = today
        if not application.registration_number:
            application.registration_number = _next_registration_number(application, today.year)
    elif action == "resubmit":
        if unchanged_since_return(application):
            raise ValidationError(UNCHANGED)
        _check_complete(application, application.rules)
    elif action == "propose":
        _check_proposal_deadline(application, today)
        report = merged_report(application.commune_report, report)  # Mẫu 03 saved, or posted
        missing = [t for t in (*MAU03_TOPICS, "proposal_letter") if not report.get(t, "").strip()]
        if missing:
            raise ValidationError(_("Báo cáo Mẫu 03 phải đủ bốn nội dung và văn bản đề nghị."))
        application.commune_report = {**application.commune_report, **report}
        application.commune_report["date"] = today.isoformat()
        receipts.receipt_commune(application=application, actor=actor, today=today)
        application.complete_on = today  # received by the province (Art. 7.6.g), unless additions
        # The product enters evaluation: it gets its code (T)-(X)-(STT)-YYYY with the round's
        # year, once; a product evaluated before keeps its code (product_assign_code is
        # idempotent). None as actor: the system acts, the commune's right was checked above.
        application.product.code = product_assign_code(
            product=application.product, year=application.round.year
        )
    elif action == "accept":
        receipts.receipt_province(application=application, actor=actor, today=today)
    elif action == "complete_additions":
        application.complete_on = today  # Art. 7.6.g: the complete dossier is received
    elif action == "request_additions":
        application.complete_on = None  # not complete after all: counted from the additions
    elif action in ("record_site_visit", "report_to_council"):
        text = report.get("text", "").strip()
        if not text:
            raise ValidationError(_("Vui lòng nhập nội dung báo cáo."))
        if action == "report_to_council":
            check_site_visit(application)
        key = "site_visits" if action == "record_site_visit" else "council_reports"
        application.advisory.setdefault(key, []).append({"date": today.isoformat(), "text": text})
    elif action == "request_tests":
        entry = {"date": today.isoformat(), "text": reason}
        application.advisory.setdefault("test_requests", []).append(entry)


NO_SITE_VISIT = gettext_lazy(
    "Hồ sơ đánh giá lại có thay đổi lớn: cơ quan chuyên môn phải kiểm tra thực tế tại cơ sở "
    "(ghi biên bản khảo sát) trước khi lập báo cáo gửi Hội đồng (điểm c khoản 6 Điều 7)."
)


def check_site_visit(application: Application) -> None:
    """Art. 7.6.c: the agency checks the site "đối với những sản phẩm có thay đổi lớn về quy mô
    sản xuất hoặc hồ sơ minh chứng không rõ ràng"; for other re-evaluations it is optional."""
    flagged = application.kind == "reevaluation" and application.major_changes
    if flagged and not application.advisory.get("site_visits"):
        raise ValidationError(NO_SITE_VISIT)


UNCHANGED = gettext_lazy(
    "Hồ sơ chưa có thay đổi nào kể từ khi bị trả lại (Mẫu 01, Mẫu 02, điểm tự chấm và minh chứng "
    "vẫn như cũ): hãy hoàn thiện các nội dung cần hoàn thiện rồi nộp lại."
)


def dossier_fingerprint(application: Application) -> str:
    files = application.files.values_list("section", "sha256")
    return content_fingerprint(form01=application.form01, form02=application.form02,
                               self_scores=application.self_scores, files=files)  # fmt: skip


def unchanged_since_return(application: Application) -> bool:
    """The dossier's content is what it was when last returned (history before the fingerprint was
    recorded cannot tell, and counts as changed)."""
    returned = application.history.filter(action="return").order_by("-at", "-id").first()
    taken = returned.content_fingerprint if returned else ""
    return bool(taken) and taken == dossier_fingerprint(application)


def submission_problems(application: Application, action: str) -> list[str]:
    """Why a submit or resubmit would be refused today (empty: it would go through)."""
    if action == "resubmit" and unchanged_since_return(application):
        return [str(UNCHANGED)]
    rules = application.rules if action == "resubmit" else rules_for_filing(timezone.localdate())
    try:
        _check_complete(application, rules)
    except ValidationError as error:
        return error.messages
    return []


def _check_proposal_deadline(application: Application, today: date) -> None:
    """Art. 5.1: a round takes the dossiers the commune proposes by its proposal deadline (30 April,
    30 October, or an extra round's own date); a later proposal belongs to the next round."""
    deadline = application.round.proposal_deadline
    if today <= deadline:
        return
    later = (
        Round.objects.for_province(application.round.province_id)
        .filter(proposal_deadline__gte=today)
        .order_by("proposal_deadline")
        .first()
    )
    message = _("Đã quá hạn đề nghị của %(round)s (hạn %(deadline)s).") % {
        "round": application.round, "deadline": deadline.strftime("%d/%m/%Y")}  # fmt: skip
    if later is not None:
        message += " " + _("Hồ sơ cần được xét ở đợt sau: %(round)s (hạn đề nghị %(deadline)s).") % {
            "round": later, "deadline": later.proposal_deadline.strftime("%d/%m/%Y")}  # fmt: skip
    else:
        message += " " + _("Hồ sơ cần được xét ở đợt đánh giá tiếp theo của tỉnh.")
    raise ValidationError(message)


def _check_complete(application: Application, rules: str) -> None:
    problems = []
    if any(not str(application.form01.get(k) or "").strip() for k in REQUIRED_FORM01):
        problems.append(_("Phiếu đăng ký (Mẫu 01) chưa điền đủ."))
    if any(not str(application.form02.get(k) or "").strip() for k in REQUIRED_FORM02):
        problems.append(
            _("Báo cáo tự đánh giá (Mẫu 02) thiếu kết quả sản xuất kinh doanh hoặc kế hoạch.")
        )
    problems += kind_problems(application.kind, application.form02)  # Art. 6.1.b, 6.1.c
    if application.set_number != TOURISM_SET and _samples(application) < REQUIRED_SAMPLES:
        # Art. 6.2.d: "05 sản phẩm mẫu được gửi kèm theo hồ sơ (trừ nhóm sản phẩm Dịch vụ du
        # lịch cộng đồng, du lịch sinh thái và điểm du lịch)".
        problems.append(
            _("Cần gửi kèm 05 sản phẩm mẫu (điểm d khoản 2 Điều 6); Mẫu 01 ghi %(count)s.")
            % {"count": _samples(application)}
        )
    sheet = sheet_for(rules, application.set_number)
    if sheet is not None:
        unanswered = [c.code for c in sheet.criteria if c.code not in application.self_scores]
        if unanswered:
            problems.append(
                _("Chưa tự chấm %(count)s tiêu chí (đầu tiên: %(first)s).")
                % {"count": len(unanswered), "first": unanswered[0]}
            )
    if not application.files.exists():
        problems.append(_("Chưa đính kèm tài liệu minh chứng nào."))
    if problems:
        raise ValidationError(problems)


REQUIRED_SAMPLES = 5


def _samples(application: Application) -> int:
    try:
        return int(application.form01.get("samples") or 0)
    except (TypeError, ValueError):
        return 0


def _next_registration_number(application: Application, year: int) -> str:
    RegistrationCounter.objects.get_or_create(commune=application.commune, year=year)
    counter = RegistrationCounter.objects.select_for_update().get(
        commune=application.commune, year=year
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    commune = application.commune
    return format_registration_number(counter.last, commune.province.code, commune.code, year)


def next_actors(application: Application) -> list[User]:
    """The people who must act on the dossier at its current stage."""
    roles = workflow.actors_of(application.stage)
    people: list[User] = []
    if workflow.PRODUCER in roles:
        people += list(application.producer.representatives.filter(is_active=True))
    officers = User.objects.filter(is_active=True)
    province_id = application.commune.province_id
    if workflow.COMMUNE in roles:
        people += list(officers.filter(role=Role.COMMUNE, commune=application.commune_id))
    if workflow.PROVINCE in roles:
        people += list(officers.filter(role=Role.PROVINCE, province=province_id))
    if workflow.ADVISOR in roles:
        people += list(officers.filter(role=Role.ADVISOR, province=province_id))
    return people


def _notify_next(application: Application, reason: str) -> None:
    message = _("Hồ sơ %(number)s (%(product)s): %(stage)s") % {
        "number": application.registration_number or _("nháp"),
        "product": application.product.name,
        "stage": Stage(application.stage).label,
    }
    if application.stage_due:
        message += _(" — hạn %(due)s") % {"due": application.stage_due.strftime("%d/%m/%Y")}
    if reason:
        message += f". {reason}"
    url = reverse("evaluation:application_detail", args=[application.pk])
    notify(recipients=next_actors(application), message=message, url=url)


def application_move(
    *, actor, application: Application, action: str, role: str, reason: str = ""
) -> Application:
    """A council-stage action taken for `role` (the caller has checked the actor may act for it,
    see access.workflow_role). Side effects: stage, StageChange row, audit entry. Call inside the
    caller's transaction."""
    lock(application)  # the move is checked against the committed stage, not the caller's copy
    try:
        move = workflow.transition_for(application.stage, action, role)
    except workflow.TransitionError as error:
        raise ValidationError(message_text(error)) from None
    if move.needs_reason and not reason.strip():
        raise ValidationError(_("Vui lòng nêu lý do."))
    before = application.stage
    overrides = getattr(settings, "OCOP_EVALUATION_DEADLINES", None)
    Application.objects.filter(pk=application.pk).update(
        stage=move.target, stage_since=timezone.now(),
        stage_due=workflow.due_date(move.target, timezone.localdate(), overrides, application.kind),
    )  # fmt: skip
    application.stage = move.target
    if move.target in workflow.COUNCIL_ENDINGS:  # a decided one: decisions.py
        reevaluation.on_result(actor=actor, application=application, on=timezone.localdate())
    StageChange.objects.create(
        application=application, action=action, from_stage=before, to_stage=move.target,
        actor=actor, reason=reason.strip(),
    )  # fmt: skip
    audit_record(
        actor=actor, action=f"application_{action}", obj=application,
        summary=f"{Stage(before).label} → {Stage(move.target).label}. {reason}".strip(),
        before={"stage": before}, after={"stage": move.target},
    )  # fmt: skip
    return application
