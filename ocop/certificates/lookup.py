"""The public look-up by certificate number: exact matches only, a few per client per hour.

Counted in the cache (per process unless OCOP_CACHE_DIR shares it): the facts shown are public
anyway (the verification page shows them to anyone with the QR code); the limit only keeps the
numbering from being walked quickly.
"""

from django.conf import settings
from django.core.cache import cache

from .models import Certificate

WINDOW_SECONDS = 3600


def lookup_allowed(address: str | None) -> bool:
    """Count one look-up for this client; False once it made VERIFY_LOOKUP_LIMIT this hour."""
    key = f"ocop:verify-lookup:{address or '-'}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= settings.VERIFY_LOOKUP_LIMIT


def certificate_by_number(number: str) -> Certificate | None:
    """The certificate with exactly this number (letter case aside), or None."""
    return Certificate.objects.select_related("superseded_by").filter(number__iexact=number).first()
