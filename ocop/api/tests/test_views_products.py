from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ocop.certificates.choices import IN_FORCE
from ocop.certificates.models import Certificate
from ocop.certificates.services import certificate_revoke

pytestmark = pytest.mark.django_db


def get(path, **query):
    return Client().get(path, query)


def codes(response):
    assert response.status_code == 200, response.content
    return sorted(row["code"] for row in response.json()["results"])


def test_stars_4_counts_exactly_the_products_with_a_4_star_certificate_in_force(shelf):
    in_force = Certificate.objects.filter(stars=4, status__in=IN_FORCE)
    expected = sorted(set(in_force.values_list("product__code", flat=True)))
    response = get("/api/v1/products/", stars="4")
    assert response.json()["count"] == len(expected) == 2
    assert codes(response) == expected == [shelf.honey.code, shelf.coffee.code]


def test_several_stars_by_repeating_or_by_commas(shelf):
    both = [shelf.honey.code, shelf.wine.code, shelf.coffee.code]
    assert codes(Client().get("/api/v1/products/?stars=4&stars=5")) == sorted(both)
    assert codes(get("/api/v1/products/", stars="4,5")) == sorted(both)


def test_the_default_list_is_the_products_in_force_and_status_all_adds_expired_and_revoked(shelf):
    in_force = [shelf.honey.code, shelf.tea.code, shelf.wine.code, shelf.coffee.code]
    assert codes(get("/api/v1/products/")) == sorted(in_force)
    everything = codes(get("/api/v1/products/", status="all"))
    assert everything == sorted([*in_force, shelf.old.code, shelf.revoked.code])


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("mat ong", ["honey"]),
        ("MẬT ONG", ["honey"]),
        ("phu xuyen", ["honey", "tea"]),  # the commune's name
        ("ho chi minh", ["coffee"]),  # the province's name
        ("nguyen van duc", ["honey", "tea"]),  # đ/d: "Hộ Nguyễn Văn Đức"
        ("ca phe rang", ["coffee"]),
        ("79-26734", ["coffee"]),  # the product code
        ("ruou vang", ["wine"]),
        ("ruou sai gon", []),  # every word must match
    ],
)
def test_q_ignores_case_accents_and_d_over_product_producer_and_place(shelf, query, names):
    expected = sorted(getattr(shelf, name).code for name in names)
    assert codes(get("/api/v1/products/", q=query)) == expected


def test_q_never_finds_a_product_by_its_producers_tax_code(shelf):
    tax_code = shelf.honey.producer.tax_code
    assert tax_code in shelf.honey.search_key  # the registry's own search finds it
    assert codes(get("/api/v1/products/", q=tax_code)) == []


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ({"province": "01"}, ["honey", "tea", "wine"]),
        ({"province": "1"}, ["honey", "tea", "wine"]),
        ({"commune": "10279"}, ["wine"]),
        ({"type": "II"}, ["wine"]),
        ({"set": "I.6"}, ["coffee"]),
        ({"set": "13"}, ["coffee"]),
        ({"year": "2025"}, ["wine"]),
        ({"legal_form": "llc"}, ["coffee"]),
        ({"province": "01", "stars": "4"}, ["honey"]),
        ({"province": "48"}, []),
    ],
)
def test_filters_by_official_codes(shelf, query, names):
    expected = sorted(getattr(shelf, name).code for name in names)
    assert codes(get("/api/v1/products/", **query)) == expected


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"updated_since": "2026-13-45"}, "updated_since"),
        ({"stars": "four"}, "stars"),
        ({"stars": "9"}, "stars"),
        ({"province": "HN"}, "province"),
        ({"type": "VII"}, "type"),
        ({"year": "1900"}, "year"),
        ({"legal_form": "1"}, "legal_form"),
    ],
)
def test_a_bad_parameter_answers_400_naming_it(shelf, query, parameter):
    response = get("/api/v1/products/", **query)
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


def test_a_bad_updated_since_says_which_form_to_use(shelf):
    response = get("/api/v1/products/", updated_since="30/11/2026")
    assert response.status_code == 400
    assert "2026-11-30T08:00:00+07:00" in response.json()["updated_since"][0]


def test_updated_since_finds_a_revocation_made_after_it(shelf, personas):
    """A revocation does not touch the product's updated_at; its audit entry is what is seen."""
    since = timezone.now().isoformat()
    assert codes(get("/api/v1/products/", status="all", updated_since=since)) == []
    certificate = shelf.certificates["honey"]
    certificate_revoke(
        actor=personas["province_p"], certificate=certificate, ground="mark_misuse",
        conclusion_date=certificate.issue_date, decision_number="1600/QĐ-UBND",
        decision_date=certificate.issue_date + timedelta(days=3),
    )  # fmt: skip
    changed = get("/api/v1/products/", status="all", updated_since=since)
    assert codes(changed) == [shelf.honey.code]
    row = changed.json()["results"][0]
    assert (row["status"], row["stars"], row["certificate"]["status"]) == (
        "revoked",
        None,
        "revoked",
    )
    assert codes(get("/api/v1/products/", updated_since=since)) == []  # no longer in force


def test_updated_since_accepts_a_date_and_a_date_time_with_or_without_offset(shelf):
    for value in ("2000-01-01", "2000-01-01T00:00:00", "2000-01-01T00:00:00+07:00",
                  "2000-01-01T00:00:00Z"):  # fmt: skip
        assert len(codes(get("/api/v1/products/", updated_since=value))) == 4, value
    assert codes(get("/api/v1/products/", updated_since="2999-01-01")) == []


def test_a_product_by_its_code_whatever_its_status(shelf):
    response = get(f"/api/v1/products/{shelf.revoked.code}/")
    assert response.status_code == 200
    body = response.json()
    assert (body["code"], body["status"], body["stars"]) == (shelf.revoked.code, "revoked", None)
    assert body["certificate"]["number"] == shelf.certificates["revoked"].number


def test_a_product_never_certified_is_not_public(shelf):
    shelf.draft.code = "01-10279-009-2026"
    shelf.draft.save()
    assert get(f"/api/v1/products/{shelf.draft.code}/").status_code == 404
    assert get("/api/v1/products/", status="all", q="san pham moi").json()["count"] == 0


def test_pages_carry_count_next_and_previous(shelf):
    first = get("/api/v1/products/", page_size="3").json()
    assert (first["count"], len(first["results"]), first["previous"]) == (4, 3, None)
    assert first["next"] == "http://testserver/api/v1/products/?page=2&page_size=3"
    second = get("/api/v1/products/", page_size="3", page="2").json()
    assert len(second["results"]) == 1
    assert second["previous"] == "http://testserver/api/v1/products/?page_size=3"
    assert get("/api/v1/products/", page="9").status_code == 404


def test_updated_since_with_an_unusual_offset_is_answered_not_a_server_error(shelf):
    """Found by schemathesis on PostgreSQL, which refused a -23:35 offset (a 500): the moment is
    now compared in UTC."""
    response = get("/api/v1/products/", updated_since="0404-04-19T14:57:59-23:35")
    assert len(codes(response)) == 4
    assert get("/api/v1/products/", updated_since="0001-01-01T00:00:00+23:59").status_code == 400
