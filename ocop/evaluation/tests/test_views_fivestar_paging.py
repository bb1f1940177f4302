"""The 5★ dossier list (/five-star/): 25 a page, the same number of queries whatever the number of
dossiers, and each level sees only its own (the province its dossiers, the ministry what was sent)."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.accounts.testing import client_for
from ocop.evaluation.models import Application, FiveStarDossier
from ocop.evaluation.testing import make_product, make_round

pytestmark = pytest.mark.django_db
ROW = r'href="/five-star/(\d+)/"'


def _add_dossiers(world, count: int, first: int, status: str = "sent") -> None:
    province = world.round.province
    for n in range(first, first + count):
        product = make_product(world.producer_a, f"Sản phẩm 5 sao {n}")
        application = Application.objects.create(
            round=make_round(province, year=2030, number=n), product=product,
            producer=product.producer, commune=product.producer.commune, kind="first",
            rules="26-2026", set_number=1, stage="proposed_central",
            registration_number=f"{n:03d}/PĐK-01-10273-2030",
        )  # fmt: skip
        FiveStarDossier.objects.create(
            application=application, province=province, status=status,
            letter_number=f"{n:02d}/UBND-NNMT", letter_on=date(2030, 6, 1),
        )  # fmt: skip


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["province_p", "central"])
def test_queries_do_not_grow_with_the_dossiers(personas, world, who):
    client = client_for(personas[who])
    _add_dossiers(world, 2, first=1)
    small = _queries(client, "/five-star/")
    _add_dossiers(world, 30, first=3)
    assert _queries(client, "/five-star/") == small


def test_25_a_page_with_a_link_to_the_next(personas, world):
    _add_dossiers(world, 30, first=1)
    client = client_for(personas["central"])
    first = client.get("/five-star/").content.decode()
    second = client.get("/five-star/", {"page": 2}).content.decode()
    assert (len(re.findall(ROW, first)), len(re.findall(ROW, second))) == (25, 5)
    assert "page=2" in first
    assert not set(re.findall(ROW, first)) & set(re.findall(ROW, second))


def test_each_level_sees_its_own(personas, world):
    _add_dossiers(world, 2, first=1, status="preparing")
    _add_dossiers(world, 3, first=3)
    rows = {who: len(re.findall(ROW, client_for(personas[who]).get("/five-star/").content.decode()))
            for who in ("province_p", "central")}  # fmt: skip
    assert rows == {
        "province_p": 5,
        "central": 3,
    }  # the ministry never sees a dossier in the making
    assert (
        client_for(personas["province_q"])
        .get("/five-star/")
        .content.decode()
        .count('href="/five-star/')
        == 0
    )
    assert client_for(personas["commune_x"]).get("/five-star/").status_code == 403
