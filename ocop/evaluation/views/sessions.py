"""Sessions: open one with its agenda, the board (products × members), close, outcomes, minutes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import role_required
from ocop.core.choices import Choices, choices_page, is_browsing, reshown
from ocop.core.confirm import confirmation, is_confirmed

from .. import pdf_council, workflow
from ..access import actor_blocked, is_officer_of, may_manage
from ..board import board
from ..confirmations import session_rows
from ..forms_council import AttendanceForm, OutcomeForm, SessionForm, WrittenForm
from ..models import Application, Round, Session, SessionItem
from ..services import fivestar
from ..services.sessions import (
    item_outcome_record,
    session_attendance_set,
    session_close,
    session_create,
)
from ..services.written import written_open
from .common import error_text
from .councils import COUNCIL_ROLES, fetch_council
from .outcomes import outcome_options


def fetch_session(request, pk: int) -> Session:
    session = get_object_or_404(Session.objects.select_related("council", "round"), pk=pk)
    if not may_manage(request.user, session.council):
        raise Http404
    return session


def _agenda_choices(council):
    if council.level == "central":
        rounds = Round.objects.filter(level="central")
        dossiers = Application.objects.filter(stage=workflow.PROPOSED_CENTRAL,
                                              fivestar__status="sent")  # Art. 7.4.a  # fmt: skip
    else:
        rounds = Round.objects.filter(level="province", province=council.province_id)
        dossiers = Application.objects.filter(stage=workflow.READY_FOR_COUNCIL,
                                              commune__province=council.province_id)  # fmt: skip
        dossiers = dossiers.exclude(pk__in=fivestar.five_star_reevaluations())  # Art. 7.6.e
    return rounds, dossiers.select_related("product", "producer")


def _agenda_page(request, dossiers) -> Choices:
    """The dossiers the page offers: 50 a page, searched by `q` (product, producer, number)."""
    return choices_page(request, dossiers, lambda rows, q: rows.search(q), field="applications")


def _form(form_class, request, **kwargs):
    """The posted form, or (a search or a page of the agenda's choices) the form shown again."""
    if is_browsing(request):
        return reshown(form_class, request, **kwargs)
    return form_class(request.POST or None, **kwargs)


@role_required(*COUNCIL_ROLES)
def session_new(request, pk: int):
    council = fetch_council(request, pk)
    if not may_manage(request.user, council):
        raise Http404
    rounds, dossiers = _agenda_choices(council)
    scorers = council.members.exclude(position="advisor").select_related("user")
    form = _form(SessionForm, request, rounds=rounds, applications=dossiers, members=scorers)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            session = session_create(
                actor=request.user, council=council, round=data["round"], held_on=data["held_on"],
                place=data["place"], applications=list(data["applications"]),
                present=list(data["present"]),
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Đã mở phiên họp."))
            return redirect("evaluation:session_detail", session.pk)
    choices = _agenda_page(request, dossiers)
    return render(request, "evaluation/session_new.html",
                  {"form": choices.show(form), "council": council, "choices": choices})  # fmt: skip


@role_required(*COUNCIL_ROLES)
def written_new(request, pk: int):
    """Open a written consultation (Art. 7.6.d) for re-evaluation dossiers: the council's chair or
    secretary (or the officer managing it). First-time and upgrade dossiers are not offered, and
    the service refuses them if posted."""
    council = fetch_council(request, pk)
    if not may_manage(request.user, council):
        raise Http404
    rounds, dossiers = _agenda_choices(council)
    dossiers = dossiers.filter(kind="reevaluation")
    form = _form(WrittenForm, request, rounds=rounds, applications=dossiers)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            session = written_open(
                actor=request.user, council=council, round=data["round"],
                reply_by=data["reply_by"], applications=list(data["applications"]),
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Đã gửi lấy ý kiến bằng văn bản."))
            return redirect("evaluation:session_detail", session.pk)
    choices = _agenda_page(request, dossiers)
    return render(request, "evaluation/written_new.html",
                  {"form": choices.show(form), "council": council, "choices": choices})  # fmt: skip


BOARD_PAGE_SIZE = 50


@role_required(*COUNCIL_ROLES)
def session_detail(request, pk: int):
    session = fetch_session(request, pk)
    # 50 products a page: a 500-product session stays a small page (the workbook has them all),
    # and only the page's products are read and consolidated.
    item_ids = SessionItem.objects.filter(session=session).values_list("pk", flat=True)
    page = Paginator(item_ids, BOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    members, rows = board(session, request.user, list(page.object_list))
    return render(request, "evaluation/session_detail.html", {
        "session": session, "council": session.council, "members": members,
        "rows": rows, "page": page, "query": "",
        "officer": is_officer_of(request.user, session.council),
        "outcome_options": outcome_options(rows),
        "attendance_form": _attendance_form(session),
    })  # fmt: skip


def _attendance_form(session: Session, data=None) -> AttendanceForm:
    scorers = session.council.members.exclude(position="advisor").select_related("user")
    return AttendanceForm(data, members=scorers, initial_present=session.present.all())


@require_POST
@role_required(*COUNCIL_ROLES)
def session_attendance(request, pk: int):
    """Change who is present while the session is open (the managers of its council)."""
    session = fetch_session(request, pk)
    form = _attendance_form(session, request.POST)
    if form.is_valid():
        try:
            session_attendance_set(actor=request.user, session=session,
                                   present=list(form.cleaned_data["present"]))  # fmt: skip
            messages.success(request, _("Đã cập nhật thành viên có mặt."))
        except ValidationError as error:
            messages.error(request, error_text(error))
    else:
        messages.error(request, _("Chọn ít nhất một thành viên có mặt."))
    return redirect("evaluation:session_detail", session.pk)


@require_POST
@role_required(*COUNCIL_ROLES)
def session_close_view(request, pk: int):
    session = fetch_session(request, pk)
    if session.is_open and not is_confirmed(request):
        return confirmation(
            request, title=_("Kết thúc phiên họp?"), rows=session_rows(session, request.user),
            button=_("Xác nhận kết thúc phiên và tính kết quả"),
            notes=[_("Sau khi kết thúc, không thành viên nào nộp hay sửa phiếu được nữa; kết quả "
                     "của từng sản phẩm được tính và ghi vào biên bản.")],
            cancel_url=reverse("evaluation:session_detail", args=[session.pk]),
        )  # fmt: skip
    try:
        session_close(actor=request.user, session=session)
        messages.success(request, _("Đã kết thúc phiên họp; kết quả đã được tính."))
    except ValidationError as error:
        messages.error(request, _("Chưa thể kết thúc phiên: ") + error_text(error))
    return redirect("evaluation:session_detail", session.pk)


@require_POST
@role_required(*COUNCIL_ROLES)
def item_outcome(request, pk: int, item_pk: int):
    session = fetch_session(request, pk)
    item = get_object_or_404(SessionItem.objects.select_related("application"), pk=item_pk,
                             session=session)  # fmt: skip
    if actor_blocked(request.user, session.council, item.application.product_id):
        raise Http404
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            item_outcome_record(actor=request.user, item=item, **form.cleaned_data)
            messages.success(request, _("Đã ghi kết luận của hội đồng."))
        except ValidationError as error:
            messages.error(request, error_text(error))
    else:
        messages.error(
            request, _("Vui lòng chọn quy định của phiếu đánh giá áp dụng cho sản phẩm.")
        )
    return redirect("evaluation:session_detail", session.pk)


@role_required(*COUNCIL_ROLES)
def minutes_pdf(request, pk: int):
    session = fetch_session(request, pk)
    if session.is_open:
        raise Http404
    response = HttpResponse(pdf_council.minutes_pdf(session), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bien-ban-{session.pk}.pdf"'
    return response
