"""Councils: list, set up, members, rules (Quy chế), conflicts of interest."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import role_required
from ocop.accounts.roles import Role
from ocop.core.choices import Choices, choices_page
from ocop.core.paging import page_of, query_without_page
from ocop.registry.models import Product

from ..access import councils_visible_to, is_officer_of, may_manage, seat_of
from ..composition import composition_gaps
from ..forms_council import (
    ConflictDeclareForm,
    ConflictReviewForm,
    CouncilForm,
    CouncilRulesForm,
    MemberForm,
)  # fmt: skip
from ..messages import texts
from ..models import Conflict, Council
from ..services.councils import (
    conflict_declare,
    conflict_review,
    council_create,
    council_member_add,
    council_rules_update,
)  # fmt: skip
from .common import error_text

COUNCIL_ROLES = (Role.PROVINCE, Role.CENTRAL, Role.COUNCIL_MEMBER)


def fetch_council(request, pk: int) -> Council:
    return get_object_or_404(councils_visible_to(request.user), pk=pk)


@role_required(*COUNCIL_ROLES)
def council_list(request):
    can_create = request.user.role in (Role.PROVINCE, Role.CENTRAL)
    councils = councils_visible_to(request.user).order_by("-year", "level", "name", "pk")
    page = page_of(request, councils)
    return render(request, "evaluation/council_list.html",
                  {"councils": page, "page": page, "can_create": can_create})  # fmt: skip


@role_required(Role.PROVINCE, Role.CENTRAL)
def council_new(request):
    form = CouncilForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        central = request.user.role == Role.CENTRAL
        try:
            council = council_create(
                actor=request.user, level="central" if central else "province",
                province=None if central else request.user.province, **form.cleaned_data,
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Đã thành lập hội đồng."))
            return redirect("evaluation:council_detail", council.pk)
    return render(request, "evaluation/council_new.html", {"form": form})


def agenda_products(council: Council):
    return Product.objects.filter(applications__session_items__session__council=council,
                                  applications__session_items__session__status="open").distinct()  # fmt: skip


# The conflict form offers the agenda's products 50 at a time, searched by `product_q` and paged by
# `product_page` (the page's `sessions` and `conflicts` are its other lists).
PRODUCT_Q, PRODUCT_PAGE = "product_q", "product_page"


def _declare_form(request, council: Council) -> tuple[ConflictDeclareForm, Choices]:
    products = agenda_products(council).order_by("name", "pk")
    choices = choices_page(request, products, lambda rows, q: rows.search(q), field="product",
                           q_param=PRODUCT_Q, page_param=PRODUCT_PAGE)  # fmt: skip
    form = ConflictDeclareForm(products=products)
    choices.show(form)
    return form, choices


@role_required(*COUNCIL_ROLES)
def council_detail(request, pk: int):
    council = fetch_council(request, pk)
    seat = seat_of(request.user, council)
    managing = may_manage(request.user, council)
    conflicts = Conflict.objects.filter(member__council=council).select_related(
        "member__user", "product"
    )
    if not managing:
        conflicts = conflicts.filter(member=seat)
    declare_form, products = _declare_form(request, council) if seat else (None, None)
    return render(request, "evaluation/council_detail.html", {
        "council": council, "seat": seat, "managing": managing,
        "officer": is_officer_of(request.user, council),
        "members": council.members.select_related("user"),
        # Two lists, two pagers: each one's links keep the other's page.
        "conflicts": page_of(request, conflicts, name="conflicts"),
        "conflicts_query": query_without_page(request, "conflicts"),
        "sessions": page_of(request, council.sessions.select_related("round"), name="sessions"),
        "sessions_query": query_without_page(request, "sessions"),
        "member_form": MemberForm(council=council), "rules_form": CouncilRulesForm(instance=council),
        "declare_form": declare_form, "products": products,
        "products_query": query_without_page(request, PRODUCT_PAGE),
        "declaring": PRODUCT_Q in request.GET or PRODUCT_PAGE in request.GET,
        "review_form": ConflictReviewForm(),
        # Art. 7.3.b / 7.4.b: a warning for the managers, never a refusal
        "composition_gaps": texts(composition_gaps(
            council.level, council.members.values_list("position", "agency"))),
    })  # fmt: skip


def _officer_council(request, pk: int) -> Council:
    council = fetch_council(request, pk)
    if not is_officer_of(request.user, council):
        raise PermissionDenied
    return council


@require_POST
@role_required(Role.PROVINCE, Role.CENTRAL)
def council_member_new(request, pk: int):
    council = _officer_council(request, pk)
    form = MemberForm(request.POST, council=council)
    if form.is_valid():
        try:
            council_member_add(actor=request.user, council=council, **form.cleaned_data)
            messages.success(request, _("Đã thêm thành viên."))
        except ValidationError as error:
            messages.error(request, error_text(error))
    else:
        messages.error(request, _("Vui lòng chọn tài khoản và chức danh."))
    return redirect("evaluation:council_detail", council.pk)


@require_POST
@role_required(Role.PROVINCE, Role.CENTRAL)
def council_rules(request, pk: int):
    council = _officer_council(request, pk)
    form = CouncilRulesForm(request.POST, instance=Council.objects.get(pk=council.pk))
    if form.is_valid():
        council_rules_update(actor=request.user, council=council, **form.cleaned_data)
        messages.success(request, _("Đã cập nhật quy chế hội đồng."))
    else:
        messages.error(request, _("Quy chế chưa hợp lệ."))
    return redirect("evaluation:council_detail", council.pk)


@require_POST
@role_required(Role.COUNCIL_MEMBER)
def conflict_new(request, pk: int):
    council = fetch_council(request, pk)
    seat = seat_of(request.user, council)
    if seat is None:
        raise Http404
    # Any product of the council's open sessions, whether or not the page offered it.
    form = ConflictDeclareForm(request.POST, products=agenda_products(council))
    if form.is_valid():
        conflict_declare(actor=request.user, member=seat, product=form.cleaned_data["product"],
                         reason=form.cleaned_data["reason"])  # fmt: skip
        messages.success(
            request, _("Đã khai báo xung đột lợi ích; bạn sẽ không chấm sản phẩm này.")
        )
    elif form.has_error("product", "invalid_choice"):
        messages.error(request, str(form.errors["product"][0]))
    else:
        messages.error(request, _("Vui lòng chọn sản phẩm và nêu lý do."))
    return redirect("evaluation:council_detail", council.pk)


@require_POST
@role_required(*COUNCIL_ROLES)
def conflict_decide(request, pk: int, conflict_pk: int):
    council = fetch_council(request, pk)
    conflict = get_object_or_404(Conflict, pk=conflict_pk, member__council=council)
    form = ConflictReviewForm(request.POST)
    if not may_manage(request.user, council) or not form.is_valid():
        raise Http404
    try:
        conflict_review(actor=request.user, conflict=conflict, **form.cleaned_data)
        messages.success(request, _("Đã ghi kết luận về xung đột lợi ích."))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error) if isinstance(error, ValidationError) else
                       "Bạn không được xem xét xung đột của chính mình.")  # fmt: skip
    return redirect("evaluation:council_detail", council.pk)
