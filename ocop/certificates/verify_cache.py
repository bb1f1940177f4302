"""The public verification page, rendered once per certificate, language and day, then served
from the cache with an ETag (a shopper's phone that has the page gets 304 Not Modified).

What a shopper sees depends only on the certificate's stored status (the revocation facts and the
newer certificate are written with it), the day (a valid certificate expires at midnight without
any write) and the language. Each hit still reads the one status column by the token's unique
index, so a status changed by another process (several workers, each with its own in-memory
cache) is never served stale; the services also forget the rendering after their commit
(`forget`), so a shared cache (OCOP_CACHE_DIR) holds no dead pages.

Nothing here reads the session or the user: the page is the same for everyone.
"""

import hashlib
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
# A safety net only (forget() and the status check keep the page right): a template or
# translation change after a deployment reaches every page within this time.
TIMEOUT_SECONDS = 3600


@dataclass(frozen=True)
class Page:
    status: str
    etag: str
    body: bytes


def page_key(token: str, language: str, day: date) -> str:
    return f"verify:{token}:{language}:{day.isoformat()}"


def page_for(token: str, path: str) -> Page | None:
    """The rendering of the certificate with `token` for the active language today, from the
    cache when its status has not changed since; None for an unknown token."""
    status = _status(token)
    if status is None:
        return None
    key = page_key(token, translation.get_language(), timezone.localdate())
    page = cache.get(key)
    if page is None or page.status != status:
        page = _render(token, path)
        if page is None:
            return None
        cache.set(key, page, TIMEOUT_SECONDS)
    return page


def _status(token: str) -> str | None:
    """The one column every scan reads, by the token's unique index. Plain SQL: on this path
    (a shopper's scan, thousands a second) building the ORM query costs more than running it."""
    with connection.cursor() as cursor:
        cursor.execute(STATUS_SQL, [token])
        row = cursor.fetchone()
    return row[0] if row else None


def forget(certificate: Certificate) -> None:
    """After the current transaction commits, drop the certificate's cached pages (every
    language, today), so the next scan renders the new status."""
    token = certificate.token
    today = timezone.localdate()
    keys = [page_key(token, code, today) for code, _name in settings.LANGUAGES]
    transaction.on_commit(lambda: cache.delete_many(keys))


def _render(token: str, path: str) -> Page | None:
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
    return Page(status=certificate.status, etag=etag, body=body)
