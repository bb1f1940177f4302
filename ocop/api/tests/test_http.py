"""Conditional GET, throttling, no session or CSRF work, the schema and the docs page's CSP."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date
from drf_spectacular.validation import validate_schema

from ocop.api.http import Pages
from ocop.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_etag_answers_304_until_the_data_changes(shelf, personas):
    client = Client()
    first = client.get("/api/v1/products/?stars=4")
    etag = first["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
    again = client.get("/api/v1/products/?stars=4", headers={"if-none-match": etag})
    assert (again.status_code, again.content) == (304, b"")
    assert (
        client.get("/api/v1/products/?stars=3", headers={"if-none-match": etag}).status_code == 200
    )
    shelf.coffee.name = "Cà phê rang xay nguyên chất"
    shelf.coffee.save()
    changed = client.get("/api/v1/products/?stars=4", headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_last_modified_is_the_newest_change_and_answers_304_when_not_modified(shelf):
    response = Client().get(f"/api/v1/certificates/{shelf.certificates['tea'].number}/")
    newest = AuditEntry.objects.latest("at").at
    assert response["Last-Modified"] == http_date(newest.timestamp())
    since = http_date((newest + timedelta(seconds=2)).timestamp())
    assert (
        Client()
        .get(
            f"/api/v1/certificates/{shelf.certificates['tea'].number}/",
            headers={"if-modified-since": since},
        )
        .status_code
        == 304
    )
    before = http_date((newest - timedelta(days=1)).timestamp())
    assert (
        Client()
        .get(
            f"/api/v1/certificates/{shelf.certificates['tea'].number}/",
            headers={"if-modified-since": before},
        )
        .status_code
        == 200
    )


def test_last_modified_counts_a_row_saved_without_an_audit_entry(shelf):
    later = timezone.now() + timedelta(days=1)
    type(shelf.tea).objects.filter(pk=shelf.tea.pk).update(updated_at=later)
    response = Client().get(f"/api/v1/products/{shelf.tea.code}/")
    assert response["Last-Modified"] == http_date(later.timestamp())


def test_a_client_over_its_rate_gets_429_with_retry_after(shelf, settings):
    settings.API_THROTTLE_RATE = "3/minute"
    client = Client(REMOTE_ADDR="203.0.113.7")
    assert [client.get("/api/v1/products/").status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get("/api/v1/products/")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert Client(REMOTE_ADDR="203.0.113.8").get("/api/v1/products/").status_code == 200


def test_a_write_is_405_and_uses_no_quota(shelf, settings):
    settings.API_THROTTLE_RATE = "2/minute"
    client = Client(REMOTE_ADDR="203.0.113.9")
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)("/api/v1/products/").status_code == 405
        assert getattr(client, method)("/api/v1/schema/").status_code == 405
    assert [client.get("/api/v1/stats/").status_code for _ in range(3)] == [200, 200, 429]


def test_the_api_sets_no_cookie_and_needs_no_csrf_token(shelf):
    client = Client(enforce_csrf_checks=True)
    response = client.get("/api/v1/products/")
    assert response.status_code == 200
    assert response.cookies == {}
    assert client.post("/api/v1/products/").status_code == 405  # not 403 (CSRF)


def test_page_size_is_capped_at_100():
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    request = Request(APIRequestFactory().get("/api/v1/products/", {"page_size": "1000"}))
    assert Pages().get_page_size(request) == 100
    assert Pages().get_page_size(Request(APIRequestFactory().get("/"))) == 50


def test_the_schema_is_a_valid_openapi_3_document(db):
    response = Client().get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)  # raises on any error against the OpenAPI 3.0 meta-schema
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/products/" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/products/"]["get"]["parameters"]}
    assert parameters == {
        "q", "stars", "province", "commune", "type", "set", "year", "legal_form", "status",
        "updated_since", "page", "page_size",
    }  # fmt: skip
    page = schema["components"]["schemas"]["PaginatedProductList"]["properties"]
    assert sorted(page) == ["count", "next", "previous", "results"]


def test_the_docs_page_loads_its_code_from_static_files_within_the_csp(db):
    response = Client().get("/api/v1/docs/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts and all(re.search(r'src="/static/', attributes) for attributes in scripts)
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert Client().get(asset).status_code == 200, asset


def test_head_and_options_answer_without_error(shelf):
    head = Client().head("/api/v1/products/")
    assert (head.status_code, head.content) == (200, b"")
    assert head["ETag"] == Client().get("/api/v1/products/")["ETag"]
    options = Client().options("/api/v1/products/")
    assert options.status_code == 200
    assert options["Allow"] == "GET, HEAD, OPTIONS"


def test_the_docs_page_sets_no_cookie(db):
    assert Client().get("/api/v1/docs/").cookies == {}


def test_any_origin_may_read_the_public_api_without_credentials(shelf):
    """A province's or researcher's web page on another origin reads the API (no cookies are
    used, so `*` is safe); the validators and Retry-After are exposed to it."""
    client = Client()
    ok = client.get("/api/v1/products/?stars=4", headers={"origin": "https://tinh.example"})
    assert ok["Access-Control-Allow-Origin"] == "*"
    assert ok["Access-Control-Expose-Headers"] == "ETag, Last-Modified, Retry-After"
    assert "Access-Control-Allow-Credentials" not in ok
    again = client.get("/api/v1/products/?stars=4", headers={"if-none-match": ok["ETag"]})
    assert (again.status_code, again["Access-Control-Allow-Origin"]) == (304, "*")
    bad = client.get("/api/v1/products/?stars=9")
    assert (bad.status_code, bad["Access-Control-Allow-Origin"]) == (400, "*")
    assert client.get("/api/v1/schema/")["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/products/",
        headers={"origin": "https://tinh.example", "access-control-request-method": "GET",
                 "access-control-request-headers": "if-none-match"},
    )  # fmt: skip
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert preflight["Access-Control-Allow-Headers"] == "Accept, If-None-Match, If-Modified-Since"
