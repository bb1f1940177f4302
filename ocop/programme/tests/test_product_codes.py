"""Events and showrooms of an officer who sees more products than MAX_CHECKBOXES (a province sees
thousands, the ministry 50,000): the products are typed by code or number in a text area instead
of a checkbox each; an unknown code or one outside the officer's territory is refused with a
Vietnamese message and nothing is written."""

import pytest
from django.test import Client

from ocop.programme import forms_activity
from ocop.programme.models import Event, Showroom
from ocop.programme.testing_activity import build_activity
from ocop.registry.testing import make_producer, make_product

pytestmark = pytest.mark.django_db

EVENT = {"unit": "01", "kind": "fair", "name": "Hội chợ OCOP tỉnh", "start_date": "2026-06-01",
         "end_date": "2026-06-03", "place": "Cung Văn hóa", "organiser": "Sở NN&MT"}  # fmt: skip


@pytest.fixture
def world(territory, personas, monkeypatch):
    monkeypatch.setattr(forms_activity, "MAX_CHECKBOXES", 1)
    a = make_producer(territory.commune_x, "HTX Phú Xuyên", 1, personas["producer_a"])
    tea = make_product(a, "Trà sen Phú Xuyên", code="01-10273-001-2025")
    rice = make_product(a, "Gạo Phú Xuyên")  # not coded yet: typed by its number
    elsewhere = make_product(make_producer(territory.commune_z, "Công ty Sài Gòn", 3),
                             "Cà phê Sài Gòn", code="79-26734-001-2025")  # fmt: skip
    activity = build_activity(personas["commune_x"], a, tea)
    return tea, rice, elsewhere, activity


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_the_form_asks_for_codes_instead_of_a_checkbox_each(world, personas):
    html = _client(personas["province_p"]).get("/programme/events/new/").content.decode()
    assert 'name="product_codes"' in html and 'name="products"' not in html
    assert "01-10273-001-2025" in html  # the example in the help text


def test_an_event_takes_products_by_code_and_number(world, personas):
    tea, rice, _, _ = world
    response = _client(personas["province_p"]).post(
        "/programme/events/new/", {**EVENT, "product_codes": f"01-10273-001-2025, {rice.pk}\n"}
    )
    assert response.status_code == 302
    event = Event.objects.get(name="Hội chợ OCOP tỉnh")
    assert set(event.products.all()) == {tea, rice}


@pytest.mark.parametrize(
    "typed", ["01-10273-999-2025", "79-26734-001-2025", "99999999999999999999"]
)
def test_an_unknown_or_foreign_product_is_refused_and_nothing_written(world, personas, typed):
    response = _client(personas["province_p"]).post(
        "/programme/events/new/", {**EVENT, "product_codes": f"01-10273-001-2025\n{typed}"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["product_codes"] == [
        f"Không tìm thấy sản phẩm “{typed}” trong phạm vi của bạn."
    ]
    assert not Event.objects.filter(name="Hội chợ OCOP tỉnh").exists()


def test_too_many_codes_at_once_are_refused(world, personas, monkeypatch):
    monkeypatch.setattr(forms_activity, "MAX_PRODUCT_CODES", 1)
    response = _client(personas["province_p"]).post(
        "/programme/events/new/", {**EVENT, "product_codes": "01-10273-001-2025\n1\n2"}
    )
    assert response.context["form"].errors["product_codes"] == ["Tối đa 1 sản phẩm một lần."]
    assert not Event.objects.filter(name="Hội chợ OCOP tỉnh").exists()


def test_a_showroom_s_products_are_shown_and_replaced_by_code(world, personas):
    tea, rice, _, activity = world
    showroom = activity.showroom
    officer = _client(personas["province_p"])
    page = officer.get(f"/programme/showrooms/{showroom.pk}/").content.decode()
    assert 'name="product_codes"' in page
    assert showroom.products.exists()
    for product in showroom.products.all():
        assert (product.code or str(product.pk)) in page
    response = officer.post(f"/programme/showrooms/{showroom.pk}/products/",
                            {"product_codes": str(rice.pk)})  # fmt: skip
    assert response.status_code == 302
    assert list(Showroom.objects.get(pk=showroom.pk).products.all()) == [rice]
