"""The secretary's minutes page of an open session: per product, the discussion and why a member
has no score (the reason computed, a note typed). Printed in the minutes PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import role_required

from ..access import actor_blocked, blocked_product_ids, seat_of
from ..forms_minutes import ItemMinutesForm
from ..minutes import missing_scores
from ..models import SessionItem
from ..services.minutes import item_minutes_set
from .common import error_text
from .councils import COUNCIL_ROLES
from .sessions import BOARD_PAGE_SIZE, fetch_session


@role_required(*COUNCIL_ROLES)
def session_minutes(request, pk: int):
    session = fetch_session(request, pk)
    if not session.is_open:
        raise Http404
    missing = missing_scores(session)
    items = session.items.select_related("application__product").order_by("id")
    page = Paginator(items, BOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    seat = seat_of(request.user, session.council)
    blocked = blocked_product_ids(seat) if seat else set()  # once, not per product (access)
    rows = [
        (item, ItemMinutesForm(initial={"discussion": item.discussion}, prefix=f"i{item.pk}",
                               missing=missing.get(item.pk, [])))
        for item in page.object_list
        if item.application.product_id not in blocked
    ]  # fmt: skip
    return render(request, "evaluation/session_minutes.html", {
        "session": session, "council": session.council, "rows": rows, "page": page, "query": "",
    })  # fmt: skip


@require_POST
@role_required(*COUNCIL_ROLES)
def item_minutes(request, pk: int, item_pk: int):
    session = fetch_session(request, pk)
    item = get_object_or_404(SessionItem.objects.select_related("application"), pk=item_pk,
                             session=session)  # fmt: skip
    if actor_blocked(request.user, session.council, item.application.product_id):
        raise Http404
    form = ItemMinutesForm(request.POST, prefix=f"i{item.pk}",
                           missing=missing_scores(session).get(item.pk, []))  # fmt: skip
    if form.is_valid():
        try:
            item_minutes_set(actor=request.user, item=item,
                             discussion=form.cleaned_data["discussion"], notes=form.notes())  # fmt: skip
            messages.success(request, _("Đã ghi biên bản cho %(product)s.")
                             % {"product": item.application.product.name})  # fmt: skip
        except ValidationError as error:
            messages.error(request, error_text(error))
    else:
        messages.error(request, _("Nội dung biên bản quá dài."))
    return redirect(reverse("evaluation:session_minutes", args=[session.pk]) + f"#item-{item.pk}")
