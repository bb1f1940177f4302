"""The PostgreSQL pass of CI runs behind a real pgbouncer in transaction mode (.ci/run sets
OCOP_TEST_PGBOUNCER_ADMIN to its admin console, ADR 0011): these tests prove it, and that what
the code relies on survives transactions landing on different server connections."""

import os
import threading

import psycopg
import pytest
from django.db import connection, transaction

ADMIN_URL = os.environ.get("OCOP_TEST_PGBOUNCER_ADMIN", "")


@pytest.fixture
def admin():
    if not ADMIN_URL:
        if os.environ.get("CI") == "true" and os.environ.get("DATABASE_URL"):
            pytest.fail("CI: OCOP_TEST_PGBOUNCER_ADMIN is not set (.ci/run starts pgbouncer)")
        pytest.skip("set OCOP_TEST_PGBOUNCER_ADMIN to pgbouncer's admin console URL")
    # The admin console speaks only the simple query protocol: a client-side-binding cursor.
    with psycopg.connect(ADMIN_URL, autocommit=True, cursor_factory=psycopg.ClientCursor) as conn:
        yield conn


def _show(admin, what: str) -> list[dict]:
    cursor = admin.execute(f"SHOW {what}")
    names = [column.name for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@pytest.mark.django_db
def test_the_suite_talks_to_pgbouncer_in_transaction_mode(admin):
    config = {row["key"]: row["value"] for row in _show(admin, "CONFIG")}
    assert config["pool_mode"] == "transaction"
    with connection.cursor() as cursor:
        cursor.execute("SELECT inet_server_port(), current_database()")
        server_port, database = cursor.fetchone()
    assert (
        str(server_port) != connection.settings_dict["PORT"]
    )  # pgbouncer's port, not the server's
    pools = {row["database"]: row for row in _show(admin, "POOLS")}
    assert pools[database]["pool_mode"] == "transaction"
    assert pools[database]["cl_active"] >= 1


@pytest.mark.django_db(transaction=True)
def test_transactions_of_one_client_land_on_other_server_connections(admin):
    """One Django connection's transactions run on whichever backend is free: while another
    client holds the backend it used, its next statement runs on another one. So nothing may
    rely on session state (SET, advisory locks, temporary tables, WITH HOLD cursors); the time
    zone Django sets survives, as pgbouncer replays TimeZone on each server connection."""
    holding, release = threading.Event(), threading.Event()
    held = []

    def hold_a_server_connection():
        from django.db import connections

        with transaction.atomic(), connections["default"].cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            held.append(cursor.fetchone()[0])
            holding.set()
            release.wait(10)
        connections.close_all()

    def backend() -> tuple[int, str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid(), current_setting('TimeZone')")
            return cursor.fetchone()

    first, zone = backend()
    other = threading.Thread(target=hold_a_server_connection)
    other.start()
    assert holding.wait(10)
    try:
        second, second_zone = backend()
    finally:
        release.set()
        other.join()
    assert held == [first]  # pgbouncer lent the other client the backend just freed
    assert second != first
    assert (zone, second_zone) == ("UTC", "UTC")
