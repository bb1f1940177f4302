"""Filing and editing dossiers: create (carrying the last dossier forward), save Mẫu 01/02."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.accounts.roles import Role
from ocop.core.services import audit_record, lock

from .. import workflow
from ..messages import texts
from ..models import Application, ApplicationKind, EvidenceFile, Round, RoundLevel
from ..periods import rules_for_filing
from ..selfscore import evaluate, sheet_for
from . import reevaluation

CLOSED = [workflow.WITHDRAWN]


def is_representative(user, application_or_producer) -> bool:
    producer = getattr(application_or_producer, "producer", application_or_producer)
    return (
        getattr(user, "role", None) == Role.PRODUCER
        and producer.representatives.filter(pk=user.pk).exists()
    )


def may_edit(user, application: Application) -> bool:
    """The producer edits its own dossier while the dossier is in its hands."""
    return application.stage in workflow.PRODUCER_EDITABLE and is_representative(user, application)


@transaction.atomic
def application_create(
    *, actor, product, round: Round, kind: str, today: date | None = None
) -> Application:
    """A producer opens a draft dossier for its product in a round of its province.

    An upgrade or re-evaluation starts from the product's last dossier: forms, self-scores and
    evidence are copied (the files are shared, marked as carried forward). `today` is the filing
    day (the demo seeds past rounds). Side effects: the Application row, copied EvidenceFile rows,
    one audit entry."""
    today = today or timezone.localdate()
    lock(product)  # one open dossier per product: a concurrent create waits, then sees this one
    producer = product.producer
    if not is_representative(actor, producer):
        raise PermissionDenied(_("Chỉ đại diện của chủ thể mới được nộp hồ sơ cho sản phẩm này."))
    _check_round(round, producer, today)
    if kind not in ApplicationKind.values:
        raise ValidationError(_("Loại đăng ký không hợp lệ."))
    _check_legal_form(producer, product)
    if kind != ApplicationKind.FIRST and not product.current_stars:
        raise ValidationError(
            _("Sản phẩm chưa được công nhận OCOP: chỉ có thể đăng ký đánh giá lần đầu.")
        )
    if kind == ApplicationKind.REEVALUATION:
        reevaluation.check_filing(product, today)  # Art. 7.6.a, or late under Art. 12.3
    if Application.objects.filter(product=product).exclude(stage__in=CLOSED).open().exists():
        raise ValidationError(_("Sản phẩm đang có một hồ sơ chưa xử lý xong."))
    previous = _last_dossier(product) if kind != ApplicationKind.FIRST else None
    application = Application.objects.create(
        round=round,
        product=product,
        producer=producer,
        commune=producer.commune,
        kind=kind,
        rules=rules_for_filing(today),
        set_number=product.set_number,
        previous=previous,
        form01=_form01_from_registry(product),
        created_by=actor,
    )
    if previous is not None:
        _carry_forward(previous, application)
    audit_record(
        actor=actor,
        action="application_create",
        obj=application,
        summary=_("Tạo hồ sơ %(kind)s cho %(product)s")
        % {"kind": ApplicationKind(kind).label, "product": product.name},
        after={"round": str(round), "kind": kind, "previous": previous.pk if previous else None},
    )
    return application


def _check_round(round: Round, producer, today: date) -> None:
    if round.level != RoundLevel.PROVINCE or round.province_id != producer.commune.province_id:
        raise ValidationError(_("Đợt đánh giá không thuộc tỉnh của chủ thể."))
    if round.proposal_deadline < today:
        raise ValidationError(_("Đợt đánh giá đã hết hạn nhận hồ sơ."))


TOURISM_SET = 26  # Phụ lục I, VI.1: dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch
TOURISM_ONLY_FORMS = ("association", "operating_centre")


def _check_legal_form(producer, product) -> None:
    """Art. 2.3: "Đối với nhóm sản phẩm dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du
    lịch bao gồm thêm: hội, hiệp hội, trung tâm điều hành hoặc tổ chức tương đương": associations
    and operating centres file only tourism products (set 26)."""
    if producer.legal_form in TOURISM_ONLY_FORMS and product.set_number != TOURISM_SET:
        raise ValidationError(
            _(
                "Hội, hiệp hội, trung tâm điều hành chỉ đăng ký sản phẩm nhóm dịch vụ du lịch cộng "
                "đồng, du lịch sinh thái và điểm du lịch (bộ sản phẩm 26; khoản 3 Điều 2 Quyết định "
                "26/2026/QĐ-TTg)."
            )
        )


def _last_dossier(product) -> Application | None:
    return (
        Application.objects.filter(product=product)
        .exclude(stage__in=[workflow.DRAFT, workflow.WITHDRAWN])
        .order_by("-created_at", "-id")
        .first()
    )


def _carry_forward(previous: Application, application: Application) -> None:
    application.form02 = dict(previous.form02)
    if previous.rules == application.rules:  # under a new rule set the producer scores anew
        application.self_scores = dict(previous.self_scores)
        application.self_total, application.self_stars = previous.self_total, previous.self_stars
    application.save(update_fields=["form02", "self_scores", "self_total", "self_stars"])
    EvidenceFile.objects.bulk_create(
        [
            EvidenceFile(
                application=application,
                section=old.section,
                original_name=old.original_name,
                content_type=old.content_type,
                size=old.size,
                sha256=old.sha256,
                stored_name=old.stored_name,
                carried_from=old,
                uploaded_by=old.uploaded_by,
            )
            for old in previous.files.exclude(section__in=["mau03", "site_visit"])
        ]
    )


def _form01_from_registry(product) -> dict[str, Any]:
    producer = product.producer
    address = ", ".join(part for part in (producer.street_address, producer.commune.name) if part)
    return {
        "producer_name": producer.name,
        "representative_name": producer.representative_name,
        "representative_position": "",
        "contact_address": address,
        "phone": producer.phone,
        "email": producer.email,
        "product_name": product.name,
        "product_group": product.product_set.label if product.product_set else "",
        "samples": 0 if product.set_number == TOURISM_SET else 5,  # Art. 6.2.d
    }


@transaction.atomic
def application_save_forms(
    *,
    actor,
    application: Application,
    form01: dict[str, Any] | None = None,
    form02: dict[str, Any] | None = None,
    self_scores: dict[str, Any] | None = None,
) -> Application:
    """Save the producer's Mẫu 01, Mẫu 02 and self-scores (only allowed levels are kept).
    Side effects: saves the application, one audit entry naming what changed."""
    lock(application)  # the stage is checked as committed (a concurrent submit may have moved it)
    if not may_edit(actor, application):
        raise PermissionDenied(_("Hồ sơ không ở bước bạn được chỉnh sửa."))
    changed: list[str] = []
    if form01 is not None and form01 != application.form01:
        application.form01, changed = {**application.form01, **form01}, [*changed, "form01"]
    if form02 is not None and form02 != application.form02:
        application.form02, changed = {**application.form02, **form02}, [*changed, "form02"]
    if self_scores is not None:
        sheet = sheet_for(application.rules, application.set_number)
        if sheet is None:
            raise ValidationError(_("Bộ tiêu chí của hồ sơ chưa sẵn sàng, chưa thể tự chấm điểm."))
        answers, summary = evaluate(sheet, self_scores)
        if summary.errors:
            raise ValidationError(texts(summary.errors.values()))
        if answers != application.self_scores:
            changed.append("self_scores")
        application.self_scores = answers
        application.self_total, application.self_stars = summary.total, summary.stars
    if changed:
        application.save()
        audit_record(
            actor=actor,
            action="application_save_forms",
            obj=application,
            summary=_("Cập nhật hồ sơ: %(parts)s") % {"parts": ", ".join(changed)},
        )
    return application
