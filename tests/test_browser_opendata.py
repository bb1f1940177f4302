"""A visitor opens the open data page at 375 px, downloads a file and follows a QR label's
Digital Link to the product's certificate; nothing private appears."""

import hashlib
from datetime import date

import pytest

from ocop.accounts.testing import make_personas, make_territory
from ocop.catalogue.opendata import opendata_build
from ocop.certificates.services import certificate_issue
from ocop.registry.services import product_assign_code
from ocop.registry.testing import make_producer, make_product
from tests.browser import PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def public_product():
    territory = make_territory()
    personas = make_personas(territory)
    producer = make_producer(
        territory.commune_x, "HTX Nông nghiệp Phú Xuyên", 3, personas["producer_a"],
        phone="0912345678",
    )  # fmt: skip
    product = make_product(producer, "Mật ong hoa nhãn Phú Xuyên", 4, gtin="8930000000019")
    product_assign_code(product=product, year=2026)
    certificate_issue(
        actor=None, product=product, stars=4, rules="26-2026",
        authority_name="UBND thành phố Hà Nội", authority_level="province",
        decision_number="1234/QĐ-UBND", decision_date=date(2026, 6, 30),
        issue_date=date(2026, 6, 30),
    )  # fmt: skip
    return product


def test_open_data_page_and_a_scan(phone_page, live_server, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.SITE_URL = live_server.url
    public_product()
    manifest = opendata_build()
    phone_page.goto("/open-data/")
    assert phone_page.get_by_role("heading", name="Dữ liệu mở OCOP").is_visible()
    assert phone_page.get_by_text(manifest["files"]["products.csv"]["sha256"]).is_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert "0912345678" not in phone_page.content()
    screenshot(phone_page, "opendata-index-375")
    with phone_page.expect_download() as download:
        phone_page.get_by_role("link", name="products.csv").click()
    data = download.value.path().read_bytes()
    assert hashlib.sha256(data).hexdigest() == manifest["files"]["products.csv"]["sha256"]

    phone_page.goto("/01/08930000000019?linkType=gs1:certificationInfo")
    assert phone_page.locator("[data-verdict]").inner_text() == "CÒN HIỆU LỰC"
    screenshot(phone_page, "gs1-certification-info-375")
