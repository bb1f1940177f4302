"""A council member's sheets (/sheets/): 25 products a page grouped by session, and the same
number of queries however many open sessions and products the member's councils hold; the council
page (/councils/<pk>/) pages its sessions and its conflicts of interest the same way."""

import re
from datetime import date, timedelta

import pytest

from ocop.accounts.testing import client_for
from ocop.evaluation.models import Conflict, ScoreSheet, Session
from ocop.evaluation.models.councils import ConflictSource, ConflictStatus
from ocop.evaluation.testing import make_product

from .paging_world import agenda_item, queries

pytestmark = pytest.mark.django_db
ROW = r'href="/sheets/(\d+)/"'


def _add_session(w, world, items: int, n: int) -> Session:
    """One more open session of the council, `items` products on its agenda, the chair's draft
    sheet on the first."""
    session = Session.objects.create(council=w.council, round=world.round,
                                     held_on=date(2027, 6, 1) + timedelta(days=n))  # fmt: skip
    for k in range(items):
        item = agenda_item(world, session, f"Sản phẩm phiên {n}-{k}")
        if k == 0:
            ScoreSheet.objects.create(item=item, member=w.members[0], total=40)
    return session


@pytest.mark.parametrize("seat", [0, 2])  # the chair (persona `member`) and the secretary
@pytest.mark.parametrize("url", ["/sheets/", "/sheets/?page=2"])
def test_queries_do_not_grow_with_sessions_or_products(personas, council_world, world, seat, url):
    w = council_world
    client = client_for(w.members[seat].user)
    for n in range(2):
        _add_session(w, world, 12, n)  # 3 + 24 products: two pages
    small = queries(client, url)
    for n in range(2, 8):
        _add_session(w, world, 12, n)  # 3 + 96: four pages
    assert queries(client, url) == small


def test_admin_queries_do_not_grow_either(personas, council_world, world):
    client = client_for(personas["admin"])
    _add_session(council_world, world, 2, 0)
    small = queries(client, "/sheets/")
    for n in range(1, 4):
        _add_session(council_world, world, 10, n)
    assert queries(client, "/sheets/") == small


def test_25_products_a_page_grouped_by_session(personas, council_world, world):
    w = council_world
    newest = _add_session(w, world, 30, 1)  # held after the fixture's session: listed first
    client = client_for(personas["member"])
    first = client.get("/sheets/").content.decode()
    second = client.get("/sheets/", {"page": 2}).content.decode()
    on_first, on_second = re.findall(ROW, first), re.findall(ROW, second)
    assert (len(on_first), len(on_second)) == (25, 8)
    assert not set(on_first) & set(on_second)
    assert on_first == [str(i.pk) for i in newest.items.order_by("pk")[:25]]
    assert on_second[5:] == [str(i.pk) for i in w.items]
    assert re.findall(r'id="session-(\d+)-title"', first) == [str(newest.pk)]
    assert re.findall(r'id="session-(\d+)-title"', second) == [str(newest.pk), str(w.session.pk)]
    assert "page=2" in first
    assert "nháp (40)" in first  # the chair's draft on the session's first product


def test_a_session_with_every_product_blocked_is_listed_on_the_first_page_only(
    personas, council_world, world
):
    w = council_world
    blocked = _add_session(w, world, 1, 1)
    Conflict.objects.create(member=w.members[0], product=blocked.items.get().application.product,
                            source=ConflictSource.DECLARED, status=ConflictStatus.CONFIRMED)  # fmt: skip
    _add_session(w, world, 25, 0)  # held before `blocked`, after the fixture's session
    client = client_for(personas["member"])
    first = client.get("/sheets/").content.decode()
    second = client.get("/sheets/", {"page": 2}).content.decode()
    assert f'id="session-{blocked.pk}-title"' in first
    assert f'id="session-{blocked.pk}-title"' not in second
    assert str(blocked.items.get().pk) not in re.findall(ROW, first + second)
    assert len(re.findall(ROW, first + second)) == 28  # 25 + the fixture's three
    other_seat = client_for(w.members[1].user).get("/sheets/").content.decode()
    assert str(blocked.items.get().pk) in re.findall(ROW, other_seat)  # only the conflicted seat


def _grow_council(w, world, first: int, count: int) -> None:
    """`count` more sessions (closed) and a conflict of every seat on `count` more products."""
    for n in range(first, first + count):
        Session.objects.create(council=w.council, round=world.round, status="closed",
                               held_on=date(2027, 1, 1) + timedelta(days=n))  # fmt: skip
        product = make_product(world.producer_a, f"Sản phẩm xung đột {n}")
        for member in w.members:
            Conflict.objects.create(member=member, product=product, reason="Cùng xã",
                                    source=ConflictSource.SAME_COMMUNE)  # fmt: skip


@pytest.mark.parametrize("who", ["chair", "member", "province_p", "admin"])
@pytest.mark.parametrize("params", ["", "?sessions=2&conflicts=2"])
def test_council_page_queries_do_not_grow_with_sessions_or_conflicts(
    personas, council_world, world, who, params
):
    w = council_world
    user = {"chair": w.members[0].user, "member": w.members[1].user}.get(who) or personas[who]
    url = f"/councils/{w.council.pk}/{params}"
    client = client_for(user)
    _grow_council(w, world, 1, 12)
    small = queries(client, url)
    _grow_council(w, world, 13, 36)  # 49 sessions and 48 conflicts a seat: two pages each
    assert queries(client, url) == small


def test_council_page_pages_sessions_and_conflicts_each_keeping_the_others_page(
    personas, council_world, world
):
    w = council_world
    _grow_council(w, world, 1, 30)  # 31 sessions, 90 conflicts
    client = client_for(personas["province_p"])
    page = client.get(f"/councils/{w.council.pk}/", {"sessions": 2, "conflicts": 3})
    assert (len(page.context["sessions"]), len(page.context["conflicts"])) == (6, 25)
    links = re.findall(r'<a href="\?([^"]+)">', page.content.decode())
    assert links == ["conflicts=3&sessions=1", "sessions=2&conflicts=2", "sessions=2&conflicts=4"]
    seat = client_for(w.members[1].user).get(f"/councils/{w.council.pk}/")
    assert seat.context["conflicts"].paginator.count == 30  # a member sees its own only
