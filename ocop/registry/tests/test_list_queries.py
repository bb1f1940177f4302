"""The registry's officer lists (/producers/, /products/) take the same number of queries whatever
the number of producers and products (none per row): checked at two sizes for each level."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.accounts.testing import client_for
from ocop.registry.testing import make_producer, make_product

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _grow(registry, count: int, first: int) -> None:
    commune = registry.producer_x.commune
    for n in range(first, first + count):
        producer = make_producer(
            commune, f"HTX Thêm {n}", 90_000 + 10 * n
        )  # the next valid code from each seed
        make_product(producer, f"Sản phẩm thêm {n}")


@pytest.mark.parametrize("url", ["/producers/", "/products/"])
@pytest.mark.parametrize("who", ["commune_x", "province_p", "central"])
def test_list_queries_do_not_grow_with_the_registry(personas, registry, url, who):
    client = client_for(personas[who])
    _grow(registry, 2, first=1)
    small = _queries(client, url)
    _grow(registry, 30, first=3)  # more than a page
    assert _queries(client, url) == small
