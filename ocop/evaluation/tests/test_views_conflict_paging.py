"""The conflict-of-interest form of a council's page (/councils/<pk>/, posted to
/councils/<pk>/conflicts/): the products of the open sessions 50 a page, searched by `product_q`
and paged by `product_page`, in the same number of queries however many products are on the
agenda. The declaration accepts any product of an open session, shown or not, and refuses any
other with a message, changing nothing."""

import re

import pytest

from ocop.accounts.testing import assert_matrix, client_for
from ocop.evaluation.models import Conflict, Session

from .paging_world import agenda_item, queries

pytestmark = pytest.mark.django_db
OPTION = r'<option value="(\d+)"'
NOT_ON_AGENDA = "Sản phẩm này không có trong phiên họp đang mở nào của hội đồng."


def _agenda(w, world, first: int, count: int) -> list:
    """`count` more products (named "Chè búp …") on the council's open session."""
    return [agenda_item(world, w.session, f"Chè búp {n:03d}").application.product
            for n in range(first, first + count)]  # fmt: skip


def _declarations():
    return sorted(Conflict.objects.values_list("member", "product", "status", "reason"))


@pytest.mark.parametrize("who", ["chair", "member", "province_p"])
@pytest.mark.parametrize("params", [{}, {"product_page": "2"}, {"product_q": "che bup", "product_page": "2"}])  # fmt: skip
def test_council_page_queries_do_not_grow_with_the_agenda(
    personas, council_world, world, who, params
):
    w = council_world
    user = {"chair": w.members[0].user, "member": w.members[1].user}.get(who) or personas[who]
    client = client_for(user)
    url = f"/councils/{w.council.pk}/"
    _agenda(w, world, 1, 55)  # 58 with the fixture's three: two pages
    small = queries(client, url, params)
    _agenda(w, world, 56, 100)  # four pages
    assert queries(client, url, params) == small


def test_the_form_offers_50_products_a_page_and_searches(personas, council_world, world):
    w = council_world
    products = _agenda(w, world, 1, 60)
    client = client_for(w.members[1].user)
    url = f"/councils/{w.council.pk}/"
    first = client.get(url).content.decode()
    second = client.get(url, {"product_page": 2}).content.decode()
    on_first, on_second = re.findall(OPTION, first), re.findall(OPTION, second)
    assert (len(on_first), len(on_second)) == (50, 13)
    agenda = {p.pk for p in products} | {i.application.product_id for i in w.items}
    assert set(on_first) | set(on_second) == set(map(str, agenda))
    assert "63 sản phẩm trong các phiên họp đang mở" in first
    assert '<details id="declare" open>' in second  # a page of the list opens the form
    found = client.get(url, {"product_q": "buoi phu xuyen"}).content.decode()
    assert re.findall(OPTION, found) == [str(w.items[1].application.product_id)]
    assert (
        "Không có sản phẩm nào phù hợp" in client.get(url, {"product_q": "cà phê"}).content.decode()
    )


def test_a_product_of_an_open_session_not_on_the_page_shown_is_accepted(
    personas, council_world, world
):
    w = council_world
    products = _agenda(w, world, 1, 60)
    client = client_for(w.members[1].user)
    shown = re.findall(OPTION, client.get(f"/councils/{w.council.pk}/").content.decode())
    off_page = next(p for p in products if str(p.pk) not in shown)
    response = client.post(f"/councils/{w.council.pk}/conflicts/",
                           {"product": off_page.pk, "reason": "Người nhà của chủ thể"}, follow=True)  # fmt: skip
    assert "Đã khai báo xung đột lợi ích" in response.content.decode()
    conflict = Conflict.objects.get(member=w.members[1], product=off_page)
    assert (conflict.status, conflict.reason) == ("confirmed", "Người nhà của chủ thể")


def test_a_product_off_the_open_agenda_is_refused_and_nothing_changes(
    personas, council_world, world
):
    w = council_world
    _agenda(w, world, 1, 3)
    closed = Session.objects.create(council=w.council, round=world.round, status="closed",
                                    held_on=w.session.held_on)  # fmt: skip
    old = agenda_item(world, closed, "Chè đã họp").application.product
    client = client_for(w.members[1].user)
    url = f"/councils/{w.council.pk}/conflicts/"
    for product in (world.product_b.pk, old.pk, 10**30, "abc"):
        before = _declarations()
        response = client.post(url, {"product": product, "reason": "Cùng xã"}, follow=True)
        assert NOT_ON_AGENDA in response.content.decode(), product
        assert _declarations() == before
    response = client.post(url, {"product": w.items[0].application.product_id, "reason": ""},
                           follow=True)  # fmt: skip
    assert "Vui lòng chọn sản phẩm và nêu lý do." in response.content.decode()
    assert _declarations() == before


def test_the_product_list_and_the_declaration_for_their_roles_only(personas, council_world, world):
    w = council_world
    _agenda(w, world, 1, 55)
    c = w.council.pk
    viewers = {"province_p", "central", "admin", "member"}  # persona `member` chairs
    assert_matrix(personas, f"/councils/{c}/?product_q=che&product_page=2", viewers)
    officer = client_for(personas["province_p"]).get(f"/councils/{c}/", {"product_q": "che"})
    assert officer.context["products"] is None  # no seat: no products read, no form to declare
    assert f'action="/councils/{c}/conflicts/"' not in officer.content.decode()
    product = w.items[0].application.product_id
    assert_matrix(personas, f"/councils/{c}/conflicts/", {"member"}, method="post",
                  data={"product": product, "reason": "Cùng xã"}, ok_status=(302,),
                  state=_declarations)  # fmt: skip
