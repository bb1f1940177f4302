"""A session's agenda choices (/councils/<pk>/sessions/new/) and a written consultation's
(/councils/<pk>/written/new/): 50 dossiers a page, searched by `q`, the ones chosen on other pages
kept when the form is searched or paged, and the same number of queries however many dossiers wait.
The form still accepts any dossier waiting for the council, on the page shown or not, and refuses
any other with a message, changing nothing."""

import re

import pytest

from ocop.accounts.testing import assert_matrix, client_for
from ocop.evaluation.models import Application, Session, SessionItem
from ocop.registry.testing import make_producer

from .paging_world import dossier, queries

pytestmark = pytest.mark.django_db
CHOICE = r'<input type="checkbox" name="applications" value="(\d+)"'
CHECKED = r'<input type="checkbox" name="applications" value="(\d+)"[^>]*checked'
KEPT = r'<input type="hidden" name="applications" value="(\d+)"'
NOT_WAITING = "Một hồ sơ đã chọn không (còn) chờ hội đồng này đánh giá; vui lòng chọn lại."


def _waiting(world, first: int, count: int, kind: str = "first") -> list[Application]:
    """`count` more dossiers of province P ready for the council (named "Trà sen …")."""
    return [dossier(world, f"Trà sen {n:03d}", "ready_for_council", kind=kind)
            for n in range(first, first + count)]  # fmt: skip


def _managers(w, personas) -> dict:
    return {"chair": w.members[0].user, "province_p": personas["province_p"],
            "admin": personas["admin"]}  # fmt: skip


def _form(w, world, **extra) -> dict:
    return {"round": world.round.pk, "held_on": "2027-06-02", "place": "Sở Nông nghiệp",
            "present": [m.pk for m in w.members], **extra}  # fmt: skip


def _state():
    return (Session.objects.count(), SessionItem.objects.count(),
            sorted(Application.objects.values_list("pk", "stage")))  # fmt: skip


@pytest.mark.parametrize("who", ["chair", "province_p", "admin"])
@pytest.mark.parametrize("request_", ["get", "get page 2", "search", "post page 2"])
def test_agenda_queries_do_not_grow(personas, council_world, world, who, request_):
    w = council_world
    client = client_for(_managers(w, personas)[who])
    url = f"/councils/{w.council.pk}/sessions/new/"
    chosen = [d.pk for d in _waiting(world, 1, 55)[-3:]]  # two pages; these kept off page 2
    method, data = {
        "get": ("get", {}), "get page 2": ("get", {"page": "2"}),
        "search": ("get", {"q": "tra sen", "page": "2"}),
        "post page 2": ("post", _form(w, world, page="2", applications=chosen)),
    }[request_]  # fmt: skip
    small = queries(client, url, data, method)
    _waiting(world, 56, 100)  # four pages
    assert queries(client, url, data, method) == small


def test_agenda_offers_50_a_page_and_searches(personas, council_world, world):
    w = council_world
    dossiers = _waiting(world, 1, 60)
    honey = dossier(world, "Mật ong hoa nhãn", "ready_for_council")
    client = client_for(personas["province_p"])
    url = f"/councils/{w.council.pk}/sessions/new/"
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    on_first, on_second = re.findall(CHOICE, first), re.findall(CHOICE, second)
    assert (len(on_first), len(on_second)) == (50, 11)
    assert set(on_first) | set(on_second) == {str(d.pk) for d in [*dossiers, honey]}
    assert "61 mục" in first and "Trang 1/2" in first
    found = client.get(url, {"q": "mat ong"}).content.decode()  # accents ignored
    assert re.findall(CHOICE, found) == [str(honey.pk)]
    assert "Không có mục nào phù hợp" in client.get(url, {"q": "bánh chưng"}).content.decode()


def test_searching_and_paging_keep_what_was_chosen_and_typed(personas, council_world, world):
    w = council_world
    dossiers = _waiting(world, 1, 60)  # newest first: the last 50 made are page 1
    page_one, page_two = [d.pk for d in dossiers[-3:]], dossiers[0].pk
    client = client_for(personas["province_p"])
    url = f"/councils/{w.council.pk}/sessions/new/"
    before = _state()
    response = client.post(url, _form(w, world, page="2", applications=[*page_one, page_two]))
    body = response.content.decode()
    assert response.status_code == 200 and _state() == before  # a page turned, nothing opened
    assert sorted(re.findall(KEPT, body)) == sorted(map(str, page_one))
    assert len(re.findall(CHOICE, body)) == 10 and "Trang 2/2" in body
    assert re.findall(CHECKED, body) == [str(page_two)]
    assert 'data-chosen="4"' in body and "3 ở trang khác" in body
    assert 'value="Sở Nông nghiệp"' in body and 'value="2027-06-02"' in body
    assert "field-error" not in body  # a page is no submission: nothing is "missing"
    back = client.post(url, _form(w, world, page="1", applications=page_one)).content.decode()
    assert re.findall(KEPT, back) == []  # all three on this page, checked
    assert sorted(re.findall(CHECKED, back)) == sorted(map(str, page_one))


