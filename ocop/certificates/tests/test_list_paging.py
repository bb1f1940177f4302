"""The certificate list: 25 a page, page 2 shows the rest, and the same number of queries whatever
the number of certificates."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.accounts.testing import client_for
from ocop.certificates.notice_models import NoticeKind, RecipientKind
from ocop.certificates.notice_services import Letter, notice_send
from ocop.registry.testing import make_product

from .conftest import issue

ROW = r'href="/certificates/(\d+)/"'


def _certify(producer, first: int, count: int) -> None:
    for n in range(first, first + count):
        issue(make_product(producer, f"Sản phẩm {n:03d}", 4))


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_certificate_list_queries_do_not_grow_with_certificates(personas, product_p):
    client = client_for(personas["province_p"])
    _certify(product_p.producer, 1, 2)
    small = _queries(client, "/certificates/")
    _certify(product_p.producer, 3, 30)
    assert _queries(client, "/certificates/") == small


def test_certificate_list_shows_25_a_page_and_page_2_the_rest(personas, product_p):
    _certify(product_p.producer, 1, 30)
    client = client_for(personas["province_p"])
    first = client.get("/certificates/", {"stars": 3}).content.decode()
    second = client.get("/certificates/", {"stars": 3, "page": 2}).content.decode()
    on_first, on_second = re.findall(ROW, first), re.findall(ROW, second)
    assert (len(on_first), len(on_second)) == (25, 5)
    assert not set(on_first) & set(on_second)
    assert "stars=3&page=2" in first


def _notices(product, first: int, count: int) -> None:
    """`count` results, each in three letters: to the producer, its commune and its province."""
    producer = product.producer
    for n in range(first, first + count):
        letters = [
            Letter(kind=NoticeKind.RESULT, recipient_kind=kind, province=producer.commune.province,
                   commune=producer.commune, producer=producer, product=product,
                   subject=f"Kết quả đánh giá {n:03d}", body="…", source=product)
            for kind in RecipientKind.values
        ]  # fmt: skip
        notice_send(actor=None, letters=letters, authority_name="UBND thành phố Hà Nội",
                    authority_level="province", issued_on=date(2026, 7, 1))  # fmt: skip


@pytest.mark.parametrize("who", ["producer_a", "commune_x", "province_p", "central"])
def test_notice_list_queries_do_not_grow_with_notices(personas, product_p, who):
    client = client_for(personas[who])
    _notices(product_p, 1, 4)  # 4 letters for the producer, 12 for the officers
    small = _queries(client, "/notices/")
    _notices(product_p, 5, 12)  # 16 and 48: two pages
    assert _queries(client, "/notices/") == small


def test_notice_list_25_a_page_each_reader_its_letters(personas, product_p):
    _notices(product_p, 1, 10)
    pages = {
        who: [re.findall(r'href="/notices/(\d+)/pdf/"', client_for(personas[who])
              .get("/notices/", {"page": n}).content.decode()) for n in (1, 2)]
        for who in ("producer_a", "province_p")
    }  # fmt: skip
    assert [len(rows) for rows in pages["producer_a"]] == [
        10,
        10,
    ]  # its own only: one page (page 2 is page 1 again)
    assert [len(rows) for rows in pages["province_p"]] == [25, 5]  # every copy in the province
    assert not set(pages["province_p"][0]) & set(pages["province_p"][1])
