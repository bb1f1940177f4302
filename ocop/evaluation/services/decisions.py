"""Recognition decisions: number, list, stages, proposals to the centre, certificates.

A provincial decision recognises the 3★/4★ products of a closed provincial session (and, on the
central scores, the products the central council scored below 5★); products whose exact provincial
average is 90 or more (the 5★ band, whatever the 5★ minima say: Art. 7.3.e) are proposed to the
ministry instead, their provincial result kept on their session item. A central decision
recognises 5★. Certificates come from certificates.services.certificate_issue. An upgrade never
lowers a product: unless the new class is higher than the certificate in force, the decision
records "không nâng hạng" and the certificate stays (project rule, DOMAIN §5: only a
re-evaluation may move a product down).
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from ocop.certificates.choices import IN_FORCE, AuthorityLevel, SignerTitle
from ocop.certificates.services import certificate_issue
from ocop.core.dates import format_date
from ocop.core.services import audit_record
from ocop.places.models import Province

from .. import workflow
from ..models import Application, ApplicationKind, Decision, DecisionCounter, SessionItem
from ..models.rounds import RoundLevel
from ..periods import LIMIT_148_FIRST_OR_UPGRADE, RULES_26_2026, may_decide_under
from . import fivestar, notices, reevaluation
from .transitions import application_move

MINISTRY = "Bộ Nông nghiệp và Môi trường"


def authority_for(level: str, province: Province | None) -> str:
    if level == RoundLevel.CENTRAL:
        return MINISTRY
    if province is None:
        raise ValueError("a provincial decision needs its province")
    name = province.name
    return f"UBND {name[:1].lower()}{name[1:]}"


def format_decision_number(serial: int, level: str) -> str:
    return f"{serial:02d}/QĐ-{'BNNMT' if level == RoundLevel.CENTRAL else 'UBND'}"


def awaiting_decision(level: str, province_id: int | None):
    """Session items whose dossier waits for this authority's decision."""
    items = SessionItem.objects.filter(decision__isnull=True, outcome="", decision_note="")
    items = items.select_related("application__product__producer__commune", "session__council")
    if level == RoundLevel.CENTRAL:
        return items.filter(application__stage=workflow.CENTRAL_SCORED, stars=5,
                            session__council__level="central")  # fmt: skip
    own = items.filter(application__commune__province=province_id)
    provincial = own.filter(application__stage=workflow.SCORED, session__council__level="province")
    fallback = own.filter(application__stage=workflow.CENTRAL_SCORED,
                          session__council__level="central").exclude(stars=5)  # fmt: skip
    return provincial | fallback


def _check_may_decide(actor, level: str, province: Province | None) -> None:
    if actor is None or actor.is_superuser or actor.role == "admin":
        return
    if level == RoundLevel.CENTRAL and actor.role == "central":
        return
    own = province is not None and actor.province_id == province.pk
    if level == RoundLevel.PROVINCE and actor.role == "province" and own:
        return
    raise PermissionDenied(_("Bạn không có thẩm quyền ban hành quyết định này."))


def _next_serial(level: str, province: Province | None, year: int) -> int:
    if level != RoundLevel.CENTRAL and province is None:
        raise ValueError("a provincial decision needs its province")
    authority = "BNNMT" if province is None else f"UBND-{province.code}"
    DecisionCounter.objects.get_or_create(authority=authority, year=year)
    counters = DecisionCounter.objects.filter(authority=authority, year=year)
    counters.update(last=F("last") + 1)  # locks the row until the transaction ends
    return counters.values_list("last", flat=True).get()


@transaction.atomic
def decision_issue(
    *, actor, level: str, province: Province | None, items: list[SessionItem],
    decided_on: date, signer: str = "", issue_date: date | None = None,
    signer_title: str = SignerTitle.HEAD,
) -> Decision:  # fmt: skip
    """Issue the decision for the given items (all awaiting this authority). Side effects: a
    Decision with the next number, dossiers moved to decided (or proposed_central for a
    provincial 5★), certificates for 3★ and above, audit entries, the written notices of every
    item (services/notices.py)."""
    _check_may_decide(actor, level, province)
    province = None if level == RoundLevel.CENTRAL else province
    # Dossiers locked first, so that what waits is read after any concurrent decision committed.
    locked = Application.objects.select_for_update().filter(
        session_items__in=[item.pk for item in items]
    )
    list(locked.order_by("pk").values_list("pk", flat=True))
    waiting = set(
        awaiting_decision(level, province.pk if province else None).values_list("pk", flat=True)
    )
    if not items or any(item.pk not in waiting for item in items):
        raise ValidationError(_("Chỉ đưa vào quyết định các sản phẩm đang chờ cấp này quyết định."))
    _check_transition_limit(items, decided_on)
    serial = _next_serial(level, province, decided_on.year)
    decision = Decision.objects.create(
        level=level, province=province, year=decided_on.year, serial=serial,
        number=format_decision_number(serial, level), decided_on=decided_on,
        authority_name=authority_for(level, province), signer=signer.strip(),
        signer_title=signer_title, created_by=actor,
    )  # fmt: skip
    # Fresh rows (the dossiers are locked above): the caller's instances may predate the close.
    fresh = SessionItem.objects.filter(pk__in=[i.pk for i in items]).select_related(
        "application__product__producer__commune"
    )
    for item in fresh.order_by("id"):
        _decide_item(actor, decision, item, issue_date or decided_on)
    audit_record(actor=actor, action="decision_issue", obj=decision,
                 summary=f"{decision.number}: {len(items)} sản phẩm")  # fmt: skip
    # Art. 7.3.g: every product, whatever its outcome, is notified in writing (services/notices),
    # and so are the products of these sessions the council did not evaluate (once each).
    notices.decision_notices_send(actor=actor, decision=decision, item_ids=[i.pk for i in items])
    return decision


