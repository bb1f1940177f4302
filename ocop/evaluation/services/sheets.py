"""Score sheets: save a draft, submit (locked), revise with a reason, enter a paper sheet.

Submitting is safe under concurrency: the sheet row is locked (select_for_update) and the status
changes with a conditional UPDATE … WHERE status = 'draft', so a second submit (double click,
two tabs) is a no-op that says so, and exactly one version row records the submission.
"""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ocop.core.services import audit_record, lock
from ocop.criteria.engine import AnswerError, score_sheet, sheet_record
from ocop.criteria.messages import text as answer_text
from ocop.criteria.rules import Sheet

from ..access import actor_blocked, may_manage
from ..messages import texts
from ..models import CouncilMember, ScoreSheet, ScoreSheetVersion, SessionItem
from ..selfscore import clean_answers, sheet_for
from .councils import is_blocked
from .written import late_reply_text, reply_closed

DRAFT, SUBMITTED = ScoreSheet.Status.DRAFT, ScoreSheet.Status.SUBMITTED
ONLINE_SHEET = gettext_lazy(
    "Thành viên đã tự chấm phiếu trực tuyến cho sản phẩm này (bản nháp hoặc đã nộp); phiếu đó chỉ "
    "thành viên được sửa, không được nhập hộ phiếu giấy."
)


def _is_online(sheet: ScoreSheet) -> bool:
    """Entered by the member on line (a row just created for a paper entry has no one yet)."""
    return not sheet.on_paper and sheet.entered_by_id is not None


def has_online_sheet(item: SessionItem, member: CouncilMember) -> bool:
    """The member has a sheet of their own for the product, draft or submitted: only they may
    change it, so no manager may enter a paper sheet over it."""
    return ScoreSheet.objects.filter(
        item=item, member=member, on_paper=False, entered_by__isnull=False
    ).exists()


def item_sheet(item: SessionItem) -> Sheet:
    sheet = sheet_for(item.application.rules, item.application.set_number)
    if sheet is None:
        raise ValidationError(_("Bộ tiêu chí của sản phẩm chưa sẵn sàng; chưa thể chấm điểm."))
    return sheet


def _check_may_score(actor, item: SessionItem, member: CouncilMember, on_paper: bool) -> None:
    council = item.session.council
    if member.council_id != council.pk or not member.scores:
        raise PermissionDenied(_("Người này không chấm điểm trong hội đồng."))
    if on_paper:
        if not may_manage(actor, council) or actor.pk == member.user_id:
            raise PermissionDenied(_("Chỉ thư ký hoặc cán bộ điều hành được nhập hộ phiếu giấy."))
        if actor_blocked(actor, council, item.application.product_id):
            raise PermissionDenied(_("Bạn có xung đột lợi ích với sản phẩm này."))
        if has_online_sheet(item, member):
            raise PermissionDenied(ONLINE_SHEET)
    elif actor.pk != member.user_id:
        raise PermissionDenied(_("Bạn chỉ chấm phiếu của chính mình."))
    if is_blocked(member, item.application.product_id):
        raise PermissionDenied(_("Thành viên có xung đột lợi ích với sản phẩm này."))
    if not item.session.is_open or item.outcome:
        raise ValidationError(_("Phiên họp đã kết thúc hoặc sản phẩm đã có kết luận."))
    if reply_closed(item.session):
        # Art. 7.6.d: a written opinion counts only when it arrives by the reply date.
        raise ValidationError(late_reply_text(item.session))


def clean(sheet: Sheet, raw: Mapping[str, object], complete: bool) -> tuple[dict[str, int], int]:
    """Answers as {code: points} and their total; ValidationError names every bad criterion."""
    answers, errors = clean_answers(sheet, raw)
    if errors:
        raise ValidationError(texts(errors.values()))
    if complete:
        try:
            return answers, score_sheet(sheet, answers).total
        except AnswerError as error:
            raise ValidationError(
                _("Chưa thể nộp phiếu: %(e)s.") % {"e": answer_text(error)}
            ) from None
    return answers, sum(answers.values())


def _clean_scored(sheet: Sheet, raw: Mapping[str, object]) -> tuple[dict[str, int], int, str]:
    """A complete sheet's answers, total and the record a council's result reads (stored)."""
    answers, _total = clean(sheet, raw, complete=True)
    result = score_sheet(sheet, answers)
    return answers, result.total, sheet_record(result)


def _get_or_create(item: SessionItem, member: CouncilMember, on_paper: bool) -> ScoreSheet:
    """The sheet, locked. Two first saves at once both try to insert; the loser reads the winner's
    row. A paper entry is refused if the member's own sheet came in meanwhile."""
    found = ScoreSheet.objects.filter(item=item, member=member).first()
    if found is None:
        try:
            with transaction.atomic():
                found = ScoreSheet.objects.create(item=item, member=member)
        except IntegrityError:
            found = ScoreSheet.objects.get(item=item, member=member)
    lock(found)
    if on_paper and _is_online(found):
        raise PermissionDenied(ONLINE_SHEET)
    return found


