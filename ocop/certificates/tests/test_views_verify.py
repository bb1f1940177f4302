"""The public verification page for bad URLs, and the look-up by exact certificate number."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from ocop.accounts.testing import client_for
from ocop.certificates.signing import sign, verification_path

pytestmark = pytest.mark.django_db
INVALID = "Không xác minh được — giấy chứng nhận không hợp lệ"
LOOKUP = "/verify/lookup/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("tamper", ["token", "signature", "both"])
def test_tampered_url_says_plainly_it_is_invalid_and_how_to_check(certificate_p, tamper):
    token, signature = certificate_p.token, sign(certificate_p.token)
    if tamper in ("token", "both"):
        token = ("A" if token[0] != "A" else "B") + token[1:]
    if tamper in ("signature", "both"):
        signature = ("A" if signature[0] != "A" else "B") + signature[1:]
    response = client_for(None).get(reverse("certificates:verify", args=[token, signature]))
    assert response.status_code == 404
    body = response.content.decode()
    assert INVALID in body
    assert f'action="{LOOKUP}"' in body
    assert certificate_p.number not in body and certificate_p.product_name not in body
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in body


def test_invalid_page_in_english_when_chosen(certificate_p, settings):
    client = client_for(None)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("certificates:verify", args=["x" * 32, "y" * 43]))
    assert response.status_code == 404
    assert "Cannot verify — the certificate is not valid" in response.content.decode()


def test_lookup_by_exact_number_shows_the_public_facts(certificate_p):
    response = client_for(None).get(LOOKUP, {"number": f"  {certificate_p.number.lower()} "})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-verdict="valid"' in body
    for fact in (certificate_p.number, certificate_p.product_name, certificate_p.producer_name):
        assert fact in body
    assert certificate_p.token not in body


def test_lookup_is_exact_match_only(certificate_p):
    prefix = certificate_p.number[:5]
    response = client_for(None).get(LOOKUP, {"number": prefix})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-verdict="not-found"' in body
    assert certificate_p.product_name not in body


def test_lookup_form_without_number_shows_only_the_form(certificate_p):
    body = client_for(None).get(LOOKUP).content.decode()
    assert 'name="number"' in body and "data-verdict" not in body


def test_lookups_are_limited_per_client(certificate_p, settings):
    settings.VERIFY_LOOKUP_LIMIT = 2
    client = client_for(None)
    for _ in range(2):
        assert (
            certificate_p.product_name
            in client.get(LOOKUP, {"number": certificate_p.number}).content.decode()
        )
    refused = client.get(LOOKUP, {"number": certificate_p.number}).content.decode()
    assert "tra cứu quá nhiều lần" in refused
    assert certificate_p.product_name not in refused
    other = client_for(None).get(LOOKUP, {"number": certificate_p.number}, REMOTE_ADDR="10.2.2.2")
    assert certificate_p.product_name in other.content.decode()


def test_valid_url_still_verifies(certificate_p):
    response = client_for(None).get(verification_path(certificate_p.token))
    assert response.status_code == 200
    assert 'data-verdict="valid"' in response.content.decode()
