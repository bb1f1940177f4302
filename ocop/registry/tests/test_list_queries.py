"""The registry's lists (/producers/, /products/, /registry/changes/) take the same number of
queries whatever the number of producers, products and changes (none per row): checked at two sizes
for each level."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.accounts.testing import client_for
from ocop.registry.choices import ChangeStatus
from ocop.registry.models import PendingChange
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


def _changes(registry, submitter, count: int, first: int) -> None:
    """`count` edits by producer A, on its producer or its product, every third one decided."""
    for n in range(first, first + count):
        target = {"producer": registry.producer_x} if n % 2 else {"product": registry.product_x}
        PendingChange.objects.create(
            **target, commune=registry.producer_x.commune, submitted_by=submitter,
            values={"phone": f"09{n:08d}"}, previous={"phone": ""},
            status=ChangeStatus.ACCEPTED if n % 3 == 0 else ChangeStatus.PENDING,
        )  # fmt: skip


@pytest.mark.parametrize("url", ["/registry/changes/", "/registry/changes/?status=all"])
@pytest.mark.parametrize("who", ["producer_a", "commune_x", "province_p", "central"])
def test_change_list_queries_do_not_grow_with_the_changes(personas, registry, url, who):
    client = client_for(personas[who])
    _changes(registry, personas["producer_a"], 6, first=1)
    small = _queries(client, url)
    _changes(registry, personas["producer_a"], 54, first=7)  # 60: three pages of 25 with all
    assert _queries(client, url) == small


def test_change_list_pages_keep_the_status_filter(personas, registry):
    _changes(registry, personas["producer_a"], 30, first=1)
    client = client_for(personas["commune_x"])
    first = client.get("/registry/changes/", {"status": "all"})
    second = client.get("/registry/changes/", {"status": "all", "page": 2})
    assert (len(first.context["page"]), len(second.context["page"])) == (25, 5)
    assert 'href="?status=all&page=2"' in first.content.decode()
    pending = client.get("/registry/changes/").context["page"]
    assert len(pending) == 20  # the ten decided ones are left out
