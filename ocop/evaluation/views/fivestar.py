"""The 5★ hand-off pages: prepare (approval decision and letter), the dossier's parts, sending to
the ministry, the ministry's notice, the province's own evaluation (7.4.g), their PDFs; and the
"có thay đổi lớn" flag of a re-evaluation (7.6.c)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ocop.accounts.permissions import role_required
from ocop.accounts.roles import Role
from ocop.certificates.choices import SignerTitle
from ocop.core.confirm import confirmation, is_confirmed
from ocop.core.forms import CleanInputMixin
from ocop.core.paging import page_of

from .. import pdf_fivestar, workflow
from ..models import Application, FiveStarDossier
from ..services import fivestar as service
from ..services.major_changes import application_flag_major_changes, may_flag
from .common import error_text, fetch

Status = FiveStarDossier.Status


class PrepareForm(CleanInputMixin, forms.Form):
    on = forms.DateField(
        label=gettext_lazy("Ngày ký"), widget=forms.DateInput(attrs={"type": "date"})
    )
    signer = forms.CharField(label=gettext_lazy("Người ký"), max_length=200, required=False)
    signer_title = forms.ChoiceField(label=gettext_lazy("Ký với tư cách"), choices=SignerTitle.choices,
                                     initial=SignerTitle.HEAD)  # fmt: skip


class DayForm(CleanInputMixin, forms.Form):
    on = forms.DateField(label=gettext_lazy("Ngày"), widget=forms.DateInput(attrs={"type": "date"}))


class ReasonForm(CleanInputMixin, forms.Form):
    reason = forms.CharField(label=gettext_lazy("Lý do"), widget=forms.Textarea(attrs={"rows": 3}))


def visible_dossiers(user):
    dossiers = FiveStarDossier.objects.select_related("application__product", "province")
    if user.is_superuser or user.role == Role.ADMIN:
        return dossiers
    if user.role == Role.CENTRAL:  # the ministry sees what the provinces sent
        return dossiers.exclude(status=Status.PREPARING)
    if user.role == Role.PROVINCE:
        return dossiers.filter(province=user.province_id)
    return dossiers.none()


def _is_province(user, dossier) -> bool:
    admin = user.is_superuser or user.role == Role.ADMIN
    return admin or (user.role == Role.PROVINCE and user.province_id == dossier.province_id)


def _is_ministry(user) -> bool:
    return user.is_superuser or user.role in (Role.ADMIN, Role.CENTRAL)


def may_prepare(user, application: Application) -> bool:
    if FiveStarDossier.objects.filter(application=application).exists():
        return False
    officer = user.is_superuser or user.role == Role.ADMIN or (
        user.role == Role.PROVINCE and user.province_id == application.commune.province_id)  # fmt: skip
    if not officer:
        return False
    if application.stage == workflow.PROPOSED_CENTRAL:
        return True
    return application.stage == workflow.READY_FOR_COUNCIL and service.is_five_star_reevaluation(
        application
    )


def fivestar_box(user, application: Application) -> dict:
    """The dossier page's 5★ and major-changes context."""
    dossier = visible_dossiers(user).filter(application=application).first()
    return {"fivestar": dossier, "can_prepare_fivestar": may_prepare(user, application),
            "can_flag_major": may_flag(user, application)}  # fmt: skip


