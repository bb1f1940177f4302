"""The 5★ hand-off between a province and the ministry (Art. 6.3, 7.3.e, 7.4, 7.6.e).

- `fivestar_prepare`: the province officer records the provincial chair's approval decision
  (quyết định phê duyệt kết quả đánh giá, numbered in the province's decision series) and the
  province's letter to the ministry (công văn đề nghị). A 5★ re-evaluation (Art. 6.3.b) has no
  approval decision: its letter goes with the provincial agency's report.
- `fivestar_send`: refused until every required part of Art. 6.3 is there (`dossier_parts`);
  records the sending, notifies the central officers. A 5★ re-evaluation moves to the ministry
  then (`send_central`); a first-time or upgrade dossier is already `proposed_central`.
- The central council scores only dossiers sent (`check_agenda`, called by session_schedule).
- `fivestar_notify`: the ministry's written notice of the central result to the province (PDF,
  in-app and e-mail to the province's officers), Art. 7.4.g.
- Below 90 the province then either recognises 3★/4★ on the central scores (decide_fallback, in
  a provincial decision) or evaluates the product under its own authority
  (`fivestar_own_evaluation`: the dossier goes back to `ready_for_council` for a provincial session;
  the province then recognises at most 4★ and does not send it to the ministry again).

Only central officers (and admins) act at the ministry's steps; only the province's own officers
at the province's.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.accounts.services import notify
from ocop.certificates.choices import IN_FORCE, AuthorityLevel, SignerTitle
from ocop.certificates.models import Certificate
from ocop.certificates.notice_models import NoticeKind, RecipientKind
from ocop.certificates.notice_services import MINISTRY, Letter, notice_send
from ocop.core.services import audit_record, lock

from .. import workflow
from ..models import Application, ApplicationKind, DecisionCounter, FiveStarDossier, SessionItem
from ..models.rounds import RoundLevel
from .applications import TOURISM_SET
from .transitions import REQUIRED_SAMPLES, _samples, application_move

Status = FiveStarDossier.Status
NOT_SENT = gettext_lazy(
    "Hồ sơ %(dossier)s chưa được UBND tỉnh gửi Bộ Nông nghiệp và Môi trường (khoản 3 Điều 6, "
    "điểm e khoản 3 Điều 7): Hội đồng cấp trung ương chỉ đánh giá hồ sơ đã gửi."
)
FIVE_STAR_REEVALUATION = gettext_lazy(
    "Hồ sơ %(dossier)s là hồ sơ đánh giá lại sản phẩm 5 sao: UBND tỉnh gửi Bộ Nông nghiệp và Môi "
    "trường kèm báo cáo của cơ quan chuyên môn (điểm b khoản 3 Điều 6, điểm e khoản 6 Điều 7), "
    "Hội đồng cấp tỉnh không chấm điểm."
)


def _is_admin(user) -> bool:
    return user is None or user.is_superuser or user.role == Role.ADMIN


def _check_province(actor, province_id: int) -> None:
    if _is_admin(actor) or (actor.role == Role.PROVINCE and actor.province_id == province_id):
        return
    raise PermissionDenied(_("Chỉ cán bộ cấp tỉnh của tỉnh có sản phẩm thực hiện bước này."))


def _check_ministry(actor) -> None:
    if _is_admin(actor) or actor.role == Role.CENTRAL:
        return
    raise PermissionDenied(_("Chỉ cán bộ cấp trung ương (Bộ) thực hiện bước này."))


def is_five_star_reevaluation(application: Application) -> bool:
    """A re-evaluation of a product whose certificate in force is 5★ (Art. 6.3.b, 7.6.e)."""
    if application.kind != ApplicationKind.REEVALUATION:
        return False
    return application.product.certificates.filter(status__in=IN_FORCE, stars=5).exists()


def five_star_reevaluations():
    """The ids of re-evaluation dossiers whose product's certificate in force is 5★."""
    five = Certificate.objects.filter(status__in=IN_FORCE, stars=5).values("product_id")
    return Application.objects.filter(kind=ApplicationKind.REEVALUATION,
                                      product__in=five).values("pk")  # fmt: skip


def _next(authority: str, year: int) -> int:
    DecisionCounter.objects.get_or_create(authority=authority, year=year)
    counters = DecisionCounter.objects.filter(authority=authority, year=year)
    counters.update(last=F("last") + 1)  # locks the row until the transaction ends
    return counters.values_list("last", flat=True).get()


def provincial_item(application: Application) -> SessionItem | None:
    """The provincial council's result (closed session) that sent the product to the ministry."""
    items = application.session_items.filter(session__council__level="province",
                                             session__status="closed")  # fmt: skip
    return items.select_related("session").order_by("-session__held_on", "-id").first()


