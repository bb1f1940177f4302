from urllib.parse import urlparse

import pytest
from django.test import Client
from django.urls import resolve

from ocop.certificates.signing import signature_ok

pytestmark = pytest.mark.django_db


def get(path, **query):
    response = Client().get(path, query)
    assert response.status_code == 200, response.content
    return response.json()


def test_a_certificate_by_its_number_with_live_status_and_signed_verification_url(shelf):
    certificate = shelf.certificates["revoked"]
    body = get(f"/api/v1/certificates/{certificate.number}/")
    assert (body["number"], body["product_code"], body["stars"]) == (
        certificate.number, shelf.revoked.code, 4,
    )  # fmt: skip
    assert body["status"] == "revoked"
    assert body["revocation"] == {
        "ground": "mark_misuse", "decision_number": "1500/QĐ-UBND", "decision_date": "2026-10-10",
    }  # fmt: skip
    path = urlparse(body["verification_url"]).path
    kwargs = resolve(path).kwargs
    assert kwargs["token"] == certificate.token
    assert signature_ok(kwargs["token"], kwargs["signature"])
    assert Client().get(path).status_code == 200


def test_certificates_filter_by_status_stars_province_and_year(shelf):
    numbers = lambda **q: sorted(r["number"] for r in get("/api/v1/certificates/", **q)["results"])  # noqa: E731
    c = shelf.certificates
    assert numbers(status="expired") == [c["old"].number]
    assert numbers(status=["expired", "revoked"]) == sorted([c["old"].number, c["revoked"].number])
    assert numbers(stars="5") == [c["wine"].number]
    assert numbers(province="79") == [c["coffee"].number]
    assert numbers(year="2026") == sorted(c[k].number for k in ("honey", "tea", "coffee"))
    assert numbers(product=shelf.tea.code) == [c["tea"].number]
    assert get("/api/v1/certificates/")["count"] == 6


def test_decisions_group_the_products_each_recognised_newest_first(shelf):
    results = get("/api/v1/decisions/")["results"]
    assert [(d["number"], d["date"], d["products_count"]) for d in results] == [
        ("88/QĐ-UBND", "2026-07-15", 1),
        ("1200/QĐ-UBND", "2026-06-30", 2),
        ("55/QĐ-BNNMT", "2025-09-01", 1),
        ("700/QĐ-UBND", "2025-03-01", 1),
        ("900/QĐ-UBND", "2022-05-10", 1),
    ]
    june = results[1]
    assert (june["authority_name"], june["authority_level"], june["rules"]) == (
        "UBND thành phố Hà Nội", "province", "26-2026",
    )  # fmt: skip
    assert [(p["product_code"], p["stars"]) for p in june["products"]] == [
        (shelf.tea.code, 3), (shelf.honey.code, 4),
    ]  # fmt: skip
    assert [d["number"] for d in get("/api/v1/decisions/", year="2025")["results"]] == [
        "55/QĐ-BNNMT", "700/QĐ-UBND",
    ]  # fmt: skip
    assert [d["number"] for d in get("/api/v1/decisions/", province="79")["results"]] == [
        "88/QĐ-UBND"
    ]


def test_stats_count_recognised_products_by_province_year_and_stars(shelf):
    rows = get("/api/v1/stats/")["results"]
    assert [(r["unit"]["code"], r["year"], r["stars"], r["products"]) for r in rows] == [
        ("01", 2022, 4, 1),
        ("01", 2025, 4, 1),
        ("01", 2025, 5, 1),
        ("01", 2026, 3, 1),
        ("01", 2026, 4, 1),
        ("79", 2026, 4, 1),
    ]
    assert rows[0]["unit"]["name"] == "Thành phố Hà Nội"
    by_commune = get("/api/v1/stats/", unit="commune", year="2026", stars="4")["results"]
    assert [(r["unit"]["code"], r["products"]) for r in by_commune] == [("10273", 1), ("26734", 1)]


def test_places_by_official_code(shelf):
    assert get("/api/v1/places/provinces/01/") == {
        "code": "01", "name": "Thành phố Hà Nội", "division_type": "thành phố trung ương",
    }  # fmt: skip
    communes = get("/api/v1/places/communes/", province="01")["results"]
    assert [c["code"] for c in communes] == ["10273", "10279"]
    assert get("/api/v1/places/communes/10273/")["province"] == {
        "code": "01", "name": "Thành phố Hà Nội",
    }  # fmt: skip
    assert [c["code"] for c in get("/api/v1/places/communes/", q="phu xuyen")["results"]] == [
        "10273"
    ]
    assert Client().get("/api/v1/places/provinces/99/").status_code == 404


def test_product_sets_of_the_26_2026_taxonomy(db):
    body = get("/api/v1/product-sets/", page_size="100")
    assert body["count"] == 26
    first = body["results"][0]
    assert first == {
        "rules": "26-2026", "number": 1, "code": "I.1.a", "name": "Rau, củ, quả, hạt tươi",
        "type": "I", "type_name": "Sản phẩm thực phẩm", "group": "I.1",
        "group_name": "Thực phẩm tươi sống",
    }  # fmt: skip
    drinks = get("/api/v1/product-sets/", type="II")["results"]
    assert {s["type"] for s in drinks} == {"II"} and len(drinks) >= 2


def test_producers_by_name_and_place_never_by_tax_code(shelf):
    names = lambda **q: [r["name"] for r in get("/api/v1/producers/", **q)["results"]]  # noqa: E731
    assert names() == ["Công ty TNHH Cà phê Sài Gòn", "HTX Rượu Phượng Dực", "Hộ Nguyễn Văn Đức"]
    assert names(q="nguyen van duc") == ["Hộ Nguyễn Văn Đức"]
    assert names(province="79") == ["Công ty TNHH Cà phê Sài Gòn"]
    assert names(legal_form="household") == ["Hộ Nguyễn Văn Đức"]
    assert names(q=shelf.honey.producer.tax_code) == []
    producer = shelf.honey.producer
    assert get(f"/api/v1/producers/{producer.pk}/")["commune"] == {
        "code": "10273", "name": "Xã Phú Xuyên",
    }  # fmt: skip


def test_a_producer_without_a_public_product_is_not_listed(shelf, territory):
    from ocop.registry.testing import make_producer

    hidden = make_producer(territory.commune_x, "Hộ Chưa Có Sao", 30)
    assert Client().get(f"/api/v1/producers/{hidden.pk}/").status_code == 404
    assert "Hộ Chưa Có Sao" not in Client().get("/api/v1/producers/").content.decode()


def test_the_index_names_every_list(db):
    body = get("/api/v1/")
    assert body["products"] == "http://testserver/api/v1/products/"
    assert body["docs"] == "http://testserver/api/v1/docs/"