@role_required(Role.PROVINCE)
def fivestar_new(request, pk: int):
    application = fetch(request, pk)
    if not may_prepare(request.user, application):
        raise PermissionDenied
    form = PrepareForm(request.POST or None, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            dossier = service.fivestar_prepare(
                actor=request.user, application=application, on=form.cleaned_data["on"],
                signer=form.cleaned_data["signer"], signer_title=form.cleaned_data["signer_title"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Đã lập hồ sơ đề nghị đánh giá 5 sao."))
            return redirect("evaluation:fivestar_detail", dossier.pk)
    reevaluation = service.is_five_star_reevaluation(application)
    return render(request, "evaluation/fivestar_new.html",
                  {"application": application, "form": form, "reevaluation": reevaluation})  # fmt: skip


@role_required(Role.PROVINCE, Role.CENTRAL)
def fivestar_list(request):
    page = page_of(request, visible_dossiers(request.user))
    return render(request, "evaluation/fivestar_list.html", {"dossiers": page, "page": page})


@role_required(Role.PROVINCE, Role.CENTRAL)
def fivestar_detail(request, pk: int):
    dossier = get_object_or_404(visible_dossiers(request.user), pk=pk)
    user = request.user
    province, ministry = _is_province(user, dossier), _is_ministry(user)
    context = {
        "dossier": dossier, "parts": service.dossier_parts(dossier),
        "central_item": service.central_item(dossier.application),
        "can_send": province and dossier.status == Status.PREPARING,
        "can_notify": ministry and dossier.status == Status.SENT,
        "can_own": province and dossier.status == Status.NOTIFIED
        and dossier.application.stage == workflow.CENTRAL_SCORED
        and service.below_five_stars(dossier),
        "day": DayForm(initial={"on": timezone.localdate()}), "reason": ReasonForm(),
    }  # fmt: skip
    return render(request, "evaluation/fivestar_detail.html", context)


def _act(request, pk: int, allowed, act, form_class, confirm_title: str, done: str):
    """POST only: check the role, validate, confirm, call the service, redirect to the dossier."""
    if request.method != "POST":
        return HttpResponse(status=405)
    dossier = get_object_or_404(visible_dossiers(request.user), pk=pk)
    if not allowed(request.user, dossier):
        raise PermissionDenied
    form = form_class(request.POST)
    url = reverse("evaluation:fivestar_detail", args=[dossier.pk])
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect(url)
    if not is_confirmed(request):
        rows = [(_("Sản phẩm"), dossier.application.product.name),
                (_("Văn bản đề nghị"), dossier.letter_number)]  # fmt: skip
        return confirmation(request, title=confirm_title, rows=rows, button=_("Xác nhận"),
                            cancel_url=url, notes=[_("Không thể hoàn tác trên hệ thống.")])  # fmt: skip
    try:
        act(request.user, dossier, form.cleaned_data)
    except (ValidationError, PermissionDenied) as error:
        messages.error(
            request, error_text(error) if isinstance(error, ValidationError) else str(error)
        )
    else:
        messages.success(request, done)
    return redirect(url)


@role_required(Role.PROVINCE)
def fivestar_send(request, pk: int):
    return _act(request, pk, _is_province,
                lambda user, d, data: service.fivestar_send(actor=user, dossier=d, on=data["on"]),
                DayForm, _("Gửi hồ sơ đề nghị 5 sao tới Bộ?"), _("Đã gửi hồ sơ tới Bộ."))  # fmt: skip


@role_required(Role.CENTRAL)
def fivestar_notify(request, pk: int):
    return _act(request, pk, lambda user, d: _is_ministry(user),
                lambda user, d, data: service.fivestar_notify(actor=user, dossier=d, on=data["on"]),
                DayForm, _("Thông báo kết quả cho tỉnh?"), _("Đã thông báo kết quả cho tỉnh."))  # fmt: skip


@role_required(Role.PROVINCE)
def fivestar_own(request, pk: int):
    return _act(request, pk, _is_province,
                lambda user, d, data: service.fivestar_own_evaluation(actor=user, dossier=d,
                                                                      reason=data["reason"]),
                ReasonForm, _("Tỉnh tổ chức đánh giá theo thẩm quyền?"),
                _("Hồ sơ đã chuyển lại Hội đồng cấp tỉnh."))  # fmt: skip


def _pdf(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@role_required(Role.PROVINCE, Role.CENTRAL)
def fivestar_approval_pdf(request, pk: int):
    dossier = get_object_or_404(visible_dossiers(request.user).exclude(approval_number=""), pk=pk)
    return _pdf(pdf_fivestar.approval_pdf(dossier), f"phe-duyet-{dossier.pk}.pdf")


@role_required(Role.PROVINCE, Role.CENTRAL)
def fivestar_letter_pdf(request, pk: int):
    dossier = get_object_or_404(visible_dossiers(request.user), pk=pk)
    return _pdf(pdf_fivestar.letter_pdf(dossier), f"van-ban-de-nghi-{dossier.pk}.pdf")


@role_required(Role.PROVINCE, Role.CENTRAL)
def fivestar_notice_pdf(request, pk: int):
    dossier = get_object_or_404(visible_dossiers(request.user).exclude(notice_number=""), pk=pk)
    return _pdf(pdf_fivestar.notice_pdf(dossier), f"thong-bao-{dossier.pk}.pdf")


@role_required(Role.COMMUNE, Role.PROVINCE, Role.ADVISOR)
def application_major_changes(request, pk: int):
    if request.method != "POST":
        return HttpResponse(status=405)
    application = fetch(request, pk)
    if not may_flag(request.user, application):
        raise PermissionDenied
    try:
        application_flag_major_changes(
            actor=request.user, application=application,
            flagged=request.POST.get("major_changes") == "1",
            note=request.POST.get("note", "")[:2000],
        )  # fmt: skip
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã ghi nhận."))
    return redirect("evaluation:application_detail", application.pk)
