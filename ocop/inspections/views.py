"""Post-audit pages. Thin: scoped fetch, form, one service call."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.accounts.models import User
from ocop.accounts.permissions import get_visible_or_404, role_required
from ocop.accounts.roles import OFFICER_ROLES, Role
from ocop.certificates.choices import IN_FORCE, RevocationGround
from ocop.certificates.models import Certificate
from ocop.certificates.rules import can_revoke
from ocop.certificates.validity import revocation_deadline
from ocop.core.confirm import confirmation, is_confirmed
from ocop.core.dates import format_date
from ocop.core.paging import page_of, query_without_page

from . import services
from .choices import ARTICLE, Level
from .exports import plan_workbook
from .forms import (
    AddProductForm,
    AdhocForm,
    ConcludeForm,
    FilterForm,
    PlanForm,
    RecordForm,
    RevokeForm,
)
from .models import Inspection, Plan
from .selectors import recognised_item

READERS = (*OFFICER_ROLES, Role.PRODUCER)
INSPECTORS = (Role.PROVINCE, Role.CENTRAL)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RELATED = "certificate__product__producer__commune__province"


def _user(request: HttpRequest) -> User:
    """The logged-in user (every view is behind role_required)."""
    return request.user  # type: ignore[return-value]


def _inspections(user: Any):
    return Inspection.objects.select_related(RELATED, "plan").visible_to(user)


def _certificate_by_number(user: Any, number: str) -> Certificate | None:
    found = Certificate.objects.visible_to(user).filter(number=number.strip(), status__in=IN_FORCE)
    return found.select_related("product__producer__commune").first()


@role_required(*READERS)
def inspection_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    inspections = form.apply(_inspections(_user(request))).order_by("-created_at", "-id")
    plans = Plan.objects.visible_to(_user(request)).select_related("province")[:10]
    context = {
        "form": form, "plans": plans, "today": timezone.localdate(),
        "page": page_of(request, inspections, related=(RELATED, "plan")),
        "query": query_without_page(request), "may_inspect": _inspector(_user(request)),
    }  # fmt: skip
    return render(request, "inspections/inspection_list.html", context)


@role_required(*READERS)
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = Plan.objects.visible_to(_user(request)).select_related("province")
    context = {"page": page_of(request, plans), "query": query_without_page(request),
               "may_inspect": _inspector(_user(request))}  # fmt: skip
    return render(request, "inspections/plan_list.html", context)


def _inspector(user: Any) -> bool:
    return bool(user.is_superuser or user.role in (Role.ADMIN, *INSPECTORS))


def _plan_level(user: Any) -> tuple[str, Any]:
    if user.role == Role.PROVINCE:
        return Level.PROVINCE, user.province
    return Level.CENTRAL, None


@role_required(*INSPECTORS)
def plan_create(request: HttpRequest) -> HttpResponse:
    form = PlanForm(request.POST or None, initial={"year": timezone.localdate().year})
    level, province = _plan_level(_user(request))
    if level == Level.PROVINCE:
        del form.fields["province"]
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        province = data.pop("province", province)
        try:
            plan = services.plan_create(
                actor=_user(request), level=level, province=province, **data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã lập kế hoạch kiểm tra."))
            return redirect(plan)
    return render(request, "inspections/plan_form.html", {"form": form})


@role_required(*READERS)
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(Plan.objects.select_related("province"), _user(request), pk=pk)
    inspections = plan.inspections.visible_to(_user(request))
    may_plan = services.may_plan(_user(request), level=plan.level, province_id=plan.province_id)
    context = {
        "plan": plan, "page": page_of(request, inspections, related=(RELATED,)),
        "query": query_without_page(request), "today": timezone.localdate(),
        "may_plan": may_plan, "add_form": AddProductForm() if may_plan else None,
    }  # fmt: skip
    return render(request, "inspections/plan_detail.html", context)


@role_required(*INSPECTORS)
def plan_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(Plan.objects.all(), _user(request), pk=pk)
    if not services.may_plan(_user(request), level=plan.level, province_id=plan.province_id):
        raise PermissionDenied
    form = AddProductForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        certificate = _certificate_by_number(_user(request), form.cleaned_data["number"])
        if certificate is None:
            form.add_error("number", _("Không có giấy chứng nhận còn hiệu lực với số này."))
        else:
            try:
                services.plan_add_product(
                    actor=_user(request), plan=plan, certificate=certificate,
                    scheduled_on=form.cleaned_data["scheduled_on"],
                )  # fmt: skip
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Đã đưa sản phẩm vào kế hoạch."))
                return redirect(plan)
    return render(request, "inspections/plan_add.html", {"plan": plan, "form": form})


@role_required(*READERS)
def plan_export(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(Plan.objects.select_related("province"), _user(request), pk=pk)
    inspections = plan.inspections.visible_to(_user(request)).select_related(RELATED)
    response = HttpResponse(
        plan_workbook(plan, inspections, timezone.localdate()), content_type=XLSX
    )
    response["Content-Disposition"] = f'attachment; filename="ket-qua-kiem-tra-{plan.pk}.xlsx"'
    return response


@role_required(*INSPECTORS)
def inspection_new(request: HttpRequest) -> HttpResponse:
    """An ad-hoc inspection of a recognised product."""
    form = AdhocForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        certificate = _certificate_by_number(_user(request), data.pop("number"))
        if certificate is None:
            form.add_error("number", _("Không có giấy chứng nhận còn hiệu lực với số này."))
        else:
            try:
                inspection = services.inspection_open_adhoc(
                    actor=_user(request), certificate=certificate, **data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Đã mở cuộc kiểm tra đột xuất."))
                return redirect(inspection)
    return render(request, "inspections/inspection_new.html", {"form": form})


@role_required(*READERS)
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = get_visible_or_404(_inspections(_user(request)), _user(request), pk=pk)
    today = timezone.localdate()
    may_act = services.may_inspect(_user(request), inspection)
    context = {
        "inspection": inspection, "today": today, "item": recognised_item(inspection.certificate),
        "may_act": may_act and not inspection.is_concluded,
        "overdue": inspection.revocation_overdue_on(today),
        "may_revoke": bool(inspection.revocation_ground) and not inspection.revocation_done
        and can_revoke(_user(request), inspection.certificate),
    }  # fmt: skip
    return render(request, "inspections/inspection_detail.html", context)


def _open_for(request: HttpRequest, pk: int) -> Inspection:
    inspection = get_visible_or_404(_inspections(_user(request)), _user(request), pk=pk)
    # A concluded inspection is final: nobody records or concludes it again.
    if inspection.is_concluded or not services.may_inspect(_user(request), inspection):
        raise PermissionDenied
    return inspection


@role_required(*INSPECTORS)
def inspection_record(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _open_for(request, pk)
    initial = {name: getattr(inspection, name) for name in services.CHECKLIST}
    for name in ("criteria_kept", "mark_kept", "information_kept"):
        initial[name] = {True: "yes", False: "no"}.get(initial[name], "")
    form = RecordForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.inspection_record(
                actor=_user(request), inspection=inspection, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã lưu kết quả kiểm tra."))
            return redirect(inspection)
    context = {
        "inspection": inspection,
        "form": form,
        "item": recognised_item(inspection.certificate),
    }
    return render(request, "inspections/inspection_record.html", context)


@role_required(*INSPECTORS)
def inspection_conclude(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _open_for(request, pk)
    form = ConcludeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not is_confirmed(request):
            return _conclude_confirmation(request, inspection, form.cleaned_data)
        try:
            services.inspection_conclude(
                actor=_user(request), inspection=inspection, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã ghi kết luận kiểm tra."))
            return redirect(inspection)
    return render(
        request, "inspections/inspection_conclude.html", {"inspection": inspection, "form": form}
    )


def _conclude_confirmation(
    request: HttpRequest, inspection: Inspection, data: dict[str, Any]
) -> HttpResponse:
    ground = data["revocation_ground"]
    rows = [
        (_("Sản phẩm"), f"{inspection.certificate.product_name} ({inspection.certificate.stars}★)"),
        (_("Ngày kết luận"), format_date(data["concluded_on"])),
        (_("Kết luận"), data["conclusion"]),
    ]
    if ground:
        rows.append((_("Đề nghị thu hồi"), f"{RevocationGround(ground).label} ({ARTICLE[ground]})"))
        due = format_date(revocation_deadline(data["concluded_on"]))
        rows.append((_("Hạn ra quyết định thu hồi (Điều 8.4)"), due))
    return confirmation(
        request, title=_("Ghi kết luận kiểm tra?"), rows=rows, button=_("Xác nhận kết luận"),
        cancel_url=inspection.get_absolute_url(),
        notes=[_("Sau khi kết luận, kết quả kiểm tra không sửa được nữa.")],
    )  # fmt: skip


@role_required(*INSPECTORS)
def inspection_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = get_visible_or_404(_inspections(_user(request)), _user(request), pk=pk)
    if not inspection.revocation_ground or not can_revoke(_user(request), inspection.certificate):
        raise PermissionDenied
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not is_confirmed(request):
            return _revoke_confirmation(request, inspection, form.cleaned_data)
        try:
            services.inspection_revoke(
                actor=_user(request), inspection=inspection, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã thu hồi giấy chứng nhận."))
            return redirect(inspection)
    context = {"inspection": inspection, "form": form, "today": timezone.localdate()}
    return render(request, "inspections/inspection_revoke.html", context)


def _revoke_confirmation(
    request: HttpRequest, inspection: Inspection, data: dict[str, Any]
) -> HttpResponse:
    certificate = inspection.certificate
    rows = [
        (_("Số giấy chứng nhận"), certificate.number),
        (_("Sản phẩm"), f"{certificate.product_name} ({certificate.stars}★)"),
        (_("Căn cứ thu hồi"), RevocationGround(inspection.revocation_ground).label),
        (_("Ngày có kết luận"), inspection.concluded_on and format_date(inspection.concluded_on)),
        (
            _("Quyết định thu hồi"),
            f"{data['decision_number']} — {format_date(data['decision_date'])}",
        ),
    ]
    return confirmation(
        request, title=_("Thu hồi giấy chứng nhận?"), rows=rows, button=_("Xác nhận thu hồi"),
        cancel_url=inspection.get_absolute_url(),
        notes=[_("Giấy chứng nhận bị thu hồi không thể khôi phục; trang xác minh công khai sẽ "
                 "báo “đã bị thu hồi” ngay.")],
    )  # fmt: skip
