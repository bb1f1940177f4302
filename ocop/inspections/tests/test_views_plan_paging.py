"""Inspection plans: the plan list and a plan's inspected products come a page at a time, in the
same number of queries however many plans and products there are."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.accounts.testing import client_for
from ocop.inspections import services
from ocop.inspections.testing import issue, make_plan
from ocop.registry.testing import make_product

pytestmark = pytest.mark.django_db
ROW = r'href="/inspections/(\d+)/"'
WHO = ["province_p", "central", "commune_x", "producer_a"]


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _inspect(officer, plan, producer, first: int, count: int) -> None:
    for n in range(first, first + count):
        certificate = issue(make_product(producer, f"Sản phẩm {n:03d}", 4), stars=4,
                            number=f"{n}/QĐ-UBND")  # fmt: skip
        services.plan_add_product(actor=officer, plan=plan, certificate=certificate,
                                  scheduled_on=date(2026, 11, 1))  # fmt: skip


@pytest.mark.parametrize("who", WHO)
def test_plan_detail_queries_do_not_grow_with_its_products(personas, plan_p, products, who):
    officer, producer = personas["province_p"], products["honey"].producer
    url = f"/inspections/plans/{plan_p.pk}/"
    client = client_for(personas[who])
    _inspect(officer, plan_p, producer, 1, 10)
    small = _queries(client, url)
    _inspect(officer, plan_p, producer, 11, 20)  # 30: two pages
    assert _queries(client, url) == small


def test_plan_detail_shows_25_products_a_page(personas, plan_p, products):
    _inspect(personas["province_p"], plan_p, products["honey"].producer, 1, 30)
    client = client_for(personas["province_p"])
    url = f"/inspections/plans/{plan_p.pk}/"
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    on_first, on_second = re.findall(ROW, first), re.findall(ROW, second)
    assert (len(on_first), len(on_second)) == (25, 5)
    assert not set(on_first) & set(on_second)
    assert "Sản phẩm 030" in first and "Sản phẩm 001" in second  # newest added first
    assert 'href="?page=2"' in first


@pytest.mark.parametrize("who", WHO)
def test_plan_list_queries_do_not_grow_with_plans(personas, territory, who):
    client = client_for(personas[who])
    for _ in range(10):
        make_plan(personas["province_p"], territory.province_p)
    small = _queries(client, "/inspections/plans/")
    for _ in range(20):  # 30: two pages
        make_plan(personas["province_p"], territory.province_p)
    assert _queries(client, "/inspections/plans/") == small
    assert _queries(client, "/inspections/plans/?page=2") == small
