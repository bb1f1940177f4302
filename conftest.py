import os

import pytest
from hypothesis import HealthCheck, settings

# Property tests must not fail because a shared CI machine is slow: no per-example deadline.
settings.register_profile("ocop", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ocop")

pytest_plugins = ["ocop.accounts.testing", "tests.browser"]


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    """Tests hash with MD5 for speed; production uses Argon2 (checked in test_settings)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cache keys made of ids (the catalogue's counts and
    facets, ADR 0008) could otherwise meet a previous test's entries, as ids start again after
    a rollback on SQLite."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _pgbouncer_releases_test_databases(request):
    """Behind pgbouncer (OCOP_TEST_PGBOUNCER_ADMIN, its admin console's URL) the pool keeps
    server connections to the test database, so DROP DATABASE at the end would fail: this
    fixture's teardown runs just before the test database's and closes them (KILL, RESUME)."""
    admin_url = os.environ.get("OCOP_TEST_PGBOUNCER_ADMIN", "")
    if not admin_url:
        yield
        return
    request.getfixturevalue("django_db_setup")
    yield
    import psycopg
    from django.db import connections

    names = {c.settings_dict["NAME"] for c in connections.all() if c.vendor == "postgresql"}
    connections.close_all()
    # The admin console speaks only the simple query protocol: a client-side-binding cursor.
    with psycopg.connect(admin_url, autocommit=True, cursor_factory=psycopg.ClientCursor) as admin:
        for name in names:
            admin.execute(f'KILL "{name}"')
            admin.execute(f'RESUME "{name}"')  # KILL also pauses it: the next run connects again