@transaction.atomic
def sheet_save(
    *, actor, item: SessionItem, member: CouncilMember, answers: Mapping[str, object],
    on_paper: bool = False,
) -> ScoreSheet:  # fmt: skip
    """Save a draft (criteria may be left blank). Refused once submitted. Side effect: the row."""
    _check_may_score(actor, item, member, on_paper)
    cleaned, total = clean(item_sheet(item), answers, complete=False)
    sheet = _get_or_create(item, member, on_paper)
    updated = ScoreSheet.objects.filter(pk=sheet.pk, status=DRAFT).update(
        answers=cleaned, total=total, on_paper=on_paper, entered_by=actor, updated_at=timezone.now()
    )
    if not updated:
        raise ValidationError(_("Phiếu đã nộp và bị khóa; muốn sửa cần lý do khi phiên còn mở."))
    sheet.refresh_from_db()
    return sheet


@transaction.atomic
def sheet_submit(
    *, actor, item: SessionItem, member: CouncilMember, answers: Mapping[str, object],
    on_paper: bool = False,
) -> tuple[ScoreSheet, bool]:  # fmt: skip
    """Submit the sheet with every criterion answered; it is then locked. Returns (sheet, False)
    without changing anything when it was already submitted. Side effects: the row (status,
    answers, total, the stored result, submitted_at), version 1, an audit entry."""
    _check_may_score(actor, item, member, on_paper)
    cleaned, total, scored = _clean_scored(item_sheet(item), answers)
    sheet = _get_or_create(item, member, on_paper)
    now = timezone.now()
    updated = ScoreSheet.objects.filter(pk=sheet.pk, status=DRAFT).update(
        status=SUBMITTED, answers=cleaned, total=total, scored=scored, submitted_at=now,
        on_paper=on_paper, entered_by=actor, version=F("version") + 1, updated_at=now,
    )  # fmt: skip
    sheet.refresh_from_db()
    if not updated:
        return sheet, False
    ScoreSheetVersion.objects.create(
        sheet=sheet, number=sheet.version, answers=cleaned, total=total, by=actor, at=now,
        on_paper=on_paper, reason=_("Nhập hộ từ phiếu giấy") if on_paper else "",
    )  # fmt: skip
    summary = _("Nộp phiếu %(total)s điểm") % {"total": total}
    audit_record(actor=actor, action="sheet_submit", obj=sheet, summary=summary,
                 after={"total": total, "on_paper": on_paper})  # fmt: skip
    return sheet, True


@transaction.atomic
def sheet_revise(
    *, actor, sheet: ScoreSheet, answers: Mapping[str, object], reason: str,
    on_paper: bool = False,
) -> ScoreSheet:  # fmt: skip
    """Revise a submitted sheet while the session is open (e.g. after the council discussed a
    spread), with a reason. Side effects: the row, a new version, an audit entry."""
    sheet = (
        ScoreSheet.objects.select_for_update()
        .select_related("item__session__council")
        .get(pk=sheet.pk)
    )
    _check_may_score(actor, sheet.item, sheet.member, on_paper)
    if on_paper and not sheet.on_paper:
        # A member's own online sheet is theirs alone; only a paper sheet may be re-entered.
        raise PermissionDenied(_("Phiếu do thành viên tự chấm trực tuyến; không được sửa hộ."))
    if sheet.status != SUBMITTED:
        raise ValidationError(_("Phiếu chưa nộp: hãy lưu nháp hoặc nộp phiếu."))
    if not reason.strip():
        raise ValidationError(_("Vui lòng nêu lý do sửa phiếu đã nộp."))
    cleaned, total, scored = _clean_scored(item_sheet(sheet.item), answers)
    if cleaned == sheet.answers and on_paper == sheet.on_paper:
        # Also what a repeated or concurrent identical revision finds: one version, not ten.
        raise ValidationError(_("Phiếu không thay đổi so với bản đã nộp; không có gì để sửa."))
    before = {"answers": sheet.answers, "total": sheet.total}
    now = timezone.now()
    sheet.answers, sheet.total, sheet.version = cleaned, total, sheet.version + 1
    sheet.scored = scored
    sheet.entered_by, sheet.on_paper = actor, on_paper
    sheet.save()
    ScoreSheetVersion.objects.create(sheet=sheet, number=sheet.version, answers=cleaned,
                                     total=total, by=actor, at=now, reason=reason.strip(),
                                     on_paper=on_paper)  # fmt: skip
    audit_record(actor=actor, action="sheet_revise", obj=sheet, summary=reason.strip(),
                 before=before, after={"answers": cleaned, "total": total})  # fmt: skip
    return sheet
