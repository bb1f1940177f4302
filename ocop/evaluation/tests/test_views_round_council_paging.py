"""Rounds, councils and recognition decisions: 25 a page, page 2 shows the rest, and the same
number of queries whatever the number of rows."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.accounts.testing import client_for
from ocop.evaluation.models import Council, Decision
from ocop.evaluation.testing import make_round

pytestmark = pytest.mark.django_db


def _rounds(territory, first: int, count: int) -> None:
    for n in range(first, first + count):
        make_round(territory.province_p, year=2027, number=n)


def _councils(territory, first: int, count: int) -> None:
    for n in range(first, first + count):
        Council.objects.create(
            level="province", province=territory.province_p, year=2027, name=f"Hội đồng {n:03d}"
        )


def _decisions(territory, first: int, count: int) -> None:
    for n in range(first, first + count):
        Decision.objects.create(
            level="province", province=territory.province_p, year=2027, serial=n,
            number=f"{n}/QĐ-UBND", decided_on=date(2027, 5, 1), authority_name="UBND tỉnh P",
        )  # fmt: skip


LISTS = [
    ("/rounds/", "province_p", _rounds, r'data-round="(\d+)"'),
    ("/rounds/?q=2027", "province_p", _rounds, r'data-round="(\d+)"'),
    ("/councils/", "province_p", _councils, r'href="/councils/(\d+)/"'),
    ("/councils/", "central", _councils, r'href="/councils/(\d+)/"'),
    ("/decisions/", "province_p", _decisions, r'data-decision="(\d+)"'),
    ("/decisions/?q=QĐ", "province_p", _decisions, r'data-decision="(\d+)"'),
]


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(("url", "who", "add", "row"), LISTS)
def test_list_queries_do_not_grow_with_rows(territory, personas, url, who, add, row):
    client = client_for(personas[who])
    add(territory, 1, 2)
    small = _queries(client, url)
    add(territory, 3, 30)
    assert _queries(client, url) == small


@pytest.mark.parametrize(("url", "who", "add", "row"), LISTS)
def test_lists_show_25_a_page_and_page_2_the_rest(territory, personas, url, who, add, row):
    add(territory, 1, 30)
    client = client_for(personas[who])
    first = client.get(url).content.decode()
    joiner = "&" if "?" in url else "?"
    second = client.get(f"{url}{joiner}page=2").content.decode()
    on_first, on_second = re.findall(row, first), re.findall(row, second)
    assert (len(on_first), len(on_second)) == (25, 5)
    assert not set(on_first) & set(on_second)
    assert "page=2" in first


def test_round_page_links_keep_the_search(territory, personas):
    _rounds(territory, 1, 30)
    page = client_for(personas["province_p"]).get("/rounds/", {"q": "2027"}).content.decode()
    assert 'href="?q=2027&page=2"' in page
