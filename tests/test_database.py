import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_suite_runs_on_the_database_it_was_asked_for():
    """CI runs the suite twice; this proves the second run really is on PostgreSQL."""
    expected = os.environ.get("OCOP_EXPECT_DB") or (
        "postgresql" if os.environ.get("DATABASE_URL") else "sqlite"
    )
    assert connection.vendor == expected


def test_behind_pgbouncer_no_server_side_cursors(monkeypatch):
    """OCOP_PGBOUNCER=1: transaction pooling hands each transaction to any server connection, so
    cursors that outlive a transaction must not be used (ADR 0011)."""
    from config.settings import database_from_url

    url = "postgres://ocop:secret@127.0.0.1:6432/ocop"
    monkeypatch.delenv("OCOP_PGBOUNCER", raising=False)
    assert "DISABLE_SERVER_SIDE_CURSORS" not in database_from_url(url)
    monkeypatch.setenv("OCOP_PGBOUNCER", "1")
    entry = database_from_url(url)
    assert entry["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert entry["OPTIONS"] == {"prepare_threshold": None}
    assert (entry["HOST"], entry["PORT"], entry["NAME"]) == ("127.0.0.1", "6432", "ocop")