def _check_transition_limit(items: list[SessionItem], decided_on: date) -> None:
    """Art. 12.2 and 11.2 of Decision 26/2026: a dossier filed before 22 May 2026 is finished under
    148-2023 "nhưng thời hạn hoàn thành đánh giá, phân hạng không quá 60 ngày" and 148 lapses
    after those 60 days, so no decision dated after 21 Jul 2026 recognises on 148 scores (the
    certificate service refuses the same: recognition.RULES_IN_FORCE). Refused before anything
    is written; such a dossier is evaluated again under 26-2026."""
    late = SessionItem.objects.filter(pk__in=[item.pk for item in items]).exclude(
        application__rules=RULES_26_2026
    )
    names = [
        item.application.product.name
        for item in late.select_related("application__product").order_by("id")
        if not may_decide_under(item.application.rules, decided_on)
    ]
    if names:
        raise ValidationError(
            _(
                "Quyết định ngày %(day)s không thể công nhận kết quả chấm theo Bộ tiêu chí "
                "148/QĐ-TTg: thời hạn hoàn thành đánh giá theo khoản 2 Điều 12 Quyết định "
                "26/2026/QĐ-TTg đã hết ngày %(limit)s và Quyết định 148/QĐ-TTg đã hết hiệu lực "
                "(khoản 2 Điều 11). Sản phẩm: %(products)s. Các hồ sơ này phải được đánh giá lại "
                "theo Bộ tiêu chí 26/2026."
            )
            % {
                "day": format_date(decided_on),
                "limit": format_date(LIMIT_148_FIRST_OR_UPGRADE),
                "products": ", ".join(names),
            }  # fmt: skip
        )


def _decide_item(actor, decision: Decision, item: SessionItem, issue_date: date) -> None:
    application = item.application
    role = workflow.CENTRAL if decision.level == RoundLevel.CENTRAL else workflow.PROVINCE
    # The 5★ band, not the awarded class: the 5★ minima do not keep a product from the ministry.
    own = fivestar.is_own_evaluation(application)  # Art. 7.4.g: not sent again, at most 4★
    if application.stage == workflow.SCORED and item.in_five_star_band and not own:
        application_move(actor=actor, application=application, action="propose_central", role=role,
                         reason=_("Điểm trung bình từ 90 trở lên"))  # fmt: skip
        return
    action = "decide_fallback" if (application.stage == workflow.CENTRAL_SCORED
                                   and role == workflow.PROVINCE) else "decide"  # fmt: skip
    if action == "decide_fallback":
        fivestar.check_fallback(application)  # Art. 7.4.g: on the ministry's notice
    application_move(actor=actor, application=application, action=action, role=role,
                     reason=decision.number)  # fmt: skip
    item.decision = decision
    product = application.product
    current = product.certificates.filter(status__in=IN_FORCE).order_by("-issue_date").first()
    if current is not None and _not_upgraded(application, item, current):
        item.decision_note = _("Không nâng hạng: giữ giấy chứng nhận %(number)s (%(stars)s sao).") % {
            "number": current.number, "stars": current.stars}  # fmt: skip
    item.save(update_fields=["decision", "decision_note"])
    if item.stars and item.stars >= 3 and not item.decision_note:
        certificate_issue(
            actor=actor, product=product, stars=min(item.stars, 4) if own else item.stars,
            rules=application.rules,
            authority_name=decision.authority_name,
            authority_level=AuthorityLevel.CENTRAL if decision.level == RoundLevel.CENTRAL
            else AuthorityLevel.PROVINCE,
            decision_number=decision.number, decision_date=decision.decided_on,
            issue_date=issue_date, supersedes=current, signer_name=decision.signer,
            signer_title=decision.signer_title,
        )  # fmt: skip
    else:  # no new certificate: a late re-evaluation's extension ends with this result (12.3)
        reevaluation.on_result(actor=actor, application=application, on=decision.decided_on)


def _not_upgraded(application: Application, item: SessionItem, current) -> bool:
    """An upgrade only moves a product up (DOMAIN §5): a class not higher than the certificate in
    force issues nothing. A re-evaluation may go up or down (Art. 7.6), a first time as scored."""
    if application.kind != ApplicationKind.UPGRADE or current is None:
        return False
    return (item.stars or 0) <= current.stars
