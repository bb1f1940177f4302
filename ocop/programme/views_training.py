"""Pages of training (courses and attendance) and trade promotion (events, showrooms). Thin:
scoped fetch, form, one service call."""

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


def _message(error: Exception) -> str:
    return " ".join(getattr(error, "messages", [str(error)]))


def _record_data(form, names) -> dict:
    return {name: form.cleaned_data.get(name) for name in names}


@role_required(*OFFICERS_AND_PRODUCERS)
def course_list(request: HttpRequest) -> HttpResponse:
    if getattr(request.user, "role", "") == Role.PRODUCER and not request.user.is_superuser:
        page = page_of(request, selectors.my_trainings(request.user))
        return render(request, "programme/training_mine.html", {"trainings": page, "page": page})
    page = page_of(request, selectors.courses_for(request.user))
    return render(request, "programme/course_list.html", {"courses": page, "page": page})


@role_required(*OFFICERS)
def course_create(request: HttpRequest) -> HttpResponse:
    form = CourseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            course = services.course_record(
                actor=request.user, unit=data["unit"], data=_record_data(form, services.COURSE_FIELDS),
                attendees=data["attendees"],
            )  # fmt: skip
        except REFUSALS as error:
            form.add_error(None, _message(error))
        else:
            messages.success(
                request, _("Đã ghi lớp tập huấn và %(n)s học viên.") % {"n": len(data["attendees"])}
            )
            return redirect("activities:course_detail", pk=course.pk)
    return render(request, "programme/course_form.html", {"form": form})


@role_required(*OFFICERS)
def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    course = get_visible_or_404(
        Course.objects.select_related("commune", "historic_unit", "province"), request.user, pk=pk
    )
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
    events = Event.objects.visible_to(request.user).select_related(
        "commune", "historic_unit", "province"
    )
    page = page_of(request, events.order_by("-start_date", "name", "pk"))
    return render(request, "programme/event_list.html", {"events": page, "page": page})


@role_required(*OFFICERS)
def event_create(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event = services.event_record(
                actor=request.user, unit=data["unit"], data=_record_data(form, services.EVENT_FIELDS),
                products=list(data["products"]),
            )  # fmt: skip
        except REFUSALS as error:
            form.add_error(None, _message(error))
        else:
            messages.success(request, _("Đã ghi sự kiện xúc tiến thương mại."))
            return redirect("activities:event_detail", pk=event.pk)
    return render(request, "programme/event_form.html", {"form": form})


@role_required(*OFFICERS)
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_visible_or_404(
        Event.objects.select_related("commune", "historic_unit", "province"), request.user, pk=pk
    )
    context = {
        "event": event, "products": event.products.select_related("producer").order_by("name"),
        "cost": selectors.event_cost(event), "disbursements": event.disbursements.order_by("paid_on"),
    }  # fmt: skip
    return render(request, "programme/event_detail.html", context)


@role_required(*OFFICERS)
def showroom_list(request: HttpRequest) -> HttpResponse:
    showrooms = Showroom.objects.visible_to(request.user).select_related("location")
    page = page_of(request, showrooms.order_by("name", "pk"))
    return render(request, "programme/showroom_list.html", {"showrooms": page, "page": page})


@role_required(*OFFICERS)
def showroom_create(request: HttpRequest) -> HttpResponse:
    form = ShowroomForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            showroom = services.showroom_record(
                actor=request.user, unit=data["unit"], data=_record_data(form, services.SHOWROOM_FIELDS),
                products=list(data["products"]),
            )  # fmt: skip
        except REFUSALS as error:
            form.add_error(None, _message(error))
        else:
            messages.success(request, _("Đã ghi điểm giới thiệu và bán sản phẩm."))
            return redirect("activities:showroom_detail", pk=showroom.pk)
    return render(request, "programme/showroom_form.html", {"form": form})


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
