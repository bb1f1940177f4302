"""The products awaiting a decision on /decisions/: 50 a page (`waiting`), searched by `waiting_q`
(the issued decisions keep `page` and `q`), the ones chosen on other pages kept when the form is
searched or paged, and the same number of queries however many products wait. Issuing accepts any
product awaiting the officer's authority, shown or not, and refuses any other with a message,
changing nothing."""

import re

import pytest

from ocop.accounts.testing import assert_matrix, client_for
from ocop.certificates.models import Certificate
from ocop.evaluation.models import Decision, SessionItem

from .paging_world import agenda_item, queries

pytestmark = pytest.mark.django_db
URL = "/decisions/"
CHOICE = r'<input type="checkbox" name="items" value="(\d+)"'
KEPT = r'<input type="hidden" name="items" value="(\d+)"'
NOT_AWAITING = "Một sản phẩm đã chọn không (còn) chờ quyết định của cơ quan bạn; vui lòng chọn lại."
OFFICERS = {"province_p", "province_q", "central", "admin"}


def _scored(w, world, first: int, count: int) -> list[SessionItem]:
    """`count` more products of the provincial session scored 3★ (named "Nem chua …")."""
    return [agenda_item(world, w.session, f"Nem chua {n:03d}", "scored", stars=3, sheet_count=3,
                        total_sum=3 * 70) for n in range(first, first + count)]  # fmt: skip


def _form(**extra) -> dict:
    return {"decided_on": "2027-06-20", "signer": "Nguyễn Văn Phong", **extra}


def _state():
    return (Decision.objects.count(), Certificate.objects.count(),
            sorted(SessionItem.objects.values_list("pk", "decision", "application__stage")))  # fmt: skip


@pytest.mark.parametrize("who", ["province_p", "central"])
@pytest.mark.parametrize("request_", ["get", "get page 2", "search", "post page 2"])
def test_waiting_queries_do_not_grow(personas, council_world, world, who, request_):
    w = council_world
    client = client_for(personas[who])
    chosen = [i.pk for i in _scored(w, world, 1, 55)[:3]]  # two pages; these kept off page 2
    method, data = {
        "get": ("get", {}), "get page 2": ("get", {"waiting": "2"}),
        "search": ("get", {"waiting_q": "nem chua", "waiting": "2"}),
        "post page 2": ("post", _form(waiting="2", items=chosen)),
    }[request_]  # fmt: skip
    small = queries(client, URL, data, method)
    _scored(w, world, 56, 100)  # four pages
    assert queries(client, URL, data, method) == small


def test_waiting_products_come_50_a_page_and_are_searched(personas, council_world, world):
    w = council_world
    items = _scored(w, world, 1, 60)
    client = client_for(personas["province_p"])
    first = client.get(URL).content.decode()
    second = client.get(URL, {"waiting": 2}).content.decode()
    on_first, on_second = re.findall(CHOICE, first), re.findall(CHOICE, second)
    assert (len(on_first), len(on_second)) == (50, 10)
    assert set(on_first) | set(on_second) == {str(i.pk) for i in items}
    found = client.get(URL, {"waiting_q": "nem chua 007"}).content.decode()
    assert re.findall(CHOICE, found) == [str(items[6].pk)]
    # province Q's officer sees none of province P's products
    other = client_for(personas["province_q"]).get(URL).content.decode()
    assert re.findall(CHOICE, other) == [] and "Không có sản phẩm nào chờ quyết định." in other


def test_paging_the_waiting_products_keeps_what_was_chosen(personas, council_world, world):
    w = council_world
    items = _scored(w, world, 1, 60)
    first_page, last = [i.pk for i in items[:2]], items[-1].pk
    client = client_for(personas["province_p"])
    before = _state()
    response = client.post(URL, _form(waiting="2", items=[*first_page, last]))
    body = response.content.decode()
    assert response.status_code == 200 and _state() == before
    assert sorted(re.findall(KEPT, body)) == sorted(map(str, first_page))
    checked = re.findall(r'<input type="checkbox" name="items" value="(\d+)"[^>]*checked', body)
    assert checked == [str(last)]
    assert 'data-chosen="3"' in body and 'value="Nguyễn Văn Phong"' in body
    assert "field-error" not in body


def test_issuing_accepts_a_waiting_product_not_on_the_page_shown(personas, council_world, world):
    w = council_world
    items = _scored(w, world, 1, 60)
    off_page = items[-1]
    client = client_for(personas["province_p"])
    assert str(off_page.pk) not in re.findall(CHOICE, client.get(URL).content.decode())
    data = _form(items=[items[0].pk, off_page.pk])
    asked = client.post(URL, data).content.decode()
    assert "Ban hành quyết định công nhận?" in asked and not Decision.objects.exists()
    assert client.post(URL, {**data, "confirm": "1"}).status_code == 302
    decision = Decision.objects.get()
    assert set(decision.items.values_list("pk", flat=True)) == {items[0].pk, off_page.pk}


def test_issuing_refuses_a_product_not_awaiting_the_officer_and_changes_nothing(
    personas, council_world, world
):
    w = council_world
    waiting = _scored(w, world, 1, 2)
    unscored = w.items[0]  # still in the open session
    for who, refused in (("province_p", unscored.pk), ("province_p", 10**30),
                         ("province_q", waiting[1].pk), ("central", waiting[1].pk)):  # fmt: skip
        before = _state()
        data = _form(items=[refused], confirm="1")
        response = client_for(personas[who]).post(URL, data)
        assert response.status_code == 200, who
        assert NOT_AWAITING in response.content.decode(), who
        assert _state() == before


def test_the_waiting_list_for_the_officers_only(personas, council_world, world):
    w = council_world
    chosen = [i.pk for i in _scored(w, world, 1, 55)[:2]]
    assert_matrix(personas, f"{URL}?waiting=2&waiting_q=nem", OFFICERS)
    assert_matrix(personas, URL, OFFICERS, method="post", data=_form(waiting="2", items=chosen),
                  state=_state)  # fmt: skip
