"""The verification page with a cache every worker shares (OCOP_CACHE_DIR, ADR 0013): the cache
is the authority, a scan costs no database query, and a certificate changed in one process shows
the change at once in every other."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.cache.backends.filebased import FileBasedCache

from ocop.accounts.testing import client_for
from ocop.certificates import services, verify_cache
from ocop.certificates.signing import verification_path

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def shared_dir(settings, tmp_path):
    directory = tmp_path / "cache"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(directory),
        }
    }
    settings.OCOP_SHARED_CACHE = True
    verify_cache._local.clear()
    yield directory
    cache.clear()
    verify_cache._local.clear()


def revoke(certificate, actor, callbacks):
    with callbacks(execute=True):
        services.certificate_revoke(
            actor=actor, certificate=certificate, ground="mark_misuse",
            conclusion_date=date(2026, 11, 20), decision_number="15/QĐ-UBND",
            decision_date=date(2026, 11, 25),
        )  # fmt: skip


def verdict(certificate) -> str:
    body = client_for(None).get(verification_path(certificate.token)).content.decode()
    return body.split('data-verdict="', 1)[1].split('"', 1)[0]


def test_a_cached_scan_reads_nothing_from_the_database(
    shared_dir, certificate_p, django_assert_num_queries
):
    url = verification_path(certificate_p.token)
    first = client_for(None).get(url)
    with django_assert_num_queries(0):
        again = client_for(None).get(url)
    assert (again.status_code, again.content, again["ETag"]) == (200, first.content, first["ETag"])


def test_a_revocation_through_another_cache_client_shows_at_once(
    shared_dir, certificate_p, personas, monkeypatch, django_capture_on_commit_callbacks
):
    """Two workers: each its own cache client on the same directory and its own page memory."""
    worker_a = (FileBasedCache(str(shared_dir), {}), {})
    worker_b = (FileBasedCache(str(shared_dir), {}), {})

    def become(worker):
        monkeypatch.setattr(verify_cache, "cache", worker[0])
        monkeypatch.setattr(verify_cache, "_local", worker[1])

    become(worker_a)
    assert verdict(certificate_p) == "valid"
    become(worker_b)
    assert verdict(certificate_p) == "valid"
    revoke(certificate_p, personas["province_p"], django_capture_on_commit_callbacks)
    assert verdict(certificate_p) == "revoked"
    become(worker_a)
    assert worker_a[1] and all(p.status == "valid" for p in worker_a[1].values())  # its old copy
    assert verdict(certificate_p) == "revoked"


def test_a_change_forgotten_by_another_process_shows_at_once(
    shared_dir, certificate_p, personas, monkeypatch, django_capture_on_commit_callbacks
):
    """A real second process (a gunicorn worker that revoked) clears the page in this one's view:
    here the revocation is written without this process forgetting anything, then the other
    process calls forget for the token."""
    url = verification_path(certificate_p.token)
    assert 'data-verdict="valid"' in client_for(None).get(url).content.decode()
    monkeypatch.setattr(verify_cache, "forget", lambda certificate: None)
    revoke(certificate_p, personas["province_p"], django_capture_on_commit_callbacks)
    assert 'data-verdict="valid"' in client_for(None).get(url).content.decode()  # trusted cache
    env = {**os.environ, "OCOP_CACHE_DIR": str(shared_dir), "DJANGO_SETTINGS_MODULE": "config.settings",
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    code = (
        "import sys, django; django.setup(); "
        "from ocop.certificates.verify_cache import forget_token; forget_token(sys.argv[1])"
    )
    subprocess.run([sys.executable, "-c", code, certificate_p.token], env=env, check=True, cwd=ROOT)
    assert 'data-verdict="revoked"' in client_for(None).get(url).content.decode()


def test_a_page_rendered_while_a_revocation_commits_is_not_served_after_it(
    shared_dir, certificate_p, personas, monkeypatch, django_capture_on_commit_callbacks
):
    """A scan reads the certificate (valid), the revocation commits and forgets the page, then
    the scan stores what it rendered: the stored page carries the old generation."""
    render = verify_cache._render

    def render_then_revoke(*args, **kwargs):
        page = render(*args, **kwargs)
        monkeypatch.setattr(verify_cache, "_render", render)
        revoke(certificate_p, personas["province_p"], django_capture_on_commit_callbacks)
        return page

    monkeypatch.setattr(verify_cache, "_render", render_then_revoke)
    assert verdict(certificate_p) == "valid"  # the scan that was in flight
    assert verdict(certificate_p) == "revoked"


def test_an_evicted_generation_never_matches_an_older_page(
    shared_dir, certificate_p, personas, monkeypatch, django_capture_on_commit_callbacks
):
    url = verification_path(certificate_p.token)
    client_for(None).get(url)
    monkeypatch.setattr(verify_cache, "forget", lambda certificate: None)
    revoke(certificate_p, personas["province_p"], django_capture_on_commit_callbacks)
    cache.delete(verify_cache.generation_key(certificate_p.token))  # culled by the cache
    assert 'data-verdict="revoked"' in client_for(None).get(url).content.decode()


def test_every_language_and_the_etag_follow_a_revocation(
    shared_dir, certificate_p, personas, settings, django_capture_on_commit_callbacks
):
    url = verification_path(certificate_p.token)
    english = client_for(None)
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    etag = english.get(url)["ETag"]
    client_for(None).get(url)
    revoke(certificate_p, personas["province_p"], django_capture_on_commit_callbacks)
    response = english.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()
    assert 'data-verdict="revoked"' in response.content.decode()
    assert verdict(certificate_p) == "revoked"


def test_an_unknown_token_is_not_found(shared_dir):
    assert verify_cache.page_for("no-such-token", "/verify/x/y/") is None
