"""The published decisions (/catalogue/decisions/): two pagers, 20 decisions and 20 revocations a
page, and the same number of queries however many decisions, products and revocations there are."""

import re
from datetime import date

import pytest
from django.db import connection
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
