"""The written notices of a recognition decision (Art. 7.3.g, 7.4.g for the province's own
recognitions, 7.6.đ): every product of the decision, whatever its outcome, gets a letter to its
producer and one to its commune (UBND cấp xã) — recognised 3★/4★ (or 5★ by the ministry), below
3★ (no certificate, Art. 4.1), "không nâng hạng" (an upgrade not raising the class) and products
sent to the ministry for 5★ (Art. 7.3.e); and the products of the decision's sessions that the
council did not evaluate under their sheet's "Không đánh giá…" rule (Phụ lục II), listed on the
decision apart from its items, once each. Letters are official Vietnamese text (the same in every
interface language), stored as certificates.Notice rows and sent after commit."""

from ocop.certificates.choices import AuthorityLevel, SignerTitle
from ocop.certificates.models import Certificate
from ocop.certificates.notice_models import Notice, NoticeKind, RecipientKind
from ocop.certificates.notice_services import Letter, notice_send
from ocop.core.dates import format_date

from .. import workflow
from ..models import Application, Decision, SessionItem
from ..models.rounds import RoundLevel
from ..models.scoring import Outcome
from ..periods import RULES_148_2023

RECOGNISED, BELOW_THREE, NOT_UPGRADED, PROPOSED_CENTRAL, NOT_EVALUATED = (
    "recognised", "below_three", "not_upgraded", "proposed_central", "not_evaluated")  # fmt: skip
SUBJECT = "Kết quả đánh giá, phân hạng sản phẩm OCOP"
SUBJECT_NOT_EVALUATED = "Sản phẩm không được Hội đồng đánh giá, phân hạng sản phẩm OCOP đánh giá"


def outcome_of(item: SessionItem) -> str:
    if item.application.stage == workflow.PROPOSED_CENTRAL:
        return PROPOSED_CENTRAL
    if item.decision_note:
        return NOT_UPGRADED
    return RECOGNISED if (item.stars or 0) >= 3 else BELOW_THREE


def result_text(decision: Decision, item: SessionItem, certificate: Certificate | None) -> str:
    """The letter's body for one product."""
    product = item.application.product
    average = str(item.average_display).replace(".", ",")  # Vietnamese decimal comma
    head = (
        f"Căn cứ kết quả đánh giá, phân hạng của Hội đồng đánh giá, phân hạng sản phẩm OCOP, "
        f"{decision.authority_name} thông báo kết quả đánh giá, phân hạng sản phẩm "
        f"“{product.name}”{f' (mã {product.code})' if product.code else ''} của chủ thể "
        f"{product.producer.name}: điểm trung bình {average}."
    )
    outcome = outcome_of(item)
    when = f"Quyết định số {decision.number} ngày {format_date(decision.decided_on)}"
    if outcome == PROPOSED_CENTRAL:
        tail = (
            "Sản phẩm đạt từ 90 điểm trở lên, có tiềm năng đạt 5 sao; UBND cấp tỉnh đề nghị Bộ Nông "
            "nghiệp và Môi trường đánh giá, phân hạng sản phẩm OCOP 5 sao (điểm e khoản 3 Điều 7 "
            "Quyết định số 26/2026/QĐ-TTg). Kết quả của Hội đồng cấp trung ương sẽ được thông báo."
        )
    elif outcome == NOT_UPGRADED:
        tail = f"Theo {when}: {item.decision_note} Sản phẩm không được nâng hạng."
    elif outcome == RECOGNISED:
        number = f", giấy chứng nhận số {certificate.number}" if certificate else ""
        tail = f"Sản phẩm được công nhận đạt chuẩn OCOP {item.stars} sao theo {when}{number}."
    else:
        tail = (
            f"Sản phẩm đạt {item.stars or 0} sao, chưa đủ điều kiện công nhận sản phẩm OCOP (từ 3 "
            "sao trở lên); không ban hành quyết định công nhận và không cấp giấy chứng nhận "
            "(khoản 1 Điều 4 Quyết định số 26/2026/QĐ-TTg). Chủ thể có thể hoàn thiện sản phẩm và "
            "đăng ký đánh giá ở kỳ sau."
        )
    return f"{head}\n{tail}"


