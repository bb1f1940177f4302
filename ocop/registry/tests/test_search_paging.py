"""A text search's pages (issue 14: search p95 ≤ 50 ms): a search whose matches fit on page 1
is counted from that page's rows, with no COUNT query; a broad one is counted only up to
COUNT_LIMIT and says “more than” instead of walking every match."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from ocop.accounts.testing import client_for
from ocop.core import paging
from ocop.registry.models import Product
from ocop.registry.testing import make_producer, make_product

pytestmark = pytest.mark.django_db


def _products(registry, count: int, name: str) -> None:
    commune = registry.producer_x.commune
    producer = make_producer(commune, "HTX Tìm Kiếm", 70_000)
    for n in range(count):
        make_product(producer, f"{name} {n}")


def _page(params: dict, size: int = 5):
    request = RequestFactory().get("/", params)
    found = Product.objects.filter(name__startswith="Mứt")  # what the view's filter would keep
    return paging.page_of(request, found.order_by("search_key", "id"), size=size)


def _counts(captured) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"]]


def test_a_search_that_fits_on_one_page_runs_no_count(registry):
    _products(registry, 3, "Mứt gừng")
    with CaptureQueriesContext(connection) as captured:
        page = _page({"q": "mut gung"})
        assert [p.name for p in page] == ["Mứt gừng 0", "Mứt gừng 1", "Mứt gừng 2"]
        assert (page.paginator.count, page.paginator.num_pages, page.has_next()) == (3, 1, False)
    assert _counts(captured) == []
    assert page.paginator.capped is False


def test_a_broad_search_is_counted_up_to_the_limit(registry, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_LIMIT", 12)
    _products(registry, 20, "Mứt gừng")
    page = paging.SearchPaginator(Product.objects.filter(name__startswith="Mứt").order_by("id"), 5,
                                  limit=12).get_page("1")  # fmt: skip
    assert (page.paginator.count, page.paginator.capped, page.paginator.num_pages) == (12, True, 3)
    last = page.paginator.get_page("9")  # past the limit: the last page within it
    assert last.number == 3 and len(last) == 2


def test_a_search_between_a_page_and_the_limit_is_counted_exactly(registry):
    _products(registry, 8, "Mứt gừng")
    page = _page({"q": "mut gung"})
    assert (page.paginator.count, page.paginator.capped, page.paginator.num_pages) == (8, False, 2)
    second = _page({"q": "mut gung", "page": "2"})
    assert [p.name for p in second] == [f"Mứt gừng {n}" for n in range(5, 8)]


def test_without_words_the_count_stays_exact(registry):
    _products(registry, 8, "Mứt gừng")
    page = _page({})
    assert page.paginator.count == 8
    assert not isinstance(page.paginator, paging.SearchPaginator)


def test_the_officer_list_says_more_than_and_asks_for_more_words(personas, registry, monkeypatch):
    monkeypatch.setattr(paging.SearchPaginator, "__init__", _limited(3))
    _products(registry, 30, "Mứt gừng")
    client = client_for(personas["central"])
    html = client.get("/products/", {"q": "mut gung"}).content.decode()
    assert "Hơn 3 sản phẩm khớp với từ khóa" in html
    exact = client.get("/products/", {"q": "mut gung 29"}).content.decode()
    assert "Hơn" not in exact and "1 sản phẩm" in exact


def _limited(limit: int):
    """SearchPaginator with another limit, for the views that make their own."""
    original = paging.SearchPaginator.__init__

    def init(self, object_list, per_page, limit_=limit, ids=None):
        original(self, object_list, per_page, limit=min(limit, limit_), ids=ids)

    return init


def test_a_list_already_read_is_counted_by_its_length(registry):
    rows = list(range(30))
    page = paging.SearchPaginator(rows, 5, limit=10).get_page("2")
    assert (page.paginator.count, page.paginator.capped, list(page)) == (30, False, [5, 6, 7, 8, 9])
