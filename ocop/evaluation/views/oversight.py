"""The central level's review of a provincial decision (Art. 10.1.b): one page with the three
outcomes; each POST asks for confirmation first and then calls one service."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ocop.accounts.permissions import role_required
from ocop.accounts.roles import Role
from ocop.certificates.choices import IN_FORCE
from ocop.certificates.models import Notice
from ocop.core.confirm import confirmation, is_confirmed

from ..forms_oversight import OversightForm
from ..models import Decision, DecisionReview, ReviewConclusion
from ..services import oversight
from .common import error_text


def may_oversee(user, decision: Decision) -> bool:
    central = user.is_superuser or user.role in (Role.ADMIN, Role.CENTRAL)
    return bool(central and decision.level == "province")


def oversight_context(user, decision: Decision) -> dict:
    """The decision page's reviews, notices (those the user may see) and the review link."""
    reviews = list(decision.reviews.prefetch_related("redone__product").order_by("id"))
    of_decision = Q(source_type=ContentType.objects.get_for_model(Decision), source_id=decision.pk)
    of_reviews = Q(source_type=ContentType.objects.get_for_model(DecisionReview),
                   source_id__in=[r.pk for r in reviews])  # fmt: skip
    notices = Notice.objects.filter(of_decision | of_reviews)
    revoked = any(r.conclusion == ReviewConclusion.REVOKE for r in reviews)
    return {"reviews": reviews, "revoked": revoked,
            "notices": notices.visible_to(user).order_by("id"),
            "may_oversee": may_oversee(user, decision) and not revoked}  # fmt: skip


@role_required(Role.CENTRAL)
def decision_oversight(request, pk: int):
    decision = get_object_or_404(Decision, pk=pk, level="province")
    form = OversightForm(request.POST or None, decision=decision)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not is_confirmed(request):
            return _confirmation(request, decision, data)
        try:
            _apply(request.user, decision, data)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error_text(error) if isinstance(error, ValidationError)
                           else str(error))  # fmt: skip
        else:
            messages.success(request, _("Đã ghi nhận kết quả kiểm tra và gửi thông báo."))
            return redirect("evaluation:decision_detail", decision.pk)
    return render(request, "evaluation/decision_oversight.html",
                  {"decision": decision, "form": form})  # fmt: skip


def _apply(actor, decision: Decision, data: dict) -> None:
    common = {"actor": actor, "decision": decision, "finding": data["finding"],
              "reviewed_on": data["reviewed_on"]}  # fmt: skip
    if data["conclusion"] == ReviewConclusion.REDO:
        oversight.decision_redo(applications=data["applications"], **common)
    elif data["conclusion"] == ReviewConclusion.REVOKE:
        oversight.decision_revoke(revocation_number=data["revocation_number"],
                                  revocation_date=data["revocation_date"], **common)  # fmt: skip
    else:
        oversight.decision_review_record(**common)


def _confirmation(request, decision: Decision, data: dict):
    rows = [(_("Quyết định"), f"{decision.number} — {decision.authority_name}"),
            (_("Kết luận"), ReviewConclusion(data["conclusion"]).label),
            (_("Ngày kết luận"), f"{data['reviewed_on']:%d/%m/%Y}"),
            (_("Nội dung kiểm tra"), data["finding"])]  # fmt: skip
    if data["conclusion"] == ReviewConclusion.REDO:
        rows.append(
            (_("Hồ sơ đánh giá lại"), ", ".join(a.product.name for a in data["applications"]))
        )
    notes = [_("Thông báo bằng văn bản được gửi cho UBND cấp tỉnh, các xã và chủ thể liên quan.")]
    if data["conclusion"] == ReviewConclusion.REVOKE:
        rows.append((_("Quyết định thu hồi"),
                     f"{data['revocation_number']} — {data['revocation_date']:%d/%m/%Y}"))  # fmt: skip
        count = oversight.certificates_of(decision).filter(status__in=IN_FORCE).count()
        notes.insert(0, _("%(n)s giấy chứng nhận còn hiệu lực của quyết định sẽ bị thu hồi; không "
                          "thể khôi phục.") % {"n": count})  # fmt: skip
    return confirmation(
        request, title=_("Ghi nhận kết quả kiểm tra quyết định?"), rows=rows,
        button=_("Xác nhận"), cancel_url=reverse("evaluation:decision_detail", args=[decision.pk]),
        notes=notes,
    )  # fmt: skip
