"""The published decisions (/catalogue/decisions/): two pagers, 20 decisions and 20 revocations a
page, each decision with its first 10 products and a link to its own page (?number=…&date=…&
authority=…, 50 products a page), and the same number of queries however many decisions, products
and revocations there are."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ocop.accounts.models import User
from ocop.catalogue.testing import issue
from ocop.certificates.services import certificate_revoke
from ocop.registry.testing import make_producer, make_product

pytestmark = pytest.mark.django_db
URL = reverse("catalogue:decisions")


def _decisions(territory, first: int, count: int) -> None:
    """`count` decisions of two products each; the first product of every third one revoked."""
    officer = User.objects.get(username="province_p")
    for n in range(first, first + count):
        producer = make_producer(territory.commune_x, f"HTX Quyết định {n:03d}", 200 + 10 * n)
        for k in range(2):
            certificate = issue(make_product(producer, f"Sản phẩm {n:03d}-{k}", 11), 3,
                                date(2026, 7, 1), f"{n}/QĐ-UBND")  # fmt: skip
            if k == 0 and n % 3 == 0:
                certificate_revoke(
                    actor=officer, certificate=certificate, ground="mark_misuse",
                    conclusion_date=date(2026, 11, 2), decision_number=f"{n}/QĐ-TH",
                    decision_date=date(2026, 11, 10),
                )  # fmt: skip


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", [URL, f"{URL}?page=2&revoked=2"])
def test_decision_page_queries_do_not_grow(client, catalogue, territory, url):
    _decisions(territory, 1, 15)
    small = _queries(client, url)
    _decisions(territory, 16, 45)  # 60 decisions, 20 revocations: pages of 20 each
    assert _queries(client, url) == small


def test_decisions_and_revocations_come_20_a_page(client, catalogue, territory):
    _decisions(territory, 1, 66)  # and the catalogue's four decisions, one revocation
    first = client.get(URL).content.decode()
    last = client.get(URL, {"page": 4, "revoked": 2}).content.decode()
    decisions = [re.findall(r'data-decision="([^"]+)"', page) for page in (first, last)]
    revoked = [re.findall(r'data-revoked="([^"]+)"', page) for page in (first, last)]
    assert [len(d) for d in decisions] == [20, 10]
    assert [len(r) for r in revoked] == [20, 3]
    assert not set(decisions[0]) & set(decisions[1])
    mine = {f"{n}/QĐ-UBND" for n in range(1, 67)}
    articles = re.findall(r'data-decision="([^"]+)">(.*?)</article>', first, re.S)
    listed = {number: body.count("<li><a ") for number, body in articles if number in mine}
    assert listed and set(listed.values()) == {2}  # each lists both its products, revoked too


def _large_decision(territory, first: int, count: int, number: str = "77/QĐ-UBND") -> list:
    """`count` more products recognised by one decision (each of its own producer)."""
    certificates = []
    for n in range(first, first + count):
        producer = make_producer(territory.commune_y, f"HTX Chè {n:03d}", 5000 + 10 * n)
        certificates.append(issue(make_product(producer, f"Chè búp {n:03d}", 11), 3,
                                  date(2026, 8, 1), number))  # fmt: skip
    return certificates


def _own_page(body: str, number: str) -> str:
    """The link of the decision's own page on the list."""
    article = body.split(f'data-decision="{number}"')[1].split("</article>")[0]
    links = set(re.findall(r'<a href="(/catalogue/decisions/\?[^"]+)">', article))
    assert len(links) == 1, links
    return links.pop().replace("&amp;", "&")


def test_a_decision_lists_its_first_10_products_and_links_its_own_page(
    client, catalogue, territory
):
    certificates = _large_decision(territory, 1, 25)
    body = client.get(URL).content.decode()
    article = body.split('data-decision="77/QĐ-UBND"')[1].split("</article>")[0]
    listed = re.findall(r"<li><a [^>]*>([^<]+)</a>", article)
    assert listed == [f"Chè búp {n:03d}" for n in range(1, 11)]  # by product name
    assert "Xem đủ 25 sản phẩm của quyết định" in article
    own = client.get(_own_page(body, "77/QĐ-UBND")).content.decode()
    shown = re.findall(r'data-certificate="([^"]+)"', own)
    assert shown == [c.number for c in certificates]
    assert "Quyết định số 77/QĐ-UBND ngày 01/08/2026" in own and "25 sản phẩm" in own
    small = client.get(URL).content.decode().split('data-decision="1234/QĐ-UBND"')[1]
    assert "Xem đủ" not in small.split("</article>")[0]  # three products: all on the list


def test_a_decisions_own_page_lists_50_products_a_page(client, catalogue, territory):
    _large_decision(territory, 1, 60)
    own = _own_page(client.get(URL).content.decode(), "77/QĐ-UBND")
    first = client.get(own).content.decode()
    second = client.get(f"{own}&page=2").content.decode()
    shown = [re.findall(r'data-certificate="([^"]+)"', page) for page in (first, second)]
    assert [len(s) for s in shown] == [50, 10] and not set(shown[0]) & set(shown[1])
    assert re.search(r'href="\?number=77%2FQ%C4%90-UBND&amp;date=2026-08-01&amp;authority=[^"]+'
                     r'&page=2"', first)  # fmt: skip
    officer = Client()
    officer.force_login(User.objects.get(username="province_p"))
    assert officer.get(own).status_code == 200  # public: signed in or not


@pytest.mark.parametrize("page", ["list", "own", "own page 2"])
def test_queries_do_not_grow_with_the_products_of_a_decision(client, catalogue, territory, page):
    _large_decision(territory, 1, 60)
    own = _own_page(client.get(URL).content.decode(), "77/QĐ-UBND")
    url = {"list": URL, "own": own, "own page 2": f"{own}&page=2"}[page]
    small = _queries(client, url)
    _large_decision(territory, 61, 60)  # 120: the list still shows 10, the page 50
    assert _queries(client, url) == small


@pytest.mark.parametrize("params", [
    {"number": "999/QĐ-UBND", "date": "2026-08-01", "authority": "UBND thành phố Hà Nội"},
    {"number": "77/QĐ-UBND", "date": "2026-02-30", "authority": "UBND thành phố Hà Nội"},
    {"number": "77/QĐ-UBND", "date": "2026-08-01"},
    {"number": "77/QĐ-UBND", "date": "2026-08-01", "authority": "UBND tỉnh khác"},
    {"date": "x" * 5000},
])  # fmt: skip
def test_a_decision_that_is_not_published_has_no_page(client, catalogue, territory, params):
    _large_decision(territory, 1, 2)
    assert client.get(URL, params).status_code == 404
