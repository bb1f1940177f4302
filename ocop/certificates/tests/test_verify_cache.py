"""The public verification page from the cache: right at once after every status change, the same
for everyone (no session, no user), with an ETag and 304 Not Modified."""

from datetime import date

import pytest
from django.core.cache import cache
from django.utils import timezone

from ocop.accounts.testing import client_for
from ocop.certificates import services, verify_cache
from ocop.certificates.signing import verification_path

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def revoke(certificate, actor):
    return services.certificate_revoke(
        actor=actor, certificate=certificate, ground="mark_misuse",
        conclusion_date=date(2026, 11, 20), decision_number="15/QĐ-UBND",
        decision_date=date(2026, 11, 25),
    )  # fmt: skip


def test_a_revoked_certificate_shows_revoked_at_once_with_a_new_etag(personas, certificate_p):
    url = verification_path(certificate_p.token)
    before = client_for(None).get(url)
    assert 'data-verdict="valid"' in before.content.decode()
    revoke(certificate_p, personas["province_p"])
    after = client_for(None).get(url)
    assert 'data-verdict="revoked"' in after.content.decode()
    assert "15/QĐ-UBND" in after.content.decode()
    assert after["ETag"] != before["ETag"]


def test_the_old_etag_is_not_answered_304_after_a_revocation(personas, certificate_p):
    url = verification_path(certificate_p.token)
    etag = client_for(None).get(url)["ETag"]
    revoke(certificate_p, personas["province_p"])
    response = client_for(None).get(url, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert 'data-verdict="revoked"' in response.content.decode()


def test_the_service_forgets_the_cached_page_after_commit(
    personas, certificate_p, django_capture_on_commit_callbacks
):
    client_for(None).get(verification_path(certificate_p.token))
    key = verify_cache.page_key(certificate_p.token, "vi", timezone.localdate())
    assert cache.get(key).status == "valid"
    with django_capture_on_commit_callbacks(execute=True):
        revoke(certificate_p, personas["province_p"])
    assert cache.get(key) is None


def test_supersede_and_refresh_forget_the_page_too(
    product_p, certificate_p, django_capture_on_commit_callbacks
):
    from .conftest import issue

    key = verify_cache.page_key(certificate_p.token, "vi", timezone.localdate())
    client_for(None).get(verification_path(certificate_p.token))
    with django_capture_on_commit_callbacks(execute=True):
        newer = issue(product_p, stars=4, issue_date=date(2026, 10, 1), supersedes=certificate_p)
    assert cache.get(key) is None
    newer_key = verify_cache.page_key(newer.token, "vi", timezone.localdate())
    client_for(None).get(verification_path(newer.token))
    assert cache.get(newer_key) is not None
    with django_capture_on_commit_callbacks(execute=True):
        services.certificates_refresh(today=date(2031, 1, 1))
    assert cache.get(newer_key) is None


def test_if_none_match_answers_304_without_a_body(certificate_p):
    url = verification_path(certificate_p.token)
    first = client_for(None).get(url)
    assert first.status_code == 200 and first["Cache-Control"] == "no-cache"
    again = client_for(None).get(url, headers={"if-none-match": first["ETag"]})
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", first["ETag"])
    other = client_for(None).get(url, headers={"if-none-match": '"something-else"'})
    assert other.status_code == 200


def test_a_signed_in_officer_gets_the_page_everyone_gets_without_session_work(
    personas, certificate_p, django_assert_num_queries
):
    url = verification_path(certificate_p.token)
    anonymous = client_for(None).get(url)
    officer = client_for(personas["province_p"])
    with django_assert_num_queries(1):  # the certificate's status; no session, no user
        response = officer.get(url)
    assert response.content == anonymous.content
    assert response.cookies == {}
    assert 'name="csrfmiddlewaretoken"' not in response.content.decode()


def test_english_is_cached_apart_from_vietnamese(certificate_p, settings):
    url = verification_path(certificate_p.token)
    vietnamese = client_for(None).get(url)
    english_client = client_for(None)
    english_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = english_client.get(url)
    assert 'lang="en"' in english.content.decode()
    assert 'lang="vi"' in vietnamese.content.decode()
    assert english["ETag"] != vietnamese["ETag"]


def test_the_language_form_on_the_cached_page_works_without_a_csrf_token(certificate_p):
    client = client_for(None)
    client.handler.enforce_csrf_checks = True
    url = verification_path(certificate_p.token)
    assert f'name="next" value="{url}"' in client.get(url).content.decode()
    response = client.post("/i18n/setlang/", {"language": "en", "next": url})
    assert (response.status_code, response["Location"]) == (302, url)
    assert 'lang="en"' in client.get(url).content.decode()
