"""The budget overview, an allocation's disbursements and a target's records: paged, and the same
number of queries whatever the number of allocations, disbursements or records."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.accounts.testing import client_for
from ocop.programme.choices import EventKind
from ocop.programme.models import Allocation, Attendance, Course, Disbursement, Target
from ocop.programme.services_training import event_record
from ocop.programme.units import resolve_unit
from ocop.registry.testing import make_producer

pytestmark = pytest.mark.django_db
DISBURSEMENT = r'href="/programme/budget/disbursements/(\d+)/"'


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _allocation(pw, year: int = 2022) -> Allocation:
    return Allocation.objects.create(province=pw.plan.province, historic_unit=pw.district,
                                     year=year, source="district", content="training",
                                     amount=900_000_000)  # fmt: skip


def _pay(pw, allocation: Allocation, first: int, count: int) -> None:
    """`count` payments, each to a producer or a product of district 280 (or to no one)."""
    for n in range(first, first + count):
        beneficiary = [{"producer": pw.producer_a}, {"product": pw.product_a}, {}][n % 3]
        Disbursement.objects.create(allocation=allocation, paid_on=date(allocation.year, 3, 1),
                                    amount=1_000_000 + n, description=f"Chi {n:03d}",
                                    **beneficiary)  # fmt: skip


def _allocations(pw, first: int, count: int) -> None:
    for n in range(first, first + count):
        _pay(pw, _allocation(pw, 2022 + n % 4), n, 2)


@pytest.mark.parametrize("who", ["province_p", "central", "admin"])
@pytest.mark.parametrize("url", ["/programme/budget/", "/programme/budget/?unit=280"])
def test_budget_overview_queries_do_not_grow_with_allocations(personas, pw, who, url):
    client = client_for(personas[who])
    _allocations(pw, 1, 20)
    small = _queries(client, url)
    _allocations(pw, 21, 40)  # 60: two pages of 50
    assert _queries(client, url) == small


def test_budget_overview_pages_keep_the_unit(personas, pw):
    _allocations(pw, 1, 55)
    client = client_for(personas["province_p"])
    first = client.get("/programme/budget/?unit=280")
    second = client.get("/programme/budget/?unit=280&page=2")
    assert (len(first.context["page"]), len(second.context["page"])) == (50, 5)
    assert 'href="?unit=280&page=2"' in first.content.decode()


@pytest.mark.parametrize("who", ["province_p", "central", "admin"])
def test_allocation_disbursements_queries_do_not_grow(personas, pw, who):
    allocation = _allocation(pw)
    url = f"/programme/budget/allocations/{allocation.pk}/"
    client = client_for(personas[who])
    _pay(pw, allocation, 1, 20)
    small = _queries(client, url)
    _pay(pw, allocation, 21, 40)  # 60: two pages of 50
    assert _queries(client, url) == small


def test_allocation_disbursements_50_a_page_newest_first_with_their_beneficiary(personas, pw):
    allocation = _allocation(pw)
    _pay(pw, allocation, 1, 53)
    Disbursement.objects.filter(description="Chi 053").update(paid_on=date(2022, 1, 2))
    url = f"/programme/budget/allocations/{allocation.pk}/"
    client = client_for(personas["province_p"])
    first = client.get(url, {"x": "1"}).content.decode()
    second = client.get(url, {"x": "1", "page": 2}).content.decode()
    on_first, on_second = re.findall(DISBURSEMENT, first), re.findall(DISBURSEMENT, second)
    assert (len(on_first), len(on_second)) == (50, 3)
    newest_first = Disbursement.objects.order_by("-paid_on", "-pk").values_list("pk", flat=True)
    assert [int(pk) for pk in on_first + on_second] == list(newest_first)
    assert 'href="?x=1&page=2"' in first  # the page links keep the other parameters
    assert "Chi 053" in second  # paid earliest: last
    assert "HTX Phú Xuyên" in first and "Bưởi Phú Xuyên" in first
    assert "53.001.431 đồng" in first  # disbursed: every payment's, not the page's
    assert "Chưa có khoản giải ngân nào." not in first + second


def _events(pw, officer, first: int, count: int) -> None:
    for n in range(first, first + count):
        event_record(actor=officer, unit=resolve_unit("280"), products=[pw.product_a],
                     data={"kind": EventKind.FAIR, "name": f"Hội chợ {n:03d}",
                           "start_date": date(2022, 4, 1), "end_date": date(2022, 4, 3),
                           "place": "Sân vận động huyện", "organiser": "UBND huyện"})  # fmt: skip


def _trained(pw, territory, first: int, count: int) -> None:
    course = Course.objects.create(
        province=pw.plan.province, historic_unit=pw.district, title=f"Tập huấn {first}",
        audience="both", start_date=date(2022, 3, 1), end_date=date(2022, 3, 1), place="UBND",
        organiser="Huyện",
    )  # fmt: skip
    for n in range(first, first + count):
        producer = make_producer(territory.commune_x, f"HTX Tập huấn {n:03d}", 70_000 + 10 * n)
        Attendance.objects.create(course=course, kind="producer", producer=producer, name="A")


@pytest.mark.parametrize("who", ["province_p", "central"])
@pytest.mark.parametrize("indicator", ["budget_disbursed", "events_held", "producers_trained"])
def test_target_records_queries_do_not_grow(personas, pw, territory, who, indicator):
    target = Target.objects.create(plan=pw.plan, indicator=indicator, value=10)
    url = f"/programme/targets/{target.pk}/records/"
    grow = {
        "budget_disbursed": lambda first, count: _pay(pw, _allocation(pw), first, count),
        "events_held": lambda first, count: _events(pw, personas["province_p"], first, count),
        "producers_trained": lambda first, count: _trained(pw, territory, first, count),
    }[indicator]
    client = client_for(personas[who])
    grow(1, 20)
    small = _queries(client, url)
    grow(21, 40)  # 60 records: two pages of 50
    assert _queries(client, url) == small
    assert len(client.get(url, {"page": 2}).context["page"]) == 10
