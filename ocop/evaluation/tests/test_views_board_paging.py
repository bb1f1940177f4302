"""The session board (the council's results page) and the minutes page: 50 products a page, and the
same number of queries however many products and sheets the session holds, for every manager."""

import pytest
from django.utils import timezone

from ocop.accounts.testing import client_for
from ocop.criteria.engine import score_sheet, sheet_record
from ocop.evaluation import consolidation
from ocop.evaluation.models import ScoreSheet
from ocop.evaluation.services.sheets import item_sheet
from ocop.evaluation.testing import answers_totalling

from .paging_world import agenda_item, queries

pytestmark = pytest.mark.django_db


def _add_items(w, world, count: int, start: int) -> None:
    """`count` more products on the agenda, each with a submitted sheet from every seat."""
    for n in range(start, start + count):
        item = agenda_item(world, w.session, f"Sản phẩm hội đồng {n}")
        answers = answers_totalling(item_sheet(item), 70)
        for member in w.members:
            ScoreSheet.objects.create(item=item, member=member, answers=answers, total=70,
                                      status="submitted", submitted_at=timezone.now(), version=1)  # fmt: skip


def test_board_queries_do_not_grow_with_the_session(personas, council_world, world):
    w = council_world
    url = f"/sessions/{w.session.pk}/"
    client = client_for(w.members[0].user)
    _add_items(w, world, 2, start=0)
    small = queries(client, url)
    _add_items(w, world, 10, start=2)
    assert queries(client, url) == small


def test_board_shows_50_products_a_page(personas, council_world, world):
    w = council_world
    _add_items(w, world, 52, start=0)  # 55 with the three of the fixture
    client = client_for(w.members[0].user)
    first = client.get(f"/sessions/{w.session.pk}/")
    second = client.get(f"/sessions/{w.session.pk}/", {"page": 2})
    assert (len(first.context["rows"]), len(second.context["rows"])) == (50, 5)
    assert "page=2" in first.content.decode()
    assert not {r.item.pk for r in first.context["rows"]} & {
        r.item.pk for r in second.context["rows"]
    }


def test_board_reads_and_consolidates_only_its_page(personas, council_world, world, monkeypatch):
    w = council_world
    _add_items(w, world, 52, start=0)  # 55 with the three of the fixture
    sheet = item_sheet(w.items[0])  # every added product is of set 1, scored 70 alike
    ScoreSheet.objects.update(scored=sheet_record(score_sheet(sheet, answers_totalling(sheet, 70))))
    read = []
    original = consolidation.record_columns
    monkeypatch.setattr(consolidation, "record_columns",
                        lambda sheet, records: read.append(len(records)) or original(sheet, records))  # fmt: skip
    client = client_for(w.members[0].user)
    response = client.get(f"/sessions/{w.session.pk}/", {"page": 2})
    assert len(response.context["rows"]) == 5
    assert read == [3] * 5  # the page's five products, three sheets each, not the session's 55


@pytest.mark.parametrize("who", ["chair", "secretary", "province_p", "admin"])
@pytest.mark.parametrize("page", ["minutes/", "minutes/?page=2", "", "?page=2"])
def test_minutes_and_board_queries_do_not_grow_for_every_manager(
    personas, council_world, world, who, page
):
    w = council_world
    user = {"chair": w.members[0].user, "secretary": w.members[-1].user}.get(who) or personas[who]
    client = client_for(user)
    url = f"/sessions/{w.session.pk}/{page}"
    _add_items(w, world, 50, start=0)  # 53: two pages of 50
    small = queries(client, url)
    _add_items(w, world, 100, start=50)  # 153: four pages
    assert queries(client, url) == small
