"""Nothing private reaches the API: not a phone, e-mail, tax code, representative, household
address, verification token on its own, nor a score."""

import pytest
from django.test import Client

from ocop.core.text import search_key

pytestmark = pytest.mark.django_db

PATHS = [
    "/api/v1/products/?status=all&page_size=100",
    "/api/v1/producers/?page_size=100",
    "/api/v1/certificates/?page_size=100",
    "/api/v1/decisions/?page_size=100",
    "/api/v1/stats/?unit=commune",
]


def test_no_private_field_in_any_answer(shelf):
    household = shelf.honey.producer
    private = [
        household.phone, household.email, household.tax_code, household.street_address,
        household.representative_name, search_key(household.representative_name),
        shelf.certificates["honey"].producer_address,
    ]  # fmt: skip
    assert all(private)
    paths = [
        *PATHS,
        f"/api/v1/products/{shelf.honey.code}/",
        f"/api/v1/producers/{household.pk}/",
        f"/api/v1/certificates/{shelf.certificates['honey'].number}/",
    ]
    for path in paths:
        response = Client().get(path)
        assert response.status_code == 200, path
        text = response.content.decode()
        assert [secret for secret in private if secret in text] == [], path
    assert (
        shelf.certificates["honey"].token in Client().get(paths[2]).content.decode()
    )  # in its URL


def test_only_public_keys_are_answered(shelf):
    producer = Client().get(f"/api/v1/producers/{shelf.honey.producer.pk}/").json()
    assert sorted(producer) == [
        "commune", "id", "legal_form", "name", "province", "updated_at", "website",
    ]  # fmt: skip
    product = Client().get(f"/api/v1/products/{shelf.honey.code}/").json()
    assert sorted(product["producer"]) == ["commune", "id", "legal_form", "name", "province"]
    assert not {"score", "scores", "total", "applications", "search_key"} & set(product)
    certificate = Client().get(f"/api/v1/certificates/{shelf.certificates['honey'].number}/")
    assert not {"producer_address", "token", "signer_name"} & set(certificate.json())
