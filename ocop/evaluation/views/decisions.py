"""Recognition decisions: the officer picks the products awaiting them, issues, prints the PDF."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ocop.accounts.permissions import role_required
from ocop.accounts.roles import Role
from ocop.certificates.choices import SignerTitle
from ocop.certificates.models import Certificate
from ocop.core.choices import choices_page, is_browsing, reshown
from ocop.core.confirm import confirmation, is_confirmed
from ocop.core.paging import page_of, query_without_page
from ocop.core.text import matches

from .. import pdf_council
from ..confirmations import decision_rows
from ..forms_council import DecisionForm
from ..models import Application, Decision
from ..services.decisions import awaiting_decision, decision_issue
from .common import error_text
from .oversight import oversight_context


def _level(user) -> str:
    return "central" if user.role == Role.CENTRAL else "province"


def visible_decisions(user):
    decisions = Decision.objects.select_related("province")
    if user.is_superuser or user.role in (Role.ADMIN, Role.CENTRAL):
        return decisions
    return decisions.filter(level="province", province=user.province_id)


# The products awaiting a decision come 50 a page (`waiting`, searched by `waiting_q`): `page` and
# `q` are the issued decisions' list.
WAITING_Q, WAITING_PAGE = "waiting_q", "waiting"


def _search_waiting(items, q: str):
    return items.filter(application__in=Application.objects.search(q))


@role_required(Role.PROVINCE, Role.CENTRAL)
def decision_list(request):
    user = request.user
    waiting = awaiting_decision(_level(user), user.province_id)
    if is_browsing(request, WAITING_PAGE):
        form = reshown(DecisionForm, request, items=waiting)
    else:
        form = DecisionForm(request.POST or None, items=waiting)
    if form.is_bound and form.is_valid():
        answer = _issue(request, form)
        if answer is not None:
            return answer
    decisions = visible_decisions(user)
    q = request.GET.get("q", "")[:100]
    if q:  # tens a year per authority: searched in Python on the number and the title
        decisions = [d for d in decisions if matches(q, d.number, d.title, d.authority_name)]
    page = page_of(request, decisions)
    choices = choices_page(request, waiting, _search_waiting, field="items", q_param=WAITING_Q,
                           page_param=WAITING_PAGE)  # fmt: skip
    return render(request, "evaluation/decision_list.html", {
        "decisions": page, "page": page, "query": query_without_page(request),
        "form": choices.show(form), "choices": choices,
        "waiting": bool(choices.q or choices.page.object_list or form.errors), "q": q,
    })  # fmt: skip


def _issue(request, form: DecisionForm) -> HttpResponse | None:
    """Ask first, then issue; None (and the form's error) when the service refuses."""
    user, data = request.user, form.cleaned_data
    chosen = list(data["items"])
    if not is_confirmed(request):
        return confirmation(
            request, title=_("Ban hành quyết định công nhận?"),
            rows=decision_rows(chosen, data["decided_on"], data["signer"]),
            button=_("Xác nhận ban hành"), cancel_url=reverse("evaluation:decision_list"),
            notes=[_("Quyết định được cấp số và giấy chứng nhận được cấp ngay; không thể hủy "
                     "trên hệ thống.")],
        )  # fmt: skip
    try:
        decision = decision_issue(
            actor=user, level=_level(user), province=user.province, items=chosen,
            decided_on=data["decided_on"], signer=data["signer"],
            signer_title=data["signer_title"] or SignerTitle.HEAD,
        )  # fmt: skip
    except (ValidationError, PermissionDenied) as error:
        form.add_error(
            None, error_text(error) if isinstance(error, ValidationError) else str(error)
        )
        return None
    messages.success(request, _("Đã ban hành quyết định %(n)s.") % {"n": decision.number})
    return redirect("evaluation:decision_detail", decision.pk)


@role_required(Role.PROVINCE, Role.CENTRAL)
def decision_detail(request, pk: int):
    decision = get_object_or_404(visible_decisions(request.user), pk=pk)
    items = decision.items.select_related("application__product__producer")
    page = page_of(request, items, size=DETAIL_PAGE_SIZE)
    products = [item.application.product_id for item in page]
    certificates = {c.product_id: c for c in _certificates(decision).filter(product__in=products)}
    rows = [(i, certificates.get(i.application.product_id)) for i in page]
    oversight = oversight_context(request.user, decision)
    # Two lists, two pagers (`page`, `notices`): each one's links keep the other's page.
    notices = page_of(request, oversight.pop("notices"), size=DETAIL_PAGE_SIZE, name="notices")
    return render(request, "evaluation/decision_detail.html", {
        "decision": decision, "rows": rows, "page": page, "query": query_without_page(request),
        "notices": notices, "notices_query": query_without_page(request, "notices"),
        "not_evaluated": pdf_council.not_evaluated_rows(decision), **oversight,
    })  # fmt: skip


DETAIL_PAGE_SIZE = 50


def _certificates(decision: Decision):
    return Certificate.objects.filter(
        decision_number=decision.number, decision_date=decision.decided_on,
        authority_name=decision.authority_name,
    )  # fmt: skip


@role_required(Role.PROVINCE, Role.CENTRAL)
def decision_pdf(request, pk: int):
    decision = get_object_or_404(visible_decisions(request.user), pk=pk)
    response = HttpResponse(pdf_council.decision_pdf(decision), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="quyet-dinh-{decision.pk}.pdf"'
    return response
