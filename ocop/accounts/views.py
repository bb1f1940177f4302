from django.apps import apps
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from ocop.core.models import AuditEntry

from .models import Notification
from .navigation import entries_for
from .permissions import get_visible_or_404, login_required, role_required
from .roles import OFFICER_ROLES
from .services import notification_mark_read


def home(request):
    """The landing page: public welcome for visitors, the role's starting points for users."""
    return render(request, "accounts/home.html", {"shortcuts": entries_for(request.user)[1:]})


@role_required(*OFFICER_ROLES)
def audit_history(request, app_label: str, model_name: str, pk: str):
    """The audit trail of one object, for officers who may see that object."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404 from exc
    queryset = model._default_manager.all()
    if not hasattr(queryset, "visible_to"):
        raise Http404
    try:
        key = model._meta.pk.to_python(pk)
    except ValidationError as exc:  # "abc" for an integer key
        raise Http404 from exc
    obj = get_visible_or_404(queryset, request.user, pk=key)
    entries = AuditEntry.objects.filter(
        content_type__app_label=app_label, content_type__model=model_name, object_id=str(obj.pk)
    ).select_related("actor")
    return render(request, "core/auditentry_list.html", {"object": obj, "entries": entries})


@login_required
def notification_list(request):
    """The user's own notifications; opening the page marks them read."""
    items = list(Notification.objects.filter(recipient=request.user)[:200])
    if request.method == "POST":
        notification_mark_read(user=request.user)
        return redirect("notification_list")
    return render(request, "accounts/notification_list.html", {"notifications": items})
