"""Rounds: every logged-in user lists them; province officers open their province's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ocop.accounts.permissions import login_required, role_required
from ocop.accounts.roles import Role
from ocop.core.paging import page_of, query_without_page
from ocop.core.text import matches

from ..forms import RoundForm
from ..models import Round, RoundLevel
from ..services.rounds import round_create
from .common import error_text


@login_required
def round_list(request):
    rounds = Round.objects.select_related("province").order_by("-year", "level", "number", "pk")
    if request.user.province_id:
        rounds = rounds.filter(province__in=[request.user.province_id, None])
    q = request.GET.get("q", "")[:100]
    if q:  # a few rounds a year: searched in Python on what the list shows (name, year)
        rounds = [r for r in rounds if matches(q, r, r.year, r.get_level_display())]
    can_open = request.user.role == Role.PROVINCE
    page = page_of(request, rounds)
    context = {"rounds": page, "page": page, "query": query_without_page(request),
               "can_open": can_open, "q": q}  # fmt: skip
    return render(request, "evaluation/round_list.html", context)


@role_required(Role.PROVINCE)
def round_new(request):
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round_create(
                actor=request.user, level=RoundLevel.PROVINCE, province=request.user.province,
                **form.cleaned_data,
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Đã mở đợt đánh giá."))
            return redirect("evaluation:round_list")
    return render(request, "evaluation/round_new.html", {"form": form})
