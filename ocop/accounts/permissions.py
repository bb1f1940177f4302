"""View guards: a role check that every view states, and a scoped fetch that 404s outside the scope."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .roles import Role


def role_required(*roles: str) -> Callable:
    """Anonymous → login page; a logged-in user without one of the roles → 403. Admins pass."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not (user.is_superuser or user.role == Role.ADMIN or user.role in roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def login_required(view: Callable) -> Callable:
    """Any logged-in user (every role)."""
    return role_required(*Role.values)(view)


def get_visible_or_404(queryset, user, **lookup):
    """One object the user may see, or 404 (never 403: we do not confirm that it exists)."""
    return get_object_or_404(queryset.visible_to(user), **lookup)
