"""The public verification page, rendered once per certificate, language and day, then served
from the cache with an ETag (a shopper's phone that has the page gets 304 Not Modified).

What a shopper sees depends only on the certificate's stored status (the revocation facts and the
newer certificate are written with it), the day (a valid certificate expires at midnight without
any write) and the language. Every service that changes a certificate calls `forget` after its
commit: it gives the certificate a new *generation* in the cache (and drops today's pages).

Which cache is the authority depends on whether every worker shares it (ADR 0013):
- a shared cache (`OCOP_CACHE_DIR`, settings.OCOP_SHARED_CACHE): the cache is the authority. A
  scan reads the certificate's generation from it (a few bytes) and serves the page rendered
  under that generation (kept in this process's memory, else in the shared cache), without
  touching the database. A page rendered while a revocation committed carries the old
  generation, so it is never served after the revocation.
- the embedded default, an in-memory cache per process: another worker's `forget` cannot reach
  this one's memory, so each scan also reads the one status column by the token's unique index
  and renders again when the status differs from the cached page's.

Nothing here reads the session or the user: the page is the same for everyone.
"""

import hashlib
import secrets
import threading
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Certificate

TEMPLATE = "certificates/certificate_verify.html"
STATUS_SQL = "SELECT {status} FROM {table} WHERE {token} = %s".format(
    status=connection.ops.quote_name(str(Certificate._meta.get_field("status").column)),
    table=connection.ops.quote_name(Certificate._meta.db_table),
    token=connection.ops.quote_name(str(Certificate._meta.get_field("token").column)),
)
# A safety net only (forget() keeps the page right): a template or translation change after a
# deployment reaches every page within this time.
TIMEOUT_SECONDS = 3600


@dataclass(frozen=True)
class Page:
    status: str
    etag: str
    body: bytes
    generation: str = ""


def page_key(token: str, language: str, day: date) -> str:
    return f"verify:{token}:{language}:{day.isoformat()}"


def generation_key(token: str) -> str:
    return f"verify-generation:{token}"


def page_for(token: str, path: str) -> Page | None:
    """The rendering of the certificate with `token` for the active language today, from the
    cache while the certificate has not changed since; None for an unknown token."""
    key = page_key(token, translation.get_language(), timezone.localdate())
    if settings.OCOP_SHARED_CACHE:
        return _from_shared_cache(token, key, path)
    return _checked_against_database(token, key, path)


def _from_shared_cache(token: str, key: str, path: str) -> Page | None:
    """The cache is the authority: on a hit, one small cache read (the generation) and the page
    from this process's memory; no database."""
    generation = cache.get(generation_key(token))
    if generation is None:
        # Never seen (or evicted): a fresh, never repeated generation, so that no page rendered
        # under an older one can match it. Read before the database, as every render is.
        generation = secrets.token_hex(8)
        if not cache.add(generation_key(token), generation, None):
            generation = cache.get(generation_key(token), generation)
    page = _local.get(key)
    if page is not None and page.generation == generation:
        return page
    page = cache.get(key)  # rendered by another worker
    if page is None or page.generation != generation:
        page = _render(token, path, generation)
        if page is None:
            return None
        cache.set(key, page, TIMEOUT_SECONDS)
    _remember(key, page)
    return page


# This process's copies of the shared pages (each checked against the shared generation on every
# scan), so that a hit reads a few bytes from the shared cache, not a whole page.
_local: dict[str, Page] = {}
_local_lock = threading.Lock()  # writers only (threaded servers); a read is one dict.get
LOCAL_PAGES = 5000


def _remember(key: str, page: Page) -> None:
    with _local_lock:
        _local.pop(key, None)
        if len(_local) >= LOCAL_PAGES:
            _local.pop(next(iter(_local)), None)  # the oldest
        _local[key] = page


def _checked_against_database(token: str, key: str, path: str) -> Page | None:
    """A cache of this process only: the status column decides whether its page is still right."""
    status = _status(token)
    if status is None:
        return None
    page = cache.get(key)
    if page is None or page.status != status:
        page = _render(token, path)
        if page is None:
            return None
        cache.set(key, page, TIMEOUT_SECONDS)
    return page


def _status(token: str) -> str | None:
    """The one column a scan reads, by the token's unique index. Plain SQL: on this path (a
    shopper's scan, thousands a second) building the ORM query costs more than running it."""
    with connection.cursor() as cursor:
        cursor.execute(STATUS_SQL, [token])
        row = cursor.fetchone()
    return row[0] if row else None


def forget(certificate: Certificate) -> None:
    """After the current transaction commits, give the certificate a new generation (every
    cached page of it, any language or day, stops matching) and drop today's pages."""
    transaction.on_commit(lambda: forget_token(certificate.token))


def forget_token(token: str) -> None:
    cache.set(generation_key(token), secrets.token_hex(8), None)
    today = timezone.localdate()
    cache.delete_many([page_key(token, code, today) for code, _name in settings.LANGUAGES])


def _render(token: str, path: str, generation: str = "") -> Page | None:
    certificate = Certificate.objects.select_related("superseded_by").filter(token=token).first()
    if certificate is None:
        return None
    context = {
        "certificate": certificate,
        "status_today": certificate.status_on(timezone.localdate()),
        "superseded_by": getattr(certificate, "superseded_by", None),
        # Rendered without the request: the page is the same for everyone (no user, no messages,
        # no CSRF token); the language form returns here.
        "user": AnonymousUser(),
        "messages": (),
        "next_path": path,
    }
    body = render_to_string(TEMPLATE, context).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return Page(status=certificate.status, etag=etag, body=body, generation=generation)
