"""Workflow actions: one POST endpoint per dossier; the service decides what is allowed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import login_required

from ..services.transitions import MAU03_TOPICS, application_transition
from .common import error_text, fetch

ITEM_ROWS = 5
ACTION_DONE = {
    "submit": "Đã nộp hồ sơ cho UBND xã.",
    "resubmit": "Đã nộp lại hồ sơ.",
    "return": "Đã trả hồ sơ để hoàn thiện.",
    "propose": "Đã đề nghị tỉnh đánh giá.",
    "accept": "Đã tiếp nhận hồ sơ.",
}


@require_POST
@login_required
def application_act(request, pk: int, action: str):
    application = fetch(request, pk)
    # Texts go to the database as typed, not through a form: drop NUL, which PostgreSQL refuses.
    post = {key: value.replace("\x00", "") for key, value in request.POST.items()}
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
        messages.success(request, ACTION_DONE.get(action, "Đã cập nhật hồ sơ."))
    return redirect("evaluation:application_detail", pk=application.pk)