def central_item(application: Application) -> SessionItem | None:
    items = application.session_items.filter(session__council__level="central")
    return items.select_related("session").order_by("-session__held_on", "-id").first()


@transaction.atomic
def fivestar_prepare(
    *, actor, application: Application, on: date, signer: str = "",
    signer_title: str = SignerTitle.HEAD,
) -> FiveStarDossier:  # fmt: skip
    """Issue the approval decision (first time, upgrade: `NN/QĐ-UBND` in the province's decision
    series) and the letter to the ministry (`NN/UBND-NNMT`) for a dossier proposed for 5★, or
    the letter alone for a 5★ re-evaluation whose agency report is done (`ready_for_council`).
    Side effects: the FiveStarDossier, counters, an audit entry."""
    lock(application)
    province = application.commune.province
    _check_province(actor, province.pk)
    if FiveStarDossier.objects.filter(application=application).exists():
        raise ValidationError(_("Hồ sơ đề nghị đánh giá 5 sao của sản phẩm này đã được lập."))
    reevaluation = is_five_star_reevaluation(application)
    expected = workflow.READY_FOR_COUNCIL if reevaluation else workflow.PROPOSED_CENTRAL
    if application.stage != expected:
        raise ValidationError(
            _("Chỉ lập hồ sơ đề nghị 5 sao cho sản phẩm đạt từ 90 điểm ở cấp tỉnh hoặc hồ sơ đánh "
              "giá lại sản phẩm 5 sao đã có báo cáo của cơ quan chuyên môn.")
        )  # fmt: skip
    dossier = FiveStarDossier(application=application, province=province, letter_on=on,
                              signer=signer.strip(), signer_title=signer_title,
                              created_by=actor)  # fmt: skip
    if not reevaluation:
        serial = _next(f"UBND-{province.code}", on.year)  # the chair's decisions, one series
        dossier.approval_number = f"{serial:02d}/QĐ-UBND"
        dossier.approved_on = on
    dossier.letter_number = f"{_next(f'CV-{province.code}', on.year):02d}/UBND-NNMT"
    dossier.save()
    audit_record(actor=actor, action="fivestar_prepare", obj=dossier,
                 summary=f"{dossier.approval_number or '—'}; {dossier.letter_number}",
                 after={"approval": dossier.approval_number, "letter": dossier.letter_number})  # fmt: skip
    return dossier


@dataclass
class Part:
    """One part of the 5★ dossier (Art. 6.3): whether it is there, and where to read it."""

    key: str
    label: str
    present: bool
    required: bool = True
    links: list[tuple[str, str]] = field(default_factory=list)

    @property
    def missing(self) -> bool:
        return self.required and not self.present


def dossier_parts(dossier: FiveStarDossier) -> list[Part]:
    """The parts Art. 6.3.a (first time, upgrade) or 6.3.b (5★ re-evaluation) lists."""
    application = dossier.application
    pk = dossier.pk
    parts = [Part("letter", _("Văn bản của UBND tỉnh đề nghị Bộ đánh giá"), bool(dossier.letter_number),
                  links=[(dossier.letter_number, reverse("evaluation:fivestar_letter_pdf", args=[pk]))])]  # fmt: skip
    reports = application.advisory.get("council_reports", [])
    detail = reverse("evaluation:application_detail", args=[application.pk])
    if dossier.is_reevaluation:
        parts.append(Part("agency_report", _("Báo cáo đánh giá của cơ quan tham mưu quản lý OCOP "
                                             "cấp tỉnh"), bool(reports), links=[(_("Hồ sơ"), detail)]))  # fmt: skip
    else:
        parts.append(Part("advisory_report", _("Báo cáo đánh giá của Tổ tư vấn Hội đồng cấp tỉnh"),
                          bool(reports), links=[(_("Hồ sơ"), detail)]))  # fmt: skip
        item = provincial_item(application)
        minutes = (
            [(_("Biên bản"), reverse("evaluation:minutes_pdf", args=[item.session_id]))]
            if item
            else []
        )
        parts.append(Part("council_report", _("Báo cáo đánh giá (biên bản) của Hội đồng cấp tỉnh"),
                          item is not None, links=minutes))  # fmt: skip
        parts.append(Part("approval", _("Quyết định phê duyệt kết quả đánh giá của Chủ tịch UBND tỉnh"),
                          bool(dossier.approval_number),
                          links=[(dossier.approval_number,
                                  reverse("evaluation:fivestar_approval_pdf", args=[pk]))]))  # fmt: skip
    parts.append(Part("product_dossier", _("Hồ sơ sản phẩm (Mẫu 01, Mẫu 02, minh chứng)"),
                      bool(application.filed_on), links=[
                          (_("Mẫu 01"), reverse("evaluation:application_form01_pdf", args=[application.pk])),
                          (_("Mẫu 02"), reverse("evaluation:application_form02_pdf", args=[application.pk])),
                          (_("ZIP"), reverse("evaluation:application_zip", args=[application.pk]))]))  # fmt: skip
    tests = [f for f in application.files.all() if f.section == "tests"]
    asked = bool(application.advisory.get("test_requests"))
    parts.append(Part("tests", _("Văn bản xác nhận kiểm tra, kiểm nghiệm bổ sung (nếu có)"),
                      bool(tests), required=asked,
                      links=[(f.original_name, reverse("evaluation:evidence_download", args=[f.pk]))
                             for f in tests]))  # fmt: skip
    tourism = application.set_number == TOURISM_SET
    parts.append(Part("samples", _("05 sản phẩm mẫu (trừ nhóm dịch vụ du lịch)"),
                      tourism or _samples(application) >= REQUIRED_SAMPLES, required=not tourism))  # fmt: skip
    return parts


