"""Each list answers in a fixed number of queries, whatever the number of rows on the page."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ocop.registry.testing import make_producer, make_product

from .conftest import coded, issue

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/products/?page_size=100",
    "/api/v1/products/?page_size=100&q=phu&stars=3,4&province=01&type=I&year=2026",
    "/api/v1/producers/?page_size=100",
    "/api/v1/certificates/?page_size=100",
    "/api/v1/decisions/?page_size=100",
    "/api/v1/stats/?page_size=100",
]


def add_products(territory, count):
    producer = make_producer(territory.commune_x, "HTX Thêm Phú Xuyên", 40)
    for n in range(count):
        product = coded(
            make_product(producer, f"Sản phẩm Phú Xuyên {n}", 4), f"01-10273-{500 + n}-2026"
        )
        issue(product, 3 + n % 2, date(2026, 8, 1 + n % 20), f"{n % 3 + 1}/QĐ-UBND")


def counts():
    found = {}
    for path in LISTS:
        client = Client()
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 200
        found[path] = len(context.captured_queries)
    return found


def test_lists_take_the_same_number_of_queries_at_two_sizes(
    shelf, territory, django_assert_num_queries
):
    small = counts()
    add_products(territory, 24)
    assert Client().get(LISTS[0]).json()["count"] == 28
    assert counts() == small
    assert small[LISTS[0]] == 4  # count, page, current certificates, newest change


@pytest.mark.parametrize("extra", [0, 24])
def test_the_product_list_takes_exactly_four_queries(
    shelf, territory, extra, django_assert_num_queries
):
    add_products(territory, extra)
    client = Client()
    with django_assert_num_queries(4):
        response = client.get("/api/v1/products/?page_size=100")
    assert len(response.json()["results"]) == 4 + extra
