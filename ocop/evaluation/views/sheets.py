"""Scoring: a member's sheets, the sheet page (radio buttons, evidence, self-score, live total),
and the secretary's entry of a paper sheet on a member's behalf."""

from itertools import groupby
from operator import attrgetter

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import role_required
from ocop.accounts.roles import Role
from ocop.core.confirm import confirmation, is_confirmed
from ocop.core.paging import page_of, query_without_page

from ..access import (
    actor_blocked,
    items_to_score,
    may_manage,
    may_see_scores,
    own_sheet,
    seat_of,
    sessions_without_items,
    submitted_members,
)
from ..board import criterion_rows
from ..confirmations import sheet_rows
from ..models import CouncilMember, ScoreSheet, SessionItem
from ..selfscore import evaluate
from ..services.councils import is_blocked
from ..services.sheets import (
    ONLINE_SHEET,
    clean,
    has_online_sheet,
    item_sheet,
    sheet_revise,
    sheet_save,
    sheet_submit,
)
from .common import error_text

ITEMS = SessionItem.objects.select_related(
    "session__council", "application__product", "application__producer", "application__round"
)


@role_required(Role.COUNCIL_MEMBER)
def my_sheets(request):
    """The products the member scores in every open session, a page at a time and grouped by
    session, with the member's sheet status on each: the same queries however many sessions."""
    # The page's ids are sorted on narrow rows, then its 25 items read with their relations: a
    # sort of every row with its product and producer joined took 75 ms for a council of 9,500
    # products on PostgreSQL (bench/), the narrow one a third of it.
    ids = items_to_score(request.user).order_by(*SHEET_ORDER).values_list("pk", flat=True)
    page = page_of(request, ids)
    found = SessionItem.objects.select_related(
        "session__council", "application__product", "application__producer"
    ).in_bulk(list(page.object_list))
    page.object_list = [found[pk] for pk in page.object_list]
    mine = ScoreSheet.objects.filter(member__user=request.user, item__in=page.object_list)
    sheets = {sheet.item_id: sheet for sheet in mine.only("item", "status", "total")}
    groups = [
        {"session": session, "rows": [(item, sheets.get(item.pk)) for item in rows]}
        for session, rows in groupby(page.object_list, key=attrgetter("session"))
    ]
    if page.number == 1:
        empty = sessions_without_items(request.user).select_related("council")
        groups = sorted(groups + [{"session": s, "rows": []} for s in empty], key=_session_order)
    context = {"groups": groups, "page": page, "query": query_without_page(request)}
    return render(request, "evaluation/sheet_list.html", context)


# The member's councils in their own order (Council.Meta), each council's sessions newest first.
SHEET_ORDER = ("session__council", "session__council_id", "-session__held_on", "-session_id", "pk")


def _session_order(group: dict) -> tuple:
    session, council = group["session"], group["session"].council
    return (-council.year, council.level, council.name, council.pk,
            -session.held_on.toordinal(), -session.pk)  # fmt: skip


def _seat_item(request, item_pk: int) -> tuple[SessionItem, CouncilMember]:
    item = get_object_or_404(ITEMS, pk=item_pk)
    seat = seat_of(request.user, item.session.council)
    if seat is None or not seat.scores or is_blocked(seat, item.application.product_id):
        raise Http404
    return item, seat


@role_required(Role.COUNCIL_MEMBER)
def sheet_score(request, item_pk: int):
    item, seat = _seat_item(request, item_pk)
    return _score_page(request, item, seat, on_paper=False)


@role_required(Role.COUNCIL_MEMBER, Role.PROVINCE, Role.CENTRAL)
def sheet_paper(request, item_pk: int, member_pk: int):
    item = get_object_or_404(ITEMS, pk=item_pk)
    council = item.session.council
    if not may_manage(request.user, council):
        raise Http404
    if actor_blocked(request.user, council, item.application.product_id):
        raise Http404
    member = get_object_or_404(CouncilMember, pk=member_pk, council=item.session.council)
    if member.user_id == request.user.pk:
        raise PermissionDenied
    if is_blocked(member, item.application.product_id):
        raise Http404  # a conflicted member has no sheet on this product, not even on paper
    if has_online_sheet(item, member):
        # Not even the form: the member's own sheet is theirs alone (services.sheets).
        context = {"item": item, "member": member, "message": ONLINE_SHEET}
        return render(request, "evaluation/sheet_paper_refused.html", context, status=403)
    return _score_page(request, item, member, on_paper=True)