def missing_parts(dossier: FiveStarDossier) -> list[str]:
    return [part.label for part in dossier_parts(dossier) if part.missing]


@transaction.atomic
def fivestar_send(*, actor, dossier: FiveStarDossier, on: date) -> FiveStarDossier:
    """Send the dossier to the ministry. Refused (nothing changes) while a required part is
    missing. Side effects: a 5★ re-evaluation moves to `proposed_central`; sent date; an audit
    entry; in-app and e-mail notices to the central officers."""
    lock(dossier)
    _check_province(actor, dossier.province_id)
    if dossier.status != Status.PREPARING:
        raise ValidationError(_("Hồ sơ đề nghị đánh giá 5 sao đã được gửi Bộ."))
    missing = missing_parts(dossier)
    if missing:
        raise ValidationError(_("Hồ sơ đề nghị 5 sao còn thiếu: %(parts)s.") % {
            "parts": "; ".join(missing)})  # fmt: skip
    application = dossier.application
    if dossier.is_reevaluation:
        application_move(actor=actor, application=application, action="send_central",
                         role=workflow.PROVINCE, reason=dossier.letter_number)  # fmt: skip
    dossier.status, dossier.sent_on, dossier.sent_by = Status.SENT, on, actor
    dossier.save(update_fields=["status", "sent_on", "sent_by"])
    audit_record(actor=actor, action="fivestar_send", obj=dossier, before={"status": "preparing"},
                 after={"status": "sent", "sent_on": on.isoformat()},
                 summary=f"{dossier.letter_number}: {application.product.name}")  # fmt: skip
    message = _("UBND %(province)s gửi hồ sơ đề nghị đánh giá 5 sao: %(product)s (%(letter)s)") % {
        "province": dossier.province.name, "product": application.product.name,
        "letter": dossier.letter_number}  # fmt: skip
    central = User.objects.filter(is_active=True, role=Role.CENTRAL)
    notify(recipients=central, message=message,
           url=reverse("evaluation:fivestar_detail", args=[dossier.pk]))  # fmt: skip
    return dossier


def check_agenda(council, applications) -> None:
    """Art. 7.4.a: the central council scores the dossiers the provinces sent; Art. 7.6.e: a 5★
    re-evaluation is not scored by the provincial council."""
    for application in applications:
        if council.level == RoundLevel.CENTRAL:
            sent = FiveStarDossier.objects.filter(application=application, status=Status.SENT)
            if not sent.exists():
                raise ValidationError(NOT_SENT % {"dossier": application.product.name})
        elif is_five_star_reevaluation(application):
            raise ValidationError(FIVE_STAR_REEVALUATION % {"dossier": application.product.name})


def notice_result(item: SessionItem) -> dict[str, str]:
    """What the ministry's notice says: the central average, class, outcome and decision."""
    return {
        "average": "" if item.average is None else str(item.average_display),
        "stars": str(item.stars or ""),
        "outcome": item.get_outcome_display() if item.outcome else "",
        "reason": item.outcome_reason,
        "decision": item.decision.number if item.decision is not None else "",
        "held_on": item.session.held_on.isoformat(),
    }


