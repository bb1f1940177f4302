"""Login throttling by username and by address, counted in the database."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from ocop.core.text import search_key

from .models import LoginFailure

# One address may try several usernames; allow it more failures than one username.
ADDRESS_FACTOR = 4


def _since():
    return timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def is_throttled(username: str, address: str | None) -> bool:
    recent = LoginFailure.objects.filter(at__gte=_since())
    limit = settings.LOGIN_FAILURE_LIMIT
    if recent.filter(username_key=search_key(username)).count() >= limit:
        return True
    return bool(address) and recent.filter(address=address).count() >= limit * ADDRESS_FACTOR


def record_failure(username: str, address: str | None) -> None:
    LoginFailure.objects.create(username_key=search_key(username)[:150], address=address or None)


def clear_failures(username: str) -> None:
    LoginFailure.objects.filter(username_key=search_key(username)).delete()


def client_address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None
