"""The substring index of the search keys (registry.search_index, ADR 0008): on SQLite an FTS5
trigram index kept in step by triggers; on PostgreSQL the trigram GIN indexes behind LIKE. Either
way a search finds exactly what `LIKE '%word%'` on every word finds, after every kind of write."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.registry import search_index
from ocop.registry.models import Producer, Product
from ocop.registry.search_index import contains_all
from ocop.registry.testing import make_product

pytestmark = pytest.mark.django_db
SQLITE = connection.vendor == "sqlite"
TERMS = [["mat", "ong"], ["ong"], ["mat", "ong", "xa"], ["xa"], ["phe"], ["duong", "phuong"],
         ["hoa", "nhan"], ["khong"], ["10273"], ['"ong'], ["on"], ["a"], ["phu", "xuyen", "gao"]]  # fmt: skip


def _by_like(queryset, column: str, terms: list[str]) -> set[int]:
    for term in terms:
        queryset = queryset.filter(**{f"{column}__contains": term})
    return set(queryset.values_list("pk", flat=True))


def _found(queryset, column: str, terms: list[str]) -> set[int]:
    return set(contains_all(queryset, column, terms).values_list("pk", flat=True))


@pytest.fixture
def shelf(registry):
    producer = registry.producer_x
    names = ["Mật ong hoa nhãn", "Mắm tôm", "Ong mật rừng", "Đường phèn Phượng", "Cà phê xay",
             "Phở khô", "Bánh không đường", "Nhãn lồng", "Gạo tám Phú Xuyên"]  # fmt: skip
    return [make_product(producer, name) for name in names]


def test_a_search_finds_what_like_finds_on_every_key(shelf):
    products, producers = Product.objects.all(), Producer.objects.all()
    for terms in TERMS:
        assert _found(products, "search_key", terms) == _by_like(products, "search_key", terms)
        assert _found(producers, "search_key", terms) == _by_like(producers, "search_key", terms)
    for n, product in enumerate(Product.objects.select_related("producer__commune__province")):
        product.code = f"01-10273-{n:03d}-2026"
        product.refresh_keys(product.producer)
        product.save()
    for terms in TERMS:
        assert _found(products, "public_key", terms) == _by_like(products, "public_key", terms)
    assert _found(products, "search_key", ["mat", "ong"])  # not vacuous: the shelf matches


def test_every_write_path_reaches_the_index(registry, shelf):
    products = Product.objects.all()
    honey = shelf[0]
    honey.name = "Mứt gừng"
    honey.save()
    assert honey.pk in _found(products, "search_key", ["gung"])
    assert honey.pk not in _found(products, "search_key", ["hoa", "nhan"])
    made = Product.objects.bulk_create([Product(producer=registry.producer_x, name="Tỏi Lý Sơn",
                                                search_key="toi ly son", set_number=2)])  # fmt: skip
    assert _found(products, "search_key", ["son", "toi"]) == {made[0].pk}
    Product.objects.filter(pk=made[0].pk).update(search_key="hanh ly son")
    assert _found(products, "search_key", ["hanh"]) == {made[0].pk}
    assert not _found(products, "search_key", ["toi", "son"])
    Product.objects.filter(pk=made[0].pk).delete()
    assert not _found(products, "search_key", ["hanh"])


def test_the_index_is_used_for_few_matches_and_like_for_many(shelf, monkeypatch):
    products = Product.objects.all()
    with CaptureQueriesContext(connection) as captured:
        narrow = _found(products, "search_key", ["gao", "tam"])
    assert narrow == {shelf[-1].pk}
    used = [q["sql"] for q in captured.captured_queries if "MATCH" in q["sql"]]
    assert bool(used) is SQLITE  # PostgreSQL: LIKE, answered by its trigram indexes
    monkeypatch.setattr(search_index, "FEW_FOUND", 0)  # every word counts as broad
    with CaptureQueriesContext(connection) as captured:
        broad = contains_all(products, "search_key", ["gao", "tam"])
        assert set(broad.values_list("pk", flat=True)) == narrow
    found_by = [q["sql"] for q in captured.captured_queries if "LIKE" in q["sql"]]
    assert found_by and "IN (SELECT rowid" not in found_by[-1]


def test_migrate_heals_an_index_whose_triggers_were_dropped(shelf):
    """Django remakes a SQLite table to alter it, which drops its triggers: `ensure` (run after
    every migrate) puts them back and rebuilds the index from the table."""
    if not SQLITE:
        assert search_index.ensure() == []  # nothing of this kind on PostgreSQL
        return
    fts = search_index.index_name("registry_product", "search_key")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {fts}_update")
    Product.objects.filter(pk=shelf[1].pk).update(search_key="nuoc mam ca com")
    assert not _found(Product.objects.all(), "search_key", ["com"])  # the stale index
    assert search_index.ensure() == [fts]
    assert _found(Product.objects.all(), "search_key", ["com"]) == {shelf[1].pk}
    assert search_index.ensure() == []  # once healed, nothing to do


def test_a_territory_list_tests_its_own_keys_and_the_nation_s_uses_the_index(personas, shelf):
    """A province's products (a few thousand) are read by the producer index and each key tested;
    the country's list asks SQLite's index first. Both find the same products."""
    from ocop.accounts.testing import client_for

    seen = {}
    for role in ("central", "province_p"):
        with CaptureQueriesContext(connection) as captured:
            html = client_for(personas[role]).get("/products/", {"q": "hoa nhan"}).content.decode()
        seen[role] = any("MATCH" in q["sql"] for q in captured.captured_queries)
        assert shelf[0].name in html and shelf[1].name not in html
    assert seen == {"central": SQLITE, "province_p": False}


def test_without_the_index_a_search_still_finds_by_testing_every_key(shelf):
    """A SQLite database restored from before the index (not yet migrated): LIKE, same rows."""
    if SQLITE:
        with connection.cursor() as cursor:
            cursor.execute(
                f"DROP TABLE {search_index.index_name('registry_product', 'search_key')}"
            )
    products = Product.objects.all()
    assert _found(products, "search_key", ["hoa", "nhan"]) == {shelf[0].pk}
