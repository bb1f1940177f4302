"""Public reads on a read replica (ADR 0011): the router, and a real PostgreSQL streaming replica.

The real-replica test needs OCOP_TEST_REPLICA_URL: a superuser URL of a hot standby of the
test server (CI builds one with pg_basebackup). It pauses the standby's replay to make the lag
certain, revokes a certificate on the primary, and checks that the verification page says revoked
at once while the replica still holds the old row.
"""

import os
import time
from datetime import date
from types import SimpleNamespace
from urllib.parse import urlparse

import psycopg
import pytest
from django.db import connection, connections

from ocop.accounts.testing import client_for
from ocop.certificates import services
from ocop.certificates.models import Certificate
from ocop.certificates.signing import verification_path
from ocop.core import routers
from ocop.core.routers import ReplicaRouter, is_public_read, replica_reads
from ocop.registry.models import Product

REPLICA_URL = os.environ.get("OCOP_TEST_REPLICA_URL", "")


@pytest.mark.parametrize(
    ("method", "path", "public"),
    [
        ("GET", "/catalogue/", True),
        ("HEAD", "/01/08930000000012", True),
        ("GET", "/api/v1/products/", True),
        ("GET", "/open-data/", True),
        ("GET", "/verify/abc/def/", True),
        ("POST", "/verify/lookup/", False),
        ("GET", "/products/", False),
        ("GET", "/applications/", False),
        ("GET", "/", False),
    ],
)
def test_only_public_gets_are_replica_reads(method, path, public):
    assert is_public_read(method, path) is public


class _FakeConnections:
    """A connection handler with a "replica" alias and a primary outside any transaction."""

    def __init__(self):
        self.settings = {"default": {}, "replica": {}}
        self.primary = SimpleNamespace(in_atomic_block=False)

    def __getitem__(self, alias):
        return self.primary


@pytest.fixture
def fake_replica(monkeypatch):
    fake = _FakeConnections()
    monkeypatch.setattr(routers, "connections", fake)
    return fake


def test_router_sends_public_reads_to_the_replica_but_certificates_to_the_primary(fake_replica):
    router = ReplicaRouter()
    assert router.db_for_read(Product) is None  # outside a public request: the default
    with replica_reads():
        assert router.db_for_read(Product) == "replica"
        assert router.db_for_read(Certificate) == "default"
        fake_replica.primary.in_atomic_block = True
        assert router.db_for_read(Product) == "default"  # inside a transaction: the primary
    assert router.db_for_write(Product) == "default"
    assert router.allow_migrate("replica", "registry") is False
    assert router.allow_migrate("default", "registry") is True


def test_without_a_replica_every_read_stays_on_the_default():
    with replica_reads():
        assert ReplicaRouter().db_for_read(Product) is None


def _wait_for(check, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("the replica did not catch up in time")
        time.sleep(0.05)


@pytest.fixture
def replica(settings):
    """Point a "replica" alias at the standby's copy of this test database, route through it."""
    if connection.vendor != "postgresql":
        pytest.skip("a streaming replica needs PostgreSQL")  # the SQLite run has no replica
    if not REPLICA_URL:
        if os.environ.get("CI") == "true":
            pytest.fail("CI: OCOP_TEST_REPLICA_URL is not set (.ci/run starts a standby)")
        pytest.skip("set OCOP_TEST_REPLICA_URL to a hot standby of the test server")
    parts = urlparse(REPLICA_URL)
    primary = connections["default"].settings_dict
    entry = {**primary, "HOST": parts.hostname, "PORT": str(parts.port or 5432)}
    connections.settings["replica"] = entry
    # Connect now: the test case refuses new connections to aliases it does not manage (and must
    # not manage this one: it would try to create and flush a database on a read-only standby).
    connections["replica"].connect()
    settings.DATABASE_ROUTERS = ["ocop.core.routers.ReplicaRouter"]
    admin = psycopg.connect(REPLICA_URL, autocommit=True)
    yield admin
    admin.execute("SELECT pg_wal_replay_resume()")
    admin.close()
    connections["replica"].close()
    del connections["replica"]
    del connections.settings["replica"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("shared_cache", [False, True], ids=["per-process cache", "shared cache"])
def test_a_revocation_shows_at_once_although_the_replica_lags(
    replica, certificate_p, personas, shared_cache, settings, tmp_path
):
    if shared_cache:  # ADR 0013: the cache is the authority, the page is cached before
        backend = "django.core.cache.backends.filebased.FileBasedCache"
        settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": str(tmp_path)}}
        settings.OCOP_SHARED_CACHE = True
        with replica_reads():
            before = client_for(None).get(verification_path(certificate_p.token))
        assert 'data-verdict="valid"' in before.content.decode()
    product_id = certificate_p.product_id
    _wait_for(lambda: Certificate.objects.using("replica").filter(pk=certificate_p.pk).exists())
    replica.execute("SELECT pg_wal_replay_pause()")
    services.certificate_revoke(
        actor=personas["province_p"],
        certificate=certificate_p,
        ground="mark_misuse",
        conclusion_date=date(2026, 11, 1),
        decision_number="77/QĐ-UBND",
        decision_date=date(2026, 11, 20),
    )
    # The replica has not seen the revocation (replay is paused): the lag is real…
    stale = Certificate.objects.using("replica").get(pk=certificate_p.pk)
    assert stale.status == "valid"
    with replica_reads():
        # …public reads of other models do come from it…
        assert Product.objects.get(pk=product_id).certificate_status == "valid"
        # …yet the verification page reads the certificate from the primary.
        response = client_for(None).get(verification_path(certificate_p.token))
    assert response.status_code == 200
    assert 'data-verdict="revoked"' in response.content.decode()