def test_a_waiting_dossier_not_on_the_page_shown_is_accepted(personas, council_world, world):
    w = council_world
    dossiers = _waiting(world, 1, 60)
    off_page = dossiers[0]  # the oldest: page 2
    client = client_for(personas["province_p"])
    url = f"/councils/{w.council.pk}/sessions/new/"
    assert str(off_page.pk) not in re.findall(CHOICE, client.get(url).content.decode())
    response = client.post(url, _form(w, world, applications=[off_page.pk, dossiers[-1].pk]))
    assert response.status_code == 302
    session = Session.objects.latest("pk")
    assert set(session.items.values_list("application", flat=True)) == {
        off_page.pk, dossiers[-1].pk
    }  # fmt: skip
    off_page.refresh_from_db()
    assert off_page.stage == "in_council_session"


def test_a_dossier_not_waiting_for_the_council_is_refused_and_nothing_changes(
    personas, council_world, world, territory
):
    w = council_world
    waiting = _waiting(world, 1, 3)
    elsewhere = make_producer(territory.commune_z, "HTX Sài Gòn", 7)  # province Q
    other = dossier(world, "Cà phê Sài Gòn", "ready_for_council", producer=elsewhere)
    on_agenda = w.items[0].application  # already in the open session
    client = client_for(personas["province_p"])
    url = f"/councils/{w.council.pk}/sessions/new/"
    for refused in (other.pk, on_agenda.pk, 10**30, "abc"):
        before = _state()
        response = client.post(url, _form(w, world, applications=[waiting[0].pk, refused]))
        body = response.content.decode()
        assert response.status_code == 200 and NOT_WAITING in body
        assert _state() == before
        # shown again with the allowed choice checked; the refused one is not re-posted hidden
        assert re.findall(CHECKED, body) == [str(waiting[0].pk)] and re.findall(KEPT, body) == []


def test_agenda_pages_for_the_council_managers_only(personas, council_world, world):
    w = council_world
    _waiting(world, 1, 55)
    url = f"/councils/{w.council.pk}/sessions/new/"
    managers = {"province_p", "admin", "member"}  # persona `member` chairs
    assert_matrix(personas, f"{url}?q=tra&page=2", managers)
    assert_matrix(personas, url, managers, method="post", data=_form(w, world, page="2"),
                  state=_state)  # fmt: skip


@pytest.mark.parametrize("params", [{}, {"page": "2"}, {"q": "tra sen", "page": "2"}])
def test_written_consultation_choices_page_with_constant_queries(
    personas, council_world, world, params
):
    w = council_world
    client = client_for(personas["province_p"])
    url = f"/councils/{w.council.pk}/written/new/"
    _waiting(world, 1, 5)  # first-time dossiers are not offered
    _waiting(world, 6, 55, kind="reevaluation")
    small = queries(client, url, params)
    _waiting(world, 61, 100, kind="reevaluation")
    assert queries(client, url, params) == small
    shown = re.findall(CHOICE, client.get(url, params).content.decode())
    assert len(shown) == 50
    assert not Application.objects.filter(pk__in=shown).exclude(kind="reevaluation").exists()


def test_written_consultation_accepts_off_page_and_refuses_the_others(
    personas, council_world, world
):
    w = council_world
    first_time = _waiting(world, 1, 1)[0]
    dossiers = _waiting(world, 2, 60, kind="reevaluation")
    client = client_for(personas["province_p"])
    url = f"/councils/{w.council.pk}/written/new/"
    form = {"round": world.round.pk, "reply_by": "2099-12-31"}
    before = _state()
    refused = client.post(url, {**form, "applications": [dossiers[-1].pk, first_time.pk]})
    assert NOT_WAITING in refused.content.decode() and _state() == before
    assert client.post(url, {**form, "applications": [dossiers[0].pk]}).status_code == 302
    assert Session.objects.latest("pk").items.get().application == dossiers[0]
