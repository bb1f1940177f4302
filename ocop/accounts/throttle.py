"""Login and password-reset throttling, counted in the database so every worker process agrees.

Login, within the window:
- a username is refused after LIMIT failures from one client, or after LIMIT × WIDE failures from
  anywhere (per-username protection against guessing; the per-pair rule means one attacker cannot
  keep a known account locked for everyone);
- a client with LIMIT × WIDE failures over any usernames is "noisy" (someone is guessing from
  there, or it is an office NAT, or an untrusted proxy that every user shares). It is slowed down,
  never locked: one attempt is checked every 2, 4, 8 … up to MAX_DELAY seconds (doubling every
  LIMIT further failures), earlier ones are asked to wait, and each username gets only
  NOISY_PAIR_LIMIT wrong tries (one typo) from there. A browser that has signed in to that
  account before (a signed "known device" cookie, as OWASP suggests) is not slowed at all, so a
  colleague behind the same address still gets in with the right password while an attack runs.
"""

import logging
import math
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.core import signing
from django.db.models import Max
from django.utils import timezone

from ocop.core.text import search_key

from .models import LoginFailure, ResetRequest

logger = logging.getLogger(__name__)
WIDE = 4
NOISY_PAIR_LIMIT = 2
MAX_DELAY = 60
DEVICE_COOKIE = "ocop_device"
DEVICE_SALT = "ocop.accounts.known-device"
DEVICE_USERNAMES = 5
DEVICE_MAX_AGE = 365 * 24 * 3600


def _since(seconds: int):
    return timezone.now() - timedelta(seconds=seconds)


def _recent():
    return LoginFailure.objects.filter(at__gte=_since(settings.LOGIN_FAILURE_WINDOW_SECONDS))


def is_throttled(username: str, address: str | None, *, known_device: bool = False) -> bool:
    """True when this username may not try from this client until the window passes."""
    recent = _recent()
    limit = settings.LOGIN_FAILURE_LIMIT
    mine = recent.filter(username_key=search_key(username))
    pair = mine.filter(address=address).count()
    if pair >= limit or mine.count() >= limit * WIDE:
        return True
    if known_device or not address or pair < NOISY_PAIR_LIMIT:
        return False
    return recent.filter(address=address).count() >= limit * WIDE


def address_wait(address: str | None) -> int:
    """Seconds this (noisy) client must wait before its next attempt is checked; 0 = now."""
    if not address:
        return 0
    failures = _recent().filter(address=address)
    count, threshold = failures.count(), settings.LOGIN_FAILURE_LIMIT * WIDE
    if count < threshold:
        return 0
    delay = min(MAX_DELAY, 2 ** ((count - threshold) // settings.LOGIN_FAILURE_LIMIT + 1))
    last = failures.aggregate(last=Max("at"))["last"]
    return max(0, math.ceil(delay - (timezone.now() - last).total_seconds()))


def _device_usernames(request) -> list[str]:
    try:
        value = signing.loads(
            request.COOKIES.get(DEVICE_COOKIE, ""), salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE
        )
    except signing.BadSignature:
        return []
    return [key for key in value if isinstance(key, str)] if isinstance(value, list) else []


def known_device(request, username: str) -> bool:
    """Whether this browser has signed in to this account before (signed cookie, not forgeable)."""
    return search_key(username) in _device_usernames(request)


def remember_device(request, response, username: str) -> None:
    """After a successful login: remember this account in the browser's known-device cookie."""
    key = search_key(username)[:150]
    keys = [key, *(k for k in _device_usernames(request) if k != key)][:DEVICE_USERNAMES]
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps(keys, salt=DEVICE_SALT),
        max_age=DEVICE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


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
