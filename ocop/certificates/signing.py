"""The public verification URL: `/verify/<token>/<signature>/`.

The token (secrets.token_urlsafe(24), 32 characters) is unguessable on its own; the signature is
Django's HMAC (SECRET_KEY, salted for this use) over the token. A URL whose token or signature was
altered is refused with 404 before the database is asked, so guessing costs nothing but also
reveals nothing. Rotating SECRET_KEY invalidates the printed QR codes, so keep the old key in
SECRET_KEY_FALLBACKS when rotating.
"""

import secrets

from django.core import signing
from django.urls import reverse

SALT = "ocop.certificates.verify"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def sign(token: str) -> str:
    return signing.Signer(salt=SALT).sign(token).rsplit(":", 1)[1]


def signature_ok(token: str, signature: str) -> bool:
    """Constant-time check; also accepts signatures made with SECRET_KEY_FALLBACKS."""
    try:
        signing.Signer(salt=SALT).unsign(f"{token}:{signature}")
    except signing.BadSignature:
        return False
    return True


def verification_path(token: str) -> str:
    return reverse("certificates:verify", args=[token, sign(token)])
