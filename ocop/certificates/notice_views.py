"""Written notices: the list of one's notices and the letter's PDF, for its recipients and the
officers in scope only (Notice.objects.visible_to)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ocop.accounts.permissions import get_visible_or_404, role_required
from ocop.accounts.roles import OFFICER_ROLES, Role
from ocop.core.paging import page_of, query_without_page

from .notice_models import Notice
from .notice_pdf import notice_pdf as render_notice

OFFICERS_AND_PRODUCERS = (*OFFICER_ROLES, Role.PRODUCER)


@role_required(*OFFICERS_AND_PRODUCERS)
def notice_list(request: HttpRequest) -> HttpResponse:
    notices = Notice.objects.visible_to(request.user).order_by("-created_at", "-id")
    page = page_of(request, notices)
    return render(request, "certificates/notice_list.html",
                  {"page": page, "notices": page, "query": query_without_page(request)})  # fmt: skip


@role_required(*OFFICERS_AND_PRODUCERS)
def notice_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_visible_or_404(Notice.objects.all(), request.user, pk=pk)
    response = HttpResponse(render_notice(notice), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="thong-bao-{notice.pk}.pdf"'
    return response
