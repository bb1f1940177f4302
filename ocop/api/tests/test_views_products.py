import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def codes(response):
    assert response.status_code == 200, response.content
    return [row["code"] for row in response.json()["results"]]


def test_smoke(shelf):
    response = Client().get("/api/v1/products/")
    print(response.json())
    assert response.status_code == 200
