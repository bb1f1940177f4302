"""Regression tests from the review of the public faces (issue 12): what a probe found."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ocop.programme.models import Showroom

from .conftest import GTIN14

pytestmark = pytest.mark.django_db


def test_a_showroom_not_yet_opened_is_not_listed_where_it_is_sold(client, catalogue, territory):
    soon = Showroom.objects.create(
        kind=Showroom._meta.get_field("kind").choices[0][0], name="Điểm bán sắp khai trương",
        address="3 Phố Mới", location=territory.commune_x, operator="HTX",
        opened_on=timezone.localdate() + timedelta(days=30), province=territory.province_p,
    )  # fmt: skip
    soon.products.add(catalogue.honey)
    body = client.get(reverse("catalogue:product", args=[catalogue.honey.code])).content.decode()
    assert "Điểm bán sắp khai trương" not in body
    assert "Chưa có thông tin nơi bán." not in body  # its sales channels are still listed


def test_product_page_names_each_landmark_once(client, catalogue):
    """axe (landmark-unique): the history section and its scrolling table region were both named
    by the same heading."""
    body = client.get(reverse("catalogue:product", args=[catalogue.honey.code])).content.decode()
    assert body.count('aria-labelledby="history-title"') == 1
    assert 'role="region" aria-labelledby="history-title"' in body


@pytest.mark.parametrize("escaped", ["%0A", "%0D%0A"])
def test_a_line_break_in_a_digital_link_answers_400_from_the_resolver(client, product, escaped):
    response = client.get(f"/01/{GTIN14}/10/AB{escaped}C")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"


def _json_ld(body):
    return json.loads(
        re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)[0]
    )


@pytest.mark.parametrize("which", ["revoked", "expired"])
def test_a_product_no_longer_in_force_claims_no_stars_badge_nor_award(client, catalogue, which):
    """Its page keeps the status plainly (and the stars in its history), but neither a stars
    badge at the top nor a schema.org `award` that search engines would show as current."""
    product = getattr(catalogue, which)
    body = client.get(reverse("catalogue:product", args=[product.code])).content.decode()
    assert f'data-status="{which}"' in body
    assert "data-stars=" not in body
    data = _json_ld(body)
    assert "award" not in data
    assert data["hasCertification"]["certificationStatus"] == which


def test_a_product_in_force_keeps_its_badge_and_award(client, catalogue):
    body = client.get(reverse("catalogue:product", args=[catalogue.honey.code])).content.decode()
    assert 'data-stars="4"' in body
    assert _json_ld(body)["award"] == "OCOP 4★"


def test_a_label_of_a_certificate_no_longer_in_force_prints_no_gold_stars(client, certificate):
    """A freshly printed label of a revoked certificate must not show it as a 4★ product."""
    type(certificate).objects.filter(pk=certificate.pk).update(
        status="revoked", revocation_ground="criteria_not_met",
        revocation_decision_date="2027-01-05",
    )  # fmt: skip
    for url in (f"/labels/certificates/{certificate.pk}.svg",
                f"/labels/products/{certificate.product.code}.svg"):  # fmt: skip
        root = ET.fromstring(client.get(url).content)
        texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
        assert texts[0] == "OCOP", url
        assert "★" not in root.find("{http://www.w3.org/2000/svg}title").text
        assert "Đã bị thu hồi" in texts


def test_a_label_in_force_prints_its_stars(client, certificate):
    root = ET.fromstring(client.get(f"/labels/certificates/{certificate.pk}.svg").content)
    assert [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")][0] == "★★★★ OCOP"


def _likes(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return response, max(q["sql"].upper().count(" LIKE ") for q in queries.captured_queries)


def test_a_repeated_word_query_is_searched_once_per_distinct_word(client, catalogue):
    """A q of 200 characters made of repeated or nested words (a cheap request) must not make
    the database scan every key once per word: repeats and words inside another word go."""
    _plain, once = _likes(client, "/catalogue/", {"q": "mat ong hoa"})
    response, many = _likes(client, "/catalogue/", {"q": ("ong mat m o hoa " * 13)[:200]})
    assert re.findall(r'data-product="([^"]+)"', response.content.decode()) == [
        catalogue.honey.code
    ]
    assert many == once
    api, in_api = _likes(client, "/api/v1/products/", {"q": ("ong mat m o hoa " * 12)[:190]})
    assert [p["code"] for p in api.json()["results"]] == [catalogue.honey.code]
    _api, api_once = _likes(client, "/api/v1/products/", {"q": "mat ong hoa"})
    assert in_api == api_once


def test_the_catalogue_list_varies_on_hx_request(client, catalogue):
    """The same URL answers the whole page or (htmx) only the results: a cache must keep both."""
    full = client.get("/catalogue/", {"q": "mat ong"})
    part = client.get("/catalogue/", {"q": "mat ong"}, headers={"hx-request": "true"})
    assert b"<html" in full.content and b"<html" not in part.content
    for response in (full, part):
        assert "HX-Request" in [v.strip() for v in response["Vary"].split(",")]
