"""Registry pages in English: labels built in views follow the request's language."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ocop.accounts.testing import client_for


@pytest.fixture(autouse=True)
def _back_to_vietnamese():
    yield
    translation.deactivate()


def english_client(user):
    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_import_pages_name_their_kind_in_english(personas, registry):
    client = english_client(personas["commune_x"])
    products = client.get(reverse("registry:products_import")).content.decode()
    producers = client.get(reverse("registry:producers_import")).content.decode()
    assert "<h1>Import product data from Excel</h1>" in products
    assert "<h1>Import producer data from Excel</h1>" in producers


def test_import_page_stays_vietnamese_by_default(personas, registry):
    body = client_for(personas["commune_x"]).get(reverse("registry:products_import")).content
    assert "<h1>Nhập sản phẩm từ Excel</h1>" in body.decode()