@transaction.atomic
def fivestar_notify(*, actor, dossier: FiveStarDossier, on: date) -> FiveStarDossier:
    """The ministry's notice of the central result to the province (Art. 7.4.g), once the central
    council has closed its session (before or after the 5★ decision). Side effects: the notice
    number `NN/TB-BNNMT`, the result recorded, an audit entry, in-app and e-mail notices to the
    province's officers."""
    lock(dossier)
    _check_ministry(actor)
    if dossier.status != Status.SENT:
        raise ValidationError(_("Chỉ thông báo kết quả cho hồ sơ đã gửi Bộ và chưa thông báo."))
    item = central_item(dossier.application)
    if item is None or item.session.is_open:
        raise ValidationError(_("Hội đồng cấp trung ương chưa có kết quả đánh giá sản phẩm này."))
    dossier.notice = notice_result(item)
    # One series of ministry notices (`NN/TB-BNNMT`) with the decisions' and oversight's letters:
    # the notice is a stored Notice to the provincial agency (in-app and e-mail to the province's
    # officers, listed on /notices/), its number kept on the dossier.
    product = dossier.application.product
    result = dossier.notice
    body = _(
        "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương đã đánh giá sản phẩm "
        "%(product)s: điểm trung bình %(average)s, %(stars)s sao%(decision)s. Đề nghị UBND tỉnh "
        "thực hiện các bước tiếp theo theo điểm g khoản 4 Điều 7."
    ) % {
        "product": product.name,
        "average": result["average"] or "—",
        "stars": result["stars"] or "—",
        "decision": (_("; quyết định %(number)s") % {"number": result["decision"]})
        if result["decision"]
        else "",
    }
    letter = Letter(
        kind=NoticeKind.CENTRAL_RESULT, recipient_kind=RecipientKind.PROVINCE,
        province=dossier.province, subject=_("Kết quả đánh giá sản phẩm OCOP 5 sao: %(product)s")
        % {"product": product.name}, body=body, source=dossier, product=product,
        producer=product.producer, commune=product.producer.commune,
    )  # fmt: skip
    [notice] = notice_send(actor=actor, letters=[letter], authority_name=MINISTRY,
                           authority_level=AuthorityLevel.CENTRAL, issued_on=on)  # fmt: skip
    dossier.notice_number = notice.number
    dossier.status, dossier.notified_on = Status.NOTIFIED, on
    dossier.save(update_fields=["notice", "notice_number", "status", "notified_on"])
    audit_record(actor=actor, action="fivestar_notify", obj=dossier, after=dossier.notice,
                 summary=f"{dossier.notice_number}: {product.name}")  # fmt: skip
    return dossier


def below_five_stars(dossier: FiveStarDossier) -> bool:
    """The central council did not award 5★ (below 90, or held back by the 5★ minima)."""
    item = central_item(dossier.application)
    return item is not None and not item.outcome and (item.stars or 0) < 5


def check_fallback(application: Application) -> None:
    """Art. 7.4.g: the province acts on the central scores once the ministry has notified it."""
    dossier = FiveStarDossier.objects.filter(application=application).first()
    if dossier is not None and dossier.status != Status.NOTIFIED:
        raise ValidationError(
            _("%(product)s: Bộ Nông nghiệp và Môi trường chưa thông báo kết quả đánh giá cho tỉnh "
              "(điểm g khoản 4 Điều 7).") % {"product": application.product.name}
        )  # fmt: skip


def is_own_evaluation(application: Application) -> bool:
    return FiveStarDossier.objects.filter(
        application=application, status=Status.OWN_EVALUATION
    ).exists()


@transaction.atomic
def fivestar_own_evaluation(*, actor, dossier: FiveStarDossier, reason: str) -> FiveStarDossier:
    """Art. 7.4.g "hoặc tổ chức đánh giá và phân hạng sản phẩm theo thẩm quyền": after the
    ministry's notice of a result below 5★, the province evaluates the product itself. Side
    effects: the dossier goes back to `ready_for_council` (a new provincial session scores it;
    the province then recognises at most 4★), the status, an audit entry."""
    lock(dossier)
    _check_province(actor, dossier.province_id)
    if dossier.status != Status.NOTIFIED or not below_five_stars(dossier):
        raise ValidationError(
            _("Tỉnh chỉ đánh giá theo thẩm quyền sau khi Bộ thông báo sản phẩm không đạt 5 sao.")
        )
    if not reason.strip():
        raise ValidationError(_("Vui lòng nêu lý do."))
    application_move(actor=actor, application=dossier.application, action="evaluate_provincially",
                     role=workflow.PROVINCE, reason=reason)  # fmt: skip
    dossier.status, dossier.own_reason = Status.OWN_EVALUATION, reason.strip()
    dossier.save(update_fields=["status", "own_reason"])
    # The earlier results stay on their sessions but no longer wait for a decision.
    dossier.application.session_items.filter(decision__isnull=True).update(
        decision_note=_("Tỉnh đánh giá lại theo thẩm quyền (điểm g khoản 4 Điều 7).")
    )
    audit_record(actor=actor, action="fivestar_own_evaluation", obj=dossier, summary=reason.strip(),
                 before={"status": "notified"}, after={"status": "own",
                                                        "at": timezone.now().isoformat()})  # fmt: skip
    return dossier
