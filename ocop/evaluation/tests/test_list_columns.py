"""The dossier list reads its page from the applications table alone (no join to sort through:
10,000 dossiers joined to four tables cost PostgreSQL ~190 ms) and without the dossier's forms
(JSON, kilobytes a row) that it never shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.accounts.testing import client_for
from ocop.evaluation.models import Application
from ocop.evaluation.testing import make_product

pytestmark = pytest.mark.django_db


def test_the_dossier_list_page_query_has_no_join_and_no_forms(personas, world):
    product = make_product(world.producer_a, "Mật ong rừng")
    Application.objects.create(
        round=world.round, product=product, producer=product.producer,
        commune=product.producer.commune, kind="first", rules="26-2026", set_number=1,
        stage="submitted", registration_number="077/PĐK-01-10273-2030",
        form01={"note": "x" * 5000},
    )  # fmt: skip
    with CaptureQueriesContext(connection) as captured:
        response = client_for(personas["commune_x"]).get("/applications/")
    assert "077/PĐK-01-10273-2030" in response.content.decode()
    assert "Mật ong rừng" in response.content.decode()
    pages = [q["sql"] for q in captured if q["sql"].startswith('SELECT "evaluation_application"."id"')
             and "ORDER BY" in q["sql"]]  # fmt: skip
    assert len(pages) == 1
    assert " JOIN " not in pages[0].split(" WHERE ")[0]
    assert '"form01"' not in pages[0] and '"advisory"' not in pages[0]
