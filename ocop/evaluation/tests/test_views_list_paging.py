"""Dossier list and "my tasks": 25 a page, and the same number of queries whatever the data size
(no query per round in the filter, none per row)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop.accounts.testing import client_for
from ocop.evaluation.models import Application
from ocop.evaluation.testing import make_product, make_round

pytestmark = pytest.mark.django_db


def _add_dossiers(world, count: int, first_round: int) -> None:
    """`count` submitted dossiers of producer A, each in its own round of province P."""
    province = world.round.province
    for n in range(count):
        product = make_product(world.producer_a, f"Sản phẩm {first_round + n}")
        round_ = make_round(province, year=2030, number=first_round + n)
        Application.objects.create(
            round=round_, product=product, producer=product.producer,
            commune=product.producer.commune, kind="first", rules="26-2026", set_number=1,
            stage="submitted", registration_number=f"{first_round + n:03d}/PĐK-01-10273-2030",
        )  # fmt: skip


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/applications/", "/applications/tasks/"])
def test_list_queries_do_not_grow_with_dossiers_or_rounds(personas, world, url):
    client = client_for(personas["commune_x"])
    _add_dossiers(world, 2, first_round=1)
    small = _queries(client, url)
    _add_dossiers(world, 12, first_round=3)
    assert _queries(client, url) == small


@pytest.mark.parametrize(
    ("url", "row"),
    [("/applications/", r"/applications/(\d+)/\""), ("/applications/tasks/", r'data-task="(\d+)"')],
)
def test_lists_show_25_a_page_with_a_link_to_the_next(personas, world, url, row):
    _add_dossiers(world, 30, first_round=1)
    client = client_for(personas["commune_x"])
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert (len(re.findall(row, first)), len(re.findall(row, second))) == (25, 5)
    assert "page=2" in first
    assert not set(re.findall(row, first)) & set(re.findall(row, second))


def test_round_filter_offers_only_the_rounds_of_dossiers_the_user_may_see(
    personas, world, territory
):
    _add_dossiers(world, 1, first_round=1)
    other = make_round(territory.province_q, year=2030, number=9)
    page = client_for(personas["commune_x"]).get("/applications/").content.decode()
    options = re.findall(r'<option value="(\d+)"', page)
    assert str(other.pk) not in options
    assert options == [str(a.round_id) for a in Application.objects.all()]
