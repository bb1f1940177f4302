"""Offline scoring for a member: download the workbook of their open sheets, upload it back."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import role_required
from ocop.accounts.roles import Role

from ..access import seat_of
from ..forms_council import WorkbookUploadForm
from ..messages import text
from ..models import Session
from ..services.workbooks import workbook_for, workbook_import
from ..spreadsheets import MAX_WORKBOOK_BYTES, TOO_BIG
from .common import error_text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _seat(request, pk: int):
    session = get_object_or_404(Session.objects.select_related("council"), pk=pk)
    seat = seat_of(request.user, session.council)
    if seat is None or not seat.scores:
        raise Http404
    return session, seat


@role_required(Role.COUNCIL_MEMBER)
def workbook_download(request, pk: int):
    session, seat = _seat(request, pk)
    try:
        data = workbook_for(seat, session)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("evaluation:my_sheets")
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="phieu-cham-{session.pk}-{seat.pk}.xlsx"'
    )
    return response


@require_POST
@role_required(Role.COUNCIL_MEMBER)
def workbook_upload(request, pk: int):
    session, seat = _seat(request, pk)
    form = WorkbookUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Vui lòng chọn tệp bảng tính."))
        return redirect("evaluation:my_sheets")
    upload = form.cleaned_data["file"]
    if upload.size > MAX_WORKBOOK_BYTES:  # refused before the bytes are read into memory
        messages.error(request, _("Không ghi phiếu nào: ") + text(TOO_BIG))
        return redirect("evaluation:my_sheets")
    try:
        count = workbook_import(actor=request.user, member=seat, session=session,
                                data=upload.read())  # fmt: skip
    except ValidationError as error:
        messages.error(request, _("Không ghi phiếu nào: ") + error_text(error))
    else:
        messages.success(request, _("Đã ghi %(n)s phiếu nháp từ bảng tính.") % {"n": count})
    return redirect("evaluation:my_sheets")