def _score_page(request, item: SessionItem, member: CouncilMember, on_paper: bool):
    sheet = item_sheet(item)
    current = own_sheet(member, item)
    shown = _shown(request.user, item, current, on_paper)
    raw = _raw(request, sheet) if request.method == "POST" else (shown.answers if shown else {})
    if request.method == "POST":
        confirm = _submit_confirmation(request, item, member, current, sheet, raw, on_paper)
        if confirm is not None:
            return confirm
        done = _save(request, item, member, current, raw, on_paper)
        if done:
            return redirect(request.path)
    _answers, summary = evaluate(sheet, raw)
    return render(request, "evaluation/sheet_score.html", {
        "item": item, "member": member, "sheet": sheet, "current": current, "on_paper": on_paper,
        "rows": criterion_rows(item, sheet, {k: _int(v) for k, v in raw.items()}),
        "summary": summary, "locked": bool(current and current.is_submitted),
        "revisable": not on_paper or bool(current and current.on_paper),
    })  # fmt: skip


def _submit_confirmation(request, item, member, current, sheet, raw, on_paper):
    """The summary (total, stars) before a sheet is submitted and locked; None when there is
    nothing to confirm: confirmed already, submitted already, or incomplete (the service says)."""
    if request.POST.get("action") != "submit" or is_confirmed(request):
        return None
    if current is not None and current.is_submitted:
        return None
    try:
        clean(sheet, raw, complete=True)
    except ValidationError:
        return None
    rows = sheet_rows(item, evaluate(sheet, raw)[1])
    if on_paper:
        rows.insert(0, (_("Phiếu giấy của"), member.name))
    return confirmation(
        request, title=_("Nộp phiếu chấm điểm?"), rows=rows, button=_("Xác nhận nộp phiếu"),
        notes=[_("Phiếu đã nộp bị khóa; muốn sửa phải nêu lý do khi phiên họp còn mở.")],
        cancel_url=request.path, alternatives={_("Lưu nháp và quay lại phiếu"): {"action": "save"}},
    )  # fmt: skip


def _shown(user, item: SessionItem, current: ScoreSheet | None, on_paper: bool):
    """The sheet whose answers the page may show. A member sees their own; a manager entering a
    paper sheet sees only a sheet entered on paper (never a member's online draft), and a submitted
    one only once they may see others' scores on the product (access.may_see_scores)."""
    if current is None or not on_paper:
        return current
    if not current.on_paper:
        return None
    if current.is_submitted and not may_see_scores(user, item, submitted_members(item)):
        return None
    return current


def _raw(request, sheet) -> dict[str, str]:
    return {c.code: request.POST.get(f"score_{c.code}", "") for c in sheet.criteria}


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _save(request, item, member, current, raw, on_paper) -> bool:
    action = request.POST.get("action", "save")
    common = {"actor": request.user, "answers": raw, "on_paper": on_paper}
    try:
        if action == "revise" and current is not None:
            sheet_revise(sheet=current, reason=request.POST.get("reason", ""), **common)
            messages.success(request, _("Đã sửa phiếu và lưu phiên bản mới."))
        elif action == "submit":
            _sheet, done = sheet_submit(item=item, member=member, **common)
            if done:
                messages.success(request, _("Đã nộp phiếu; phiếu đã được khóa."))
            else:
                messages.info(request, _("Phiếu đã được nộp trước đó; không có gì thay đổi."))
        else:
            sheet_save(item=item, member=member, **common)
            messages.success(request, _("Đã lưu nháp."))
    except ValidationError as error:
        messages.error(request, error_text(error))
        return False
    return True


@require_POST
@role_required(Role.COUNCIL_MEMBER, Role.PROVINCE, Role.CENTRAL)
def sheet_preview(request, item_pk: int):
    """The live total and stars as the member ticks options (htmx); nothing is saved."""
    item = get_object_or_404(ITEMS, pk=item_pk)
    seat = seat_of(request.user, item.session.council)
    allowed = seat is not None and seat.scores and not is_blocked(seat, item.application.product_id)
    if not (allowed or may_manage(request.user, item.session.council)):
        raise Http404
    sheet = item_sheet(item)
    _answers, summary = evaluate(sheet, _raw(request, sheet))
    return render(request, "evaluation/_sheet_summary.html", {"summary": summary})
