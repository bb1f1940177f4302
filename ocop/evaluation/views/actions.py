"""Workflow actions: one POST endpoint per dossier; the service decides what is allowed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import login_required
from ocop.core.confirm import confirmation, is_confirmed
from ocop.core.text import clean_long_text

from ..confirmations import CONFIRMED_ACTIONS, dossier_rows, would_refuse
from ..services.renewal import application_renew_rules, may_renew, renewable
from ..services.round_move import application_move_round, may_move_round
from ..services.transitions import MAU03_TOPICS, application_transition, available_actions
from .common import error_text, fetch

ITEM_ROWS = 5
CONFIRM_TEXT = {
    "submit": (_("Nộp hồ sơ cho UBND xã?"), _("Xác nhận nộp hồ sơ"),
               _("Sau khi nộp, hồ sơ không sửa được nữa trừ khi UBND xã trả lại.")),
    "resubmit": (_("Nộp lại hồ sơ?"), _("Xác nhận nộp lại"),
                 _("Sau khi nộp, hồ sơ không sửa được nữa trừ khi UBND xã trả lại.")),
    "propose": (_("Đề nghị tỉnh đánh giá?"), _("Xác nhận đề nghị"),
                _("Sản phẩm được cấp mã và hồ sơ chuyển lên tỉnh; không thể rút lại đề nghị.")),
    "withdraw": (_("Rút hồ sơ?"), _("Xác nhận rút hồ sơ"),
                 _("Hồ sơ đã rút không thể nộp lại; muốn được đánh giá phải lập hồ sơ mới.")),
}  # fmt: skip
ACTION_DONE = {
    "submit": _("Đã nộp hồ sơ cho UBND xã."),
    "resubmit": _("Đã nộp lại hồ sơ."),
    "return": _("Đã trả hồ sơ để hoàn thiện."),
    "propose": _("Đã đề nghị tỉnh đánh giá."),
    "accept": _("Đã tiếp nhận hồ sơ."),
}


@require_POST
@login_required
def application_act(request, pk: int, action: str):
    application = fetch(request, pk)
    # Texts go to the database without a form: cleaned as every form cleans them (invisible and
    # control characters dropped, NUL included, which PostgreSQL refuses).
    post = {key: clean_long_text(value) for key, value in request.POST.items()}
    if _needs_confirmation(request, application, action):
        title, button, note = CONFIRM_TEXT[action]
        return confirmation(
            request, title=str(title), rows=dossier_rows(application, action, post),
            button=str(button), notes=[str(note)],
            cancel_url=reverse("evaluation:application_detail", args=[application.pk]),
        )  # fmt: skip
    items = [
        {"item": post.get(f"item_{n}", ""), "reason": post.get(f"item_reason_{n}", "")}
        for n in range(1, ITEM_ROWS + 1)
    ]
    report = {key: post.get(key, "") for key in (*MAU03_TOPICS, "proposal_letter", "text")}
    try:
        application_transition(
            actor=request.user, application=application, action=action,
            reason=post.get("reason", ""), items=items, report=report,
        )  # fmt: skip
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, ACTION_DONE.get(action, _("Đã cập nhật hồ sơ.")))
    return redirect("evaluation:application_detail", pk=application.pk)


def _needs_confirmation(request, application, action: str) -> bool:
    """An irreversible action its actor may take and that would go through: confirm it first."""
    return (
        action in CONFIRMED_ACTIONS
        and not is_confirmed(request)
        and action in available_actions(request.user, application)
        and not would_refuse(application, action, request.POST)
    )


@require_POST
@login_required
def application_renew_rules_view(request, pk: int):
    """Art. 12.2: a lapsed 148-2023 dossier goes back to the producer under 26-2026 (confirmed
    first; the service checks the officer and the limit)."""
    application = fetch(request, pk)
    if not may_renew(request.user, application):
        raise PermissionDenied
    if not is_confirmed(request) and renewable(application, timezone.localdate()):
        return confirmation(
            request, title=str(_("Đánh giá lại theo Bộ tiêu chí 26/2026?")),
            rows=[(str(_("Hồ sơ")), application.registration_number),
                  (str(_("Sản phẩm")), application.product.name)],
            button=str(_("Xác nhận chuyển bộ tiêu chí")),
            notes=[str(_("Điểm tự chấm theo Bộ tiêu chí 148/QĐ-TTg bị xóa; hồ sơ trả về chủ thể "
                         "để tự chấm lại rồi nộp lại."))],
            cancel_url=reverse("evaluation:application_detail", args=[application.pk]),
        )  # fmt: skip
    try:
        application_renew_rules(actor=request.user, application=application)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Hồ sơ đã chuyển sang Bộ tiêu chí 26/2026 và trả về chủ thể."))
    return redirect("evaluation:application_detail", pk=application.pk)


@require_POST
@login_required
def application_move_round_view(request, pk: int):
    """Art. 5.1: the commune moves a dossier past its round's cut-off to the next round."""
    application = fetch(request, pk)
    if not may_move_round(request.user, application):
        raise PermissionDenied
    try:
        application_move_round(actor=request.user, application=application)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("Hồ sơ đã chuyển sang %(round)s.") % {"round": application.round}
        )
    return redirect("evaluation:application_detail", pk=application.pk)