def not_evaluated_text(decision: Decision, item: SessionItem) -> str:
    """The letter's body for a product the council did not evaluate: the sheet's rule as printed
    (SessionItem.outcome_rule_text) and the council's note if any."""
    application = item.application
    product = application.product
    basis = ("Quyết định số 148/QĐ-TTg" if application.rules == RULES_148_2023
             else "Phụ lục II Quyết định số 26/2026/QĐ-TTg")  # fmt: skip
    rule = item.outcome_rule_text or item.outcome_reason
    text = (
        f"Căn cứ kết quả phiên họp ngày {format_date(item.session.held_on)} của Hội đồng đánh giá, "
        f"phân hạng sản phẩm OCOP, {decision.authority_name} thông báo: sản phẩm "
        f"“{product.name}”{f' (mã {product.code})' if product.code else ''} của chủ thể "
        f"{product.producer.name} không được Hội đồng đánh giá, phân hạng theo quy định của phiếu "
        f"đánh giá sản phẩm ({basis}): “{rule}”."
    )
    if item.outcome_rule_text and item.outcome_reason:
        text += f" Ý kiến của Hội đồng: {item.outcome_reason}"
    return (
        f"{text}\nSản phẩm không có tên trong Quyết định số {decision.number} ngày "
        f"{format_date(decision.decided_on)}; không được công nhận sản phẩm OCOP và không được cấp "
        "giấy chứng nhận. Chủ thể có thể hoàn thiện sản phẩm và đăng ký đánh giá ở kỳ sau."
    )


def not_evaluated_items(decision: Decision, item_ids: list[int]) -> list[SessionItem]:
    """The products of the sessions of the decision's items that the council did not evaluate
    (those the decision page lists, pdf_council.not_evaluated_rows) and that no earlier letter
    told: a not-evaluated letter for the product dated on or after that session's meeting. The
    dossiers are locked first (a concurrent decision on the same session writes once)."""
    sessions = SessionItem.objects.filter(pk__in=item_ids).values("session_id")
    items = SessionItem.objects.filter(session__in=sessions, outcome=Outcome.NOT_EVALUATED)
    locked = Application.objects.select_for_update().filter(session_items__in=items)
    list(locked.order_by("pk").values_list("pk", flat=True))
    items = items.select_related(
        "session", "application__product__producer", "application__commune__province"
    )
    told = Notice.objects.filter(kind=NoticeKind.RESULT, outcome=NOT_EVALUATED)
    return [
        item for item in items.order_by("application__product__name", "id")
        if not told.filter(product=item.application.product_id,
                           issued_on__gte=item.session.held_on).exists()
    ]  # fmt: skip


def _letters(decision: Decision, application: Application, body: str, **fields) -> list[Letter]:
    return [
        Letter(
            kind=NoticeKind.RESULT, recipient_kind=kind, province=application.commune.province,
            commune=application.commune, producer=application.product.producer,
            product=application.product, body=body, source=decision, **fields,
        )
        for kind in (RecipientKind.PRODUCER, RecipientKind.COMMUNE)
    ]  # fmt: skip


def decision_notices_send(*, actor, decision: Decision, item_ids: list[int]) -> int:
    """Two letters per product of the decision (producer, commune), then two per product of its
    sessions not evaluated by the council and not yet told (Art. 7.3.g). Call inside
    decision_issue's transaction, after the items were decided. Returns the number of letters."""
    items = SessionItem.objects.filter(pk__in=item_ids).select_related(
        "application__product__producer", "application__commune__province"
    )
    certificates = {
        c.product_id: c for c in Certificate.objects.filter(
            decision_number=decision.number, decision_date=decision.decided_on,
            authority_name=decision.authority_name)
    }  # fmt: skip
    letters = []
    for item in items.order_by("id"):
        application = item.application
        certificate = certificates.get(application.product_id)
        letters += _letters(decision, application, result_text(decision, item, certificate),
                            certificate=certificate, subject=SUBJECT, outcome=outcome_of(item))  # fmt: skip
    for item in not_evaluated_items(decision, item_ids):
        letters += _letters(decision, item.application, not_evaluated_text(decision, item),
                            subject=SUBJECT_NOT_EVALUATED, outcome=NOT_EVALUATED)  # fmt: skip
    level = (
        AuthorityLevel.CENTRAL if decision.level == RoundLevel.CENTRAL else AuthorityLevel.PROVINCE
    )
    notice_send(
        actor=actor, letters=letters, authority_name=decision.authority_name,
        authority_level=level, issued_on=decision.decided_on, signer=decision.signer,
        signer_deputy=decision.signer_title == SignerTitle.DEPUTY,
    )  # fmt: skip
    return len(letters)
