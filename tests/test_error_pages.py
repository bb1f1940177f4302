"""400/403/404/500 and the CSRF failure page: Vietnamese first, English when chosen, fit a phone,
say what to do next; the 500 page renders without a request context or the database."""

import pytest
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from ocop.accounts.testing import client_for, make_user

VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def assert_page(response, status: int, *texts: str, language: str = "vi") -> str:
    assert response.status_code == status
    body = response.content.decode()
    assert f'<html lang="{language}"' in body
    assert VIEWPORT in body
    assert "/static/css/ocop.css" in body
    assert 'href="/"' in body
    for text in texts:
        assert text in body
    return body


@pytest.mark.django_db
def test_404_vietnamese(client):
    body = assert_page(
        client.get("/khong-co-trang-nay/"), 404, "Không tìm thấy trang", "Về trang chủ"
    )
    assert 'href="/accounts/login/"' in body
    assert 'href="/verify/lookup/"' in body


@pytest.mark.django_db
def test_404_english_when_chosen(client, settings):
    response = english(client, settings).get("/khong-co-trang-nay/")
    assert_page(response, 404, "Page not found", "Back to the home page", language="en")


@pytest.mark.django_db
def test_403_for_a_role_without_the_page(territory):
    user = make_user("nguoidung", "producer")
    response = client_for(user).get("/audit/registry/producer/1/")
    body = assert_page(response, 403, "Không có quyền truy cập")
    assert 'href="/accounts/login/"' not in body


@pytest.mark.django_db
def test_400_for_a_bad_host(client):
    assert_page(client.get("/", HTTP_HOST="ke-xau.example"), 400, "Yêu cầu không hợp lệ")


@pytest.mark.django_db
def test_csrf_failure_is_vietnamese(settings):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "a", "password": "b"})
    assert_page(response, 403, "Không gửi được biểu mẫu", "tải lại trang")
    english(client, settings)
    response = client.post("/accounts/login/", {"username": "a", "password": "b"})
    assert_page(response, 403, "The form could not be sent", language="en")


@pytest.mark.django_db
def test_500_renders_without_request_context_or_database(django_assert_num_queries, settings):
    settings.CONTACT_EMAIL = "hotro@ocop.example.gov.vn"
    request = RequestFactory().get("/")
    with django_assert_num_queries(0), translation.override("vi"):
        response = server_error(request)
    body = assert_page(response, 500, "Hệ thống đang gặp lỗi", "mailto:hotro@ocop.example.gov.vn")
    assert 'href="/accounts/login/"' in body
    with translation.override("en"):
        assert_page(server_error(request), 500, "Server error", language="en")
