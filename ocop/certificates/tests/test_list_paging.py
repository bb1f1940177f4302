"""The certificate list: 25 a page, page 2 shows the rest, and the same number of queries whatever
the number of certificates."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.accounts.testing import client_for
from ocop.registry.testing import make_product

from .conftest import issue

ROW = r'href="/certificates/(\d+)/"'


def _certify(producer, first: int, count: int) -> None:
    for n in range(first, first + count):
        issue(make_product(producer, f"Sản phẩm {n:03d}", 4))


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_certificate_list_queries_do_not_grow_with_certificates(personas, product_p):
    client = client_for(personas["province_p"])
    _certify(product_p.producer, 1, 2)
    small = _queries(client, "/certificates/")
    _certify(product_p.producer, 3, 30)
    assert _queries(client, "/certificates/") == small


def test_certificate_list_shows_25_a_page_and_page_2_the_rest(personas, product_p):
    _certify(product_p.producer, 1, 30)
    client = client_for(personas["province_p"])
    first = client.get("/certificates/", {"stars": 3}).content.decode()
    second = client.get("/certificates/", {"stars": 3, "page": 2}).content.decode()
    on_first, on_second = re.findall(ROW, first), re.findall(ROW, second)
    assert (len(on_first), len(on_second)) == (25, 5)
    assert not set(on_first) & set(on_second)
    assert "stars=3&page=2" in first
