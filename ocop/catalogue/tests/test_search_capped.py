"""The catalogue's search counts its matches up to core.paging.COUNT_LIMIT (issue 14): past it
the heading says “more than” and asks for more words; below it the count is exact."""

from ocop.catalogue import views
from ocop.core import paging
from ocop.registry.tests.test_search_paging import _limited


def _heading(client, q: str, **filters) -> str:
    html = client.get("/catalogue/", {"q": q, **filters}).content.decode()
    start = html.index('id="results-title"')
    return html[start : html.index("</h2>", start)]


def test_a_broad_search_says_more_than(client, product, plain_product, monkeypatch):
    monkeypatch.setattr(paging.SearchPaginator, "__init__", _limited(1))
    monkeypatch.setattr(views, "PAGE_SIZE", 1)  # page 1 full: the rest must be counted
    heading = _heading(client, "phu xuyen", stars=["3", "4"])  # words and a filter
    assert "Hơn" in heading and "<span data-total>1</span>" in heading


def test_a_narrow_search_gives_its_exact_count(client, product, plain_product):
    assert "<span data-total>2</span>" in _heading(client, "phu xuyen")
    heading = _heading(client, "mat ong")
    assert "Hơn" not in heading and "<span data-total>1</span>" in heading


def test_words_whose_matches_were_read_are_not_counted_again(client, product, plain_product):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert "<span data-total>2</span>" in _heading(client, "phu xuyen")
    sql = [q["sql"] for q in captured.captured_queries]
    assert not [q for q in sql if q.startswith("SELECT COUNT(")]  # only the facets' GROUP BYs
    assert "<span data-total>1</span>" in _heading(client, "phu xuyen gao")


def test_words_alone_are_paged_from_the_ids_read_in_order(client, catalogue, monkeypatch):
    """Words without filters: the ids read once, in the list's order, are the pages and the
    count (exact up to FEW_MATCHES, then “more than”), with no COUNT and no second search."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ocop.catalogue import search

    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    with CaptureQueriesContext(connection) as captured:
        first = client.get("/catalogue/", {"q": "phu xuyen"}).content.decode()
    searches = [  # reads of the products that test the words (LIKE, or SQLite's index: MATCH)
        sql for sql in (q["sql"] for q in captured.captured_queries)
        if 'FROM "registry_product"' in sql and ("LIKE" in sql or "MATCH" in sql)
    ]  # fmt: skip
    index_counts = [q["sql"] for q in captured.captured_queries if "_fts MATCH" in q["sql"]
                    and "count(*)" in q["sql"]]  # fmt: skip
    assert len(index_counts) == (connection.vendor == "sqlite")  # once, not once per facet
    second = client.get("/catalogue/", {"q": "phu xuyen", "page": "2"}).content.decode()
    assert "<span data-total>2</span>" in first and "<span data-total>2</span>" in second
    assert catalogue.rolls.name in first and catalogue.honey.name not in first  # "gio" < "mat"
    assert catalogue.honey.name in second and catalogue.rolls.name not in second
    assert len(searches) == 1 and not [q for q in searches if "COUNT(" in q]
    by_stars = client.get("/catalogue/", {"q": "phu xuyen", "sort": "stars"}).content.decode()
    assert catalogue.honey.name in by_stars  # 4★ before 3★
    monkeypatch.setattr(search, "FEW_MATCHES", 1)
    monkeypatch.setattr(views, "FEW_MATCHES", 1)
    capped = _heading(client, "phu xuyen")
    assert "Hơn" in capped and "<span data-total>1</span>" in capped
