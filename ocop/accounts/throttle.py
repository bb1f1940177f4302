"""Login and password-reset throttling, counted in the database so every worker process agrees.

Login, within the window: a username is refused after LIMIT failures from one client, or after
LIMIT × WIDE failures from anywhere. A client with LIMIT × WIDE failures over any usernames is
"noisy" (someone is guessing from there, or it is an office NAT or an untrusted proxy that many
users share): from it each username gets only NOISY_PAIR_LIMIT wrong tries (one typo) instead of
LIMIT. The address itself is never locked, so a colleague behind the same address who types the
right password still gets in, while guessing from there slows to one try per username per window.
The per-pair rule means one attacker cannot keep a known account locked for everyone.
"""

import logging
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.utils import timezone

from ocop.core.text import search_key

from .models import LoginFailure, ResetRequest

logger = logging.getLogger(__name__)
WIDE = 4
NOISY_PAIR_LIMIT = 2


def _since(seconds: int):
    return timezone.now() - timedelta(seconds=seconds)


def is_throttled(username: str, address: str | None) -> bool:
    recent = LoginFailure.objects.filter(at__gte=_since(settings.LOGIN_FAILURE_WINDOW_SECONDS))
    limit = settings.LOGIN_FAILURE_LIMIT
    mine = recent.filter(username_key=search_key(username))
    pair = mine.filter(address=address).count()
    if pair >= limit or mine.count() >= limit * WIDE:
        return True
    noisy = bool(address) and recent.filter(address=address).count() >= limit * WIDE
    return noisy and pair >= NOISY_PAIR_LIMIT


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
    if address not in settings.TRUSTED_PROXIES:
        if "HTTP_X_FORWARDED_FOR" in request.META:
            _warn_untrusted_proxy(address)
        return address
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    untrusted = [h for h in hops if h and h not in settings.TRUSTED_PROXIES]
    return untrusted[-1] if untrusted else address


@lru_cache(maxsize=64)  # bounded: anyone can send the header
def _warn_untrusted_proxy(address: str | None) -> None:
    """Once per address and process: every user behind this proxy counts as one client."""
    logger.warning(
        "X-Forwarded-For from %s, which is not in OCOP_TRUSTED_PROXIES: login throttling sees "
        "every client behind it as one address (set OCOP_TRUSTED_PROXIES=%s).",
        address,
        address,
    )
