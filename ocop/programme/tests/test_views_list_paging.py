"""Ideas, courses, a producer's trainings, events and showrooms: 25 a page, page 2 shows the rest,
and the same number of queries whatever the number of rows."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ocop.programme.choices import EventKind, OutletKind
from ocop.programme.models import Event, Plan, Showroom, Target
from ocop.programme.services_cycle import idea_register
from ocop.programme.services_training import course_record, event_record, showroom_record
from ocop.programme.testing_activity import COURSE, idea_data, producer_attendee
from ocop.programme.units import resolve_unit
from ocop.registry.testing import make_producer, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(territory, personas):
    producer = make_producer(territory.commune_x, "HTX Phú Xuyên", 1, personas["producer_a"],
                             representative_name="Nguyễn Thị Hợp")  # fmt: skip
    return personas["commune_x"], producer, make_product(producer, "Trà sen Phú Xuyên")


def _ideas(world, first: int, count: int) -> None:
    officer, producer, _ = world
    for n in range(first, first + count):
        idea_register(actor=officer, **idea_data(producer, f"Ý tưởng {n}"))


def _courses(world, first: int, count: int) -> None:
    officer, producer, _ = world
    for n in range(first, first + count):
        course_record(actor=officer, unit=resolve_unit(producer.commune.code),
                      data={**COURSE, "title": f"Lớp {n}"},
                      attendees=[producer_attendee(producer)])  # fmt: skip


def _events(world, first: int, count: int) -> None:
    officer, producer, product = world
    for n in range(first, first + count):
        event_record(actor=officer, unit=resolve_unit(producer.commune.code), products=[product],
                     data={"kind": EventKind.FAIR, "name": f"Hội chợ {n}",
                           "start_date": date(2026, 4, 1), "end_date": date(2026, 4, 3),
                           "place": "Sân vận động xã", "organiser": "UBND xã"})  # fmt: skip


def _showrooms(world, first: int, count: int) -> None:
    officer, producer, product = world
    for n in range(first, first + count):
        showroom_record(actor=officer, unit=resolve_unit(producer.commune.code), products=[product],
                        data={"kind": OutletKind.POINT_OF_SALE, "name": f"Điểm bán {n:03d}",
                              "address": "Thôn 1", "location": producer.commune,
                              "operator": "HTX Phú Xuyên", "opened_on": date(2025, 9, 2)})  # fmt: skip


# (page, who opens it, how rows are added, what marks one row)
LISTS = [
    ("/programme/ideas/", "commune_x", _ideas, r'href="/programme/ideas/(\d+)/"'),
    ("/programme/ideas/?year=2026", "producer_a", _ideas, r'href="/programme/ideas/(\d+)/"'),
    ("/programme/courses/", "commune_x", _courses, r'href="/programme/courses/(\d+)/"'),
    ("/programme/courses/", "producer_a", _courses, r"<td data-label=\"Lớp\">(Lớp \d+)</td>"),
    ("/programme/events/", "commune_x", _events, r'href="/programme/events/(\d+)/"'),
    ("/programme/showrooms/", "commune_x", _showrooms, r'href="/programme/showrooms/(\d+)/"'),
]


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(("url", "who", "add", "row"), LISTS)
def test_list_queries_do_not_grow_with_rows(world, personas, url, who, add, row):
    client = _client(personas[who])
    add(world, 1, 2)
    small = _queries(client, url)
    add(world, 3, 30)
    assert _queries(client, url) == small


@pytest.mark.parametrize(("url", "who", "add", "row"), LISTS)
def test_lists_show_25_a_page_and_page_2_the_rest(world, personas, url, who, add, row):
    add(world, 1, 30)
    client = _client(personas[who])
    first = client.get(url).content.decode()
    joiner = "&" if "?" in url else "?"
    second = client.get(f"{url}{joiner}page=2").content.decode()
    on_first, on_second = re.findall(row, first), re.findall(row, second)
    assert (len(on_first), len(on_second)) == (25, 5)
    assert not set(on_first) & set(on_second)
    assert "page=2" in first
    assert "page=1" in second


def test_idea_page_links_keep_the_filters(world, personas):
    _ideas(world, 1, 30)
    page = _client(personas["commune_x"]).get("/programme/ideas/?year=2026&status=submitted")
    assert 'href="?year=2026&amp;status=submitted&page=2"' in page.content.decode()


def _plans(pw, territory, first: int, count: int) -> None:
    for n in range(first, first + count):
        plan = Plan.objects.create(
            province=territory.province_p, historic_unit=pw.district, name=f"Kế hoạch {n:03d}",
            start_year=2021, end_year=2025, document_date=date(2021, 3, 1),
        )  # fmt: skip
        Target.objects.create(plan=plan, indicator="events_held", value=5)


def test_plan_list_queries_do_not_grow_with_plans_beyond_the_page(pw, territory, personas):
    client = _client(personas["province_p"])
    _plans(pw, territory, 1, 26)  # with the fixture's plan: 25 on page 1, 2 on page 2
    small = _queries(client, "/programme/plans/")
    _plans(pw, territory, 27, 30)
    assert _queries(client, "/programme/plans/") == small


def test_plan_list_shows_25_plans_a_page_with_their_targets(pw, territory, personas):
    _plans(pw, territory, 1, 29)  # and the fixture's plan, without targets: 30 plans
    client = _client(personas["province_p"])
    first, second = (client.get("/programme/plans/", {"page": n}) for n in (1, 2))
    plans = [[p.pk for p in r.context["plans"]] for r in (first, second)]
    assert (len(plans[0]), len(plans[1])) == (25, 5)
    assert not set(plans[0]) & set(plans[1])
    assert [[row.plan.pk for row in r.context["rows"]] for r in (first, second)] == [
        [pk for pk in plans[0] if pk != pw.plan.pk],
        [pk for pk in plans[1] if pk != pw.plan.pk],
    ]
    assert "page=2" in first.content.decode()


def _record_pages(world, count: int, first: int) -> list[str]:
    """A course with `count` producers attending, an event and a showroom with `count` products
    each (every product and producer new): the three detail pages' URLs."""
    officer, producer, _ = world
    unit = resolve_unit(producer.commune.code)
    producers = [make_producer(producer.commune, f"HTX Học viên {n:03d}", 5_000 + 10 * n)
                 for n in range(first, first + count)]  # fmt: skip
    products = [make_product(p, f"Sản phẩm {p.name}") for p in producers]
    course = course_record(actor=officer, unit=unit, data={**COURSE, "title": f"Lớp {first}"},
                           attendees=[producer_attendee(p) for p in producers])  # fmt: skip
    _events(world, first, 1)
    _showrooms(world, first, 1)
    event, showroom = Event.objects.latest("pk"), Showroom.objects.latest("pk")
    event.products.set(products)
    showroom.products.set(products)
    return [f"/programme/courses/{course.pk}/", f"/programme/events/{event.pk}/",
            f"/programme/showrooms/{showroom.pk}/"]  # fmt: skip


@pytest.mark.parametrize("who", ["commune_x", "province_p"])
def test_course_event_and_showroom_pages_take_the_same_queries_for_more_rows(world, personas, who):
    client = _client(personas[who])
    small_urls = _record_pages(world, 3, first=1)
    large_urls = _record_pages(world, 12, first=10)
    assert [_queries(client, url) for url in large_urls] == [
        _queries(client, url) for url in small_urls
    ]
