"""The catalogue sorted by stars reads its order from an index (registry migration 0004)."""

import pytest
from django.db import connection

from ocop.catalogue.search import SORTS
from ocop.certificates.public import products_in_force

pytestmark = pytest.mark.django_db


def test_the_catalogue_by_stars_reads_its_order_from_an_index(catalogue):
    """Not by sorting every product in force for each page."""
    ordered = products_in_force().order_by(*SORTS["stars"]).values_list("id", flat=True)[:24]
    assert len(ordered) >= 3  # the catalogue's products in force
    sql, params = ordered.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert "product_in_force_stars" in plan and "TEMP B-TREE" not in plan
        else:  # PostgreSQL plans by its statistics (a handful of rows: a scan); the index is there
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'product_in_force_stars'"
            )
            assert "current_stars DESC" in cursor.fetchone()[0]
