from django.apps import apps
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from ocop.core.models import AuditEntry
from ocop.core.paging import page_of

from . import throttle
from .forms import ThrottledLoginForm
from .models import Notification, Role
from .navigation import entries_for
from .permissions import get_visible_or_404, login_required, role_required
from .roles import OFFICER_ROLES
from .services import notification_mark_read


class LoginView(auth_views.LoginView):
    """Django's login with throttling; producers stay signed in for two weeks (every other role
    keeps the default SESSION_COOKIE_AGE, a working day). A successful login marks the browser as
    a known device for that account (not slowed down when its network is, throttle.py)."""

    authentication_form = ThrottledLoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        if user.role == Role.PRODUCER:
            self.request.session.set_expiry(settings.PRODUCER_SESSION_AGE)
        throttle.remember_device(self.request, response, user.get_username())
        return response


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
    page = page_of(request, entries, size=50)
    return render(
        request, "core/auditentry_list.html", {"object": obj, "entries": page, "page": page}
    )


@login_required
def notification_list(request):
    """The user's own notifications; opening the page marks them read."""
    if request.method == "POST":
        notification_mark_read(user=request.user)
        return redirect("notification_list")
    page = page_of(request, Notification.objects.filter(recipient=request.user), size=50)
    return render(request, "accounts/notification_list.html", {"notifications": page, "page": page})
