"""Login and password-reset throttling, counted in the database so every worker process agrees.

Login: refused after LIMIT failures for one username from one client, or LIMIT × WIDE failures
for one username from anywhere or from one client for any username (within the window). The
per-pair rule means one attacker cannot keep a known account locked for everyone.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from ocop.core.text import search_key

from .models import LoginFailure, ResetRequest

WIDE = 4


def _since(seconds: int):
    return timezone.now() - timedelta(seconds=seconds)


def is_throttled(username: str, address: str | None) -> bool:
    recent = LoginFailure.objects.filter(at__gte=_since(settings.LOGIN_FAILURE_WINDOW_SECONDS))
    limit = settings.LOGIN_FAILURE_LIMIT
    mine = recent.filter(username_key=search_key(username))
    if mine.filter(address=address).count() >= limit or mine.count() >= limit * WIDE:
        return True
    return bool(address) and recent.filter(address=address).count() >= limit * WIDE


def record_failure(username: str, address: str | None) -> None:
    LoginFailure.objects.create(username_key=search_key(username)[:150], address=address or None)


def clear_failures(username: str) -> None:
    LoginFailure.objects.filter(username_key=search_key(username)).delete()


def reset_allowed(email: str, address: str | None) -> bool:
    """Record a password-reset request; False once this e-mail or client asked too often."""
    recent = ResetRequest.objects.filter(at__gte=_since(3600))
    limit = settings.PASSWORD_RESET_LIMIT
    key = email.strip().casefold()[:254]
    allowed = recent.filter(email_key=key).count() < limit and (
        not address or recent.filter(address=address).count() < limit * WIDE
    )
    ResetRequest.objects.create(email_key=key, address=address or None)
    return allowed


def client_address(request) -> str | None:
    """The client's address; behind a trusted reverse proxy, the nearest untrusted hop of
    X-Forwarded-For (so users behind nginx are not all one address)."""
    address = request.META.get("REMOTE_ADDR") or None
    if address in settings.TRUSTED_PROXIES:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        untrusted = [h for h in hops if h and h not in settings.TRUSTED_PROXIES]
        if untrusted:
            return untrusted[-1]
    return address
