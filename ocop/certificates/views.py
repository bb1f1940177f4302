"""Certificate pages. Thin: scoped fetch, form, one service call."""

import csv
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _

from ocop.accounts.permissions import get_visible_or_404, role_required
from ocop.accounts.roles import OFFICER_ROLES, Role
from ocop.accounts.scope import ScopedQuerySet
from ocop.accounts.throttle import client_address
from ocop.core.confirm import confirmation, is_confirmed
from ocop.core.paging import page_of, query_without_page
from ocop.core.spreadsheet import safe_row
from ocop.core.spreadsheet_style import table_workbook

from . import lookup, services, verify_cache
from .choices import IN_FORCE, RevocationGround
from .exports import EXPORT_WIDTHS, export_header, export_rows
from .forms import FilterForm, LookupForm, RevokeForm
from .models import Certificate
from .pdf import certificate_pdf as render_pdf
from .rules import can_revoke
from .signing import signature_ok

OFFICERS_AND_PRODUCERS = (*OFFICER_ROLES, Role.PRODUCER)
PAGE_SIZE = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _visible(user: Any) -> ScopedQuerySet:
    return Certificate.objects.select_related("product__producer__commune__province").visible_to(
        user
    )


@role_required(*OFFICERS_AND_PRODUCERS)
def certificate_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    certificates = form.apply(_visible(request.user))
    if request.GET.get("format") == "csv":
        return _csv_response(certificates)
    if request.GET.get("format") == "xlsx":
        return _xlsx_response(certificates)
    context = {
        "form": form,
        # The page from the certificates table alone, then its rows' product, producer and places.
        "page": page_of(
            request, certificates, ("product__producer__commune__province",), PAGE_SIZE
        ),
        "query": query_without_page(request),
    }
    return render(request, "certificates/certificate_list.html", context)


def _csv_response(certificates: ScopedQuerySet) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="giay-chung-nhan-ocop.csv"'
    response.write("\ufeff")  # so that Excel opens Vietnamese text as UTF-8
    writer = csv.writer(response)
    writer.writerow(export_header())
    writer.writerows(safe_row(row) for row in export_rows(certificates))
    return response


def _xlsx_response(certificates: ScopedQuerySet) -> HttpResponse:
    """The same header and rows as the CSV, as a workbook (the other lists export .xlsx)."""
    content = table_workbook(
        _("Giấy chứng nhận"), export_header(),
        (safe_row(row) for row in export_rows(certificates)), EXPORT_WIDTHS,
    )  # fmt: skip
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="giay-chung-nhan-ocop.xlsx"'
    return response


@role_required(*OFFICERS_AND_PRODUCERS)
def certificate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = get_visible_or_404(_visible(request.user), request.user, pk=pk)
    context = {
        "certificate": certificate,
        "status_today": certificate.status_on(timezone.localdate()),
        "can_revoke": can_revoke(request.user, certificate) and certificate.status in IN_FORCE,
        "superseded_by": getattr(certificate, "superseded_by", None),
        "notices": certificate.notices.visible_to(request.user).order_by("id"),
    }
    return render(request, "certificates/certificate_detail.html", context)


@role_required(*OFFICERS_AND_PRODUCERS)
def certificate_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = get_visible_or_404(_visible(request.user), request.user, pk=pk)
    response = HttpResponse(render_pdf(certificate), content_type="application/pdf")
    filename = f"giay-chung-nhan-{certificate.pk}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@role_required(Role.PROVINCE, Role.CENTRAL)
def certificate_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = get_visible_or_404(_visible(request.user), request.user, pk=pk)
    if not can_revoke(request.user, certificate):
        raise PermissionDenied
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not is_confirmed(request):
            return _revoke_confirmation(request, certificate, form.cleaned_data)
        try:
            services.certificate_revoke(
                actor=request.user,  # type: ignore[arg-type]  # role_required: logged in
                certificate=certificate,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã thu hồi giấy chứng nhận."))
            return redirect(certificate)
    return render(
        request, "certificates/certificate_revoke.html", {"certificate": certificate, "form": form}
    )


def _revoke_confirmation(
    request: HttpRequest, certificate: Certificate, data: dict[str, Any]
) -> HttpResponse:
    rows = [
        (_("Số giấy chứng nhận"), certificate.number),
        (_("Sản phẩm"), f"{certificate.product_name} ({certificate.stars}★)"),
        (_("Chủ thể"), certificate.producer_name),
        (_("Căn cứ thu hồi"), RevocationGround(data["ground"]).label),
        (_("Quyết định thu hồi"), f"{data['decision_number']} — {data['decision_date']:%d/%m/%Y}"),
        (_("Ngày có kết luận"), f"{data['conclusion_date']:%d/%m/%Y}"),
    ]
    return confirmation(
        request, title=_("Thu hồi giấy chứng nhận?"), rows=rows,
        button=_("Xác nhận thu hồi"), cancel_url=certificate.get_absolute_url(),
        notes=[_("Giấy chứng nhận bị thu hồi không thể khôi phục; trang xác minh công khai sẽ "
                 "báo “đã bị thu hồi” ngay.")],
    )  # fmt: skip


def verify(request: HttpRequest, token: str, signature: str) -> HttpResponse:
    """Public, no login: what the QR code on the certificate opens. A tampered or unknown URL
    answers 404 with a page that says so plainly and offers the look-up by number. The page is
    the same for everyone (no session, no user) and comes from the cache (verify_cache)."""
    page = verify_cache.page_for(token, request.path) if signature_ok(token, signature) else None
    if page is None:
        context = {"form": LookupForm(), "invalid": True}
        return render(request, "certificates/certificate_lookup.html", context, status=404)
    response = get_conditional_response(request, etag=page.etag) or HttpResponse(page.body)
    response.headers["ETag"] = page.etag
    # Revalidate on every scan: a revocation must show at once, and the 304 costs little.
    response.headers["Cache-Control"] = "no-cache"
    return response


def verify_lookup(request: HttpRequest) -> HttpResponse:
    """Public: the verification facts of the certificate with exactly the number typed."""
    form = LookupForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "searched": False}
    if form.is_valid():
        if lookup.lookup_allowed(client_address(request)):
            context["searched"] = True
            certificate = lookup.certificate_by_number(form.cleaned_data["number"])
            if certificate is not None:
                context.update(_verify_context(certificate))
        else:
            form.add_error(None, _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau một giờ."))
    return render(request, "certificates/certificate_lookup.html", context)


def _verify_context(certificate: Certificate) -> dict[str, Any]:
    return {
        "certificate": certificate,
        "status_today": certificate.status_on(timezone.localdate()),
        "superseded_by": getattr(certificate, "superseded_by", None),
    }
