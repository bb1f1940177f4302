"""Bad input in the producer and product forms: a form error, never a server error, and typed
names stored without invisible characters."""

import pytest
from django.urls import reverse

from ocop.accounts.testing import client_for
from ocop.registry.models import Producer, Product
from ocop.registry.testing import valid_tax_code

pytestmark = pytest.mark.django_db


def product_data(registry, **extra) -> dict:
    return {"producer": registry.producer_x.pk, "name": "Chè búp", "rules": "26-2026",
            "set_number": "7", **extra}  # fmt: skip


def post_product(personas, registry, **extra):
    return client_for(personas["commune_x"]).post(
        reverse("registry:product_create"), product_data(registry, **extra)
    )


@pytest.mark.parametrize("rules", ["x" * 5000, "../data/26-2026", "../../../../etc/passwd"])
def test_an_unknown_rule_set_in_the_product_form_is_a_form_error(personas, registry, rules):
    before = Product.objects.count()
    response = post_product(personas, registry, rules=rules)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["rules", "set_number"]
    assert Product.objects.count() == before


def test_a_huge_price_in_the_product_form_is_a_form_error(personas, registry):
    before = Product.objects.count()
    response = post_product(personas, registry, price=str(10**30))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["price"]
    assert Product.objects.count() == before


def test_typed_names_are_stored_without_invisible_characters(personas, registry):
    response = post_product(personas, registry, name="Chè\u200b búp\u00ad  Thái\ufeff",
                            description="Dòng một\u200c\r\nDòng hai")  # fmt: skip
    assert response.status_code == 302
    product = Product.objects.get(name="Chè búp Thái")
    assert product.description == "Dòng một\nDòng hai"


def test_a_name_of_only_invisible_characters_is_missing(personas, registry):
    before = Product.objects.count()
    response = post_product(personas, registry, name="\u200b\u200d\ufeff ")
    assert response.context["form"].errors["name"] == ["Trường này là bắt buộc."]
    assert Product.objects.count() == before


def test_a_workforce_past_the_column_is_a_form_error(personas, territory):
    data = {"legal_form": "cooperative", "name": "HTX Mới", "tax_code": valid_tax_code(5),
            "commune": territory.commune_x.code, "workforce": "3000000000"}  # fmt: skip
    response = client_for(personas["commune_x"]).post(reverse("registry:producer_create"), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["workforce"]
    assert Producer.objects.count() == 0


@pytest.mark.parametrize("value", ["²", "9" * 5000, "٣", "-1"])
def test_list_filters_ignore_numbers_they_cannot_read(personas, registry, value):
    client = client_for(personas["commune_x"])
    for url in ("registry:product_list", "registry:products_export"):
        response = client.get(reverse(url), {"set": value, "stars": value, "rules": value})
        assert response.status_code == 200
