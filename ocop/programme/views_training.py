"""Pages of training (courses and attendance) and trade promotion (events, showrooms). Thin:
scoped fetch, form, one service call. The list and create pages of the three share one code
path, told apart by an `Activity`."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import get_visible_or_404, role_required
from ocop.accounts.roles import OFFICER_ROLES, Role
from ocop.core.paging import page_of

from . import selectors_activity as selectors
from . import services_training as services
from .forms_activity import (
    AttendanceForm,
    CourseForm,
    EventForm,
    ShowroomForm,
    ShowroomProductsForm,
)
from .models import Course, Event, Showroom

OFFICERS = tuple(OFFICER_ROLES)
OFFICERS_AND_PRODUCERS = (*OFFICER_ROLES, Role.PRODUCER)
REFUSALS = (ValidationError, PermissionDenied)
UNITS = ("commune", "historic_unit", "province")


@dataclass(frozen=True)
class Activity:
    """What differs between the pages of courses, events and showrooms: the rest is one code
    path (`_record_list`, `_record_create`). `name` names the templates
    (programme/<name>_list.html, _form.html) and the detail URL (activities:<name>_detail)."""

    name: str
    form: type
    record: Callable[..., Any]  # the service writing one record
    fields: Sequence[str]  # the form fields passed to it as `data`
    related: Callable[[dict], dict]  # its other arguments, from the form's cleaned data
    saved: Callable[[dict], str]  # the success message, from the form's cleaned data


COURSE = Activity(
    "course", CourseForm, services.course_record, services.COURSE_FIELDS,
    lambda data: {"attendees": data["attendees"]},
    lambda data: _("Đã ghi lớp tập huấn và %(n)s học viên.") % {"n": len(data["attendees"])},
)  # fmt: skip
EVENT = Activity(
    "event", EventForm, services.event_record, services.EVENT_FIELDS,
    lambda data: {"products": list(data["products"])},
    lambda data: _("Đã ghi sự kiện xúc tiến thương mại."),
)  # fmt: skip
SHOWROOM = Activity(
    "showroom", ShowroomForm, services.showroom_record, services.SHOWROOM_FIELDS,
    lambda data: {"products": list(data["products"])},
    lambda data: _("Đã ghi điểm giới thiệu và bán sản phẩm."),
)  # fmt: skip


def _message(error: Exception) -> str:
    return " ".join(getattr(error, "messages", [str(error)]))


def _record_list(request: HttpRequest, activity: Activity, records) -> HttpResponse:
    """A page of the records (an ordered queryset) in programme/<name>_list.html."""
    page = page_of(request, records)
    context = {f"{activity.name}s": page, "page": page}
    return render(request, f"programme/{activity.name}_list.html", context)


def _record_create(request: HttpRequest, activity: Activity) -> HttpResponse:
    form = activity.form(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record = activity.record(
                actor=request.user, unit=data["unit"],
                data={name: data.get(name) for name in activity.fields}, **activity.related(data),
            )  # fmt: skip
        except REFUSALS as error:
            form.add_error(None, _message(error))
        else:
            messages.success(request, activity.saved(data))
            return redirect(f"activities:{activity.name}_detail", pk=record.pk)
    return render(request, f"programme/{activity.name}_form.html", {"form": form})


@role_required(*OFFICERS_AND_PRODUCERS)
def course_list(request: HttpRequest) -> HttpResponse:
    if getattr(request.user, "role", "") == Role.PRODUCER and not request.user.is_superuser:
        page = page_of(request, selectors.my_trainings(request.user))
        return render(request, "programme/training_mine.html", {"trainings": page, "page": page})
    return _record_list(request, COURSE, selectors.courses_for(request.user))


@role_required(*OFFICERS)
def course_create(request: HttpRequest) -> HttpResponse:
    return _record_create(request, COURSE)


@role_required(*OFFICERS)
def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    course = get_visible_or_404(Course.objects.select_related(*UNITS), request.user, pk=pk)
    context = {
        "course": course, "attendances": course.attendances.select_related("producer", "user"),
        "cost": selectors.course_cost(course), "disbursements": course.disbursements.order_by("paid_on"),
    }  # fmt: skip
    return render(request, "programme/course_detail.html", context)


@role_required(*OFFICERS)
def course_attendees(request: HttpRequest, pk: int) -> HttpResponse:
    course = get_visible_or_404(Course.objects.all(), request.user, pk=pk)
    form = AttendanceForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            rows = services.attendance_add(
                actor=request.user, course=course, attendees=form.cleaned_data["attendees"]
            )
        except REFUSALS as error:
            form.add_error(None, _message(error))
        else:
            messages.success(request, _("Đã thêm %(n)s học viên.") % {"n": len(rows)})
            return redirect("activities:course_detail", pk=pk)
    return render(request, "programme/course_attendees.html", {"form": form, "course": course})


@role_required(*OFFICERS)
def event_list(request: HttpRequest) -> HttpResponse:
    events = Event.objects.visible_to(request.user).select_related(*UNITS)
    return _record_list(request, EVENT, events.order_by("-start_date", "name", "pk"))


@role_required(*OFFICERS)
def event_create(request: HttpRequest) -> HttpResponse:
    return _record_create(request, EVENT)


@role_required(*OFFICERS)
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_visible_or_404(Event.objects.select_related(*UNITS), request.user, pk=pk)
    context = {
        "event": event, "products": event.products.select_related("producer").order_by("name"),
        "cost": selectors.event_cost(event), "disbursements": event.disbursements.order_by("paid_on"),
    }  # fmt: skip
    return render(request, "programme/event_detail.html", context)


@role_required(*OFFICERS)
def showroom_list(request: HttpRequest) -> HttpResponse:
    showrooms = Showroom.objects.visible_to(request.user).select_related("location")
    return _record_list(request, SHOWROOM, showrooms.order_by("name", "pk"))


@role_required(*OFFICERS)
def showroom_create(request: HttpRequest) -> HttpResponse:
    return _record_create(request, SHOWROOM)


@role_required(*OFFICERS)
def showroom_detail(request: HttpRequest, pk: int) -> HttpResponse:
    showroom = get_visible_or_404(Showroom.objects.select_related("location"), request.user, pk=pk)
    products = showroom.products.select_related("producer").order_by("name")
    form = ShowroomProductsForm(user=request.user, initial={"products": list(products)})
    context = {"showroom": showroom, "products": products, "form": form}
    return render(request, "programme/showroom_detail.html", context)


@require_POST
@role_required(*OFFICERS)
def showroom_products(request: HttpRequest, pk: int) -> HttpResponse:
    showroom = get_visible_or_404(Showroom.objects.all(), request.user, pk=pk)
    form = ShowroomProductsForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Có sản phẩm không thuộc phạm vi của bạn."))
        return redirect("activities:showroom_detail", pk=pk)
    try:
        services.showroom_set_products(
            actor=request.user, showroom=showroom, products=list(form.cleaned_data["products"])
        )
        messages.success(request, _("Đã cập nhật sản phẩm trưng bày."))
    except REFUSALS as error:
        messages.error(request, _message(error))
    return redirect("activities:showroom_detail", pk=pk)
