"""A recognition decision's page: its products and its notices come 50 a page (two pagers, `page`
and `notices`), in the same number of queries however many products the decision recognises."""

import re
from datetime import date

import pytest

from ocop.accounts.testing import client_for
from ocop.certificates.notice_models import NoticeKind, RecipientKind
from ocop.certificates.notice_services import Letter, notice_send
from ocop.certificates.services import certificate_issue
from ocop.evaluation.models import Decision
from ocop.registry.services import product_assign_code

from .paging_world import agenda_item, queries

pytestmark = pytest.mark.django_db
HANOI = "UBND thành phố Hà Nội"
DAY = date(2027, 6, 1)


@pytest.fixture
def decision(territory) -> Decision:
    return Decision.objects.create(level="province", province=territory.province_p, year=2027,
                                   serial=1, number="1/QĐ-UBND", decided_on=DAY,
                                   authority_name=HANOI)  # fmt: skip


def _recognise(w, world, decision, first: int, count: int) -> None:
    """`count` products of the session in the decision, every other one with its certificate,
    each with a result letter to its producer."""
    for n in range(first, first + count):
        item = agenda_item(world, w.session, f"Sản phẩm quyết định {n:03d}", decision=decision,
                           stars=3, sheet_count=3, total_sum=3 * (60 + n % 10))  # fmt: skip
        product = item.application.product
        if n % 2:
            product_assign_code(product=product, year=2027)
            product.refresh_from_db()
            certificate_issue(actor=None, product=product, stars=3, rules="26-2026",
                              authority_name=HANOI, authority_level="province",
                              decision_number=decision.number, decision_date=DAY, issue_date=DAY)  # fmt: skip
        letter = Letter(kind=NoticeKind.RESULT, recipient_kind=RecipientKind.PRODUCER,
                        province=decision.province, commune=product.producer.commune,
                        producer=product.producer, product=product, source=decision,
                        subject=f"Kết quả {n:03d}", body="…")  # fmt: skip
        notice_send(actor=None, letters=[letter], authority_name=HANOI,
                    authority_level="province", issued_on=DAY)  # fmt: skip


@pytest.mark.parametrize("who", ["province_p", "central", "admin"])
@pytest.mark.parametrize("params", ["", "?page=2&notices=2"])
def test_decision_page_queries_do_not_grow(personas, council_world, world, decision, who, params):
    client = client_for(personas[who])
    url = f"/decisions/{decision.pk}/{params}"
    _recognise(council_world, world, decision, 1, 20)
    client.get(url)  # the first request of the run also fills Django's content type cache
    small = queries(client, url)
    _recognise(council_world, world, decision, 21, 40)  # 60: two pages of each list
    assert queries(client, url) == small


def test_decision_page_pages_products_and_notices_apart(personas, council_world, world, decision):
    _recognise(council_world, world, decision, 1, 60)
    client = client_for(personas["province_p"])
    url = f"/decisions/{decision.pk}/"
    first = client.get(url)
    second = client.get(url, {"page": 2, "notices": 2})
    assert [len(r.context["rows"]) for r in (first, second)] == [50, 10]
    assert [len(r.context["notices"]) for r in (first, second)] == [50, 10]
    body = second.content.decode()
    assert body.count(">xác minh</a>") == 5  # the page's certified products, not the decision's
    assert re.findall(r'<a href="\?([^"]+)">', body) == ["notices=2&page=1", "page=2&notices=1"]
    assert "Sản phẩm quyết định 060" in body and "Sản phẩm quyết định 001" not in body
