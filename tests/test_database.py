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
