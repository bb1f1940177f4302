"""Read-only pages: logged-in users only; the sheet page and the blank PDF on the real data."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

PAGES = [
    reverse("criteria:ruleset_list"),
    reverse("criteria:set_list", args=["26-2026"]),
    reverse("criteria:sheet_detail", args=["26-2026", 1]),
    reverse("criteria:sheet_pdf", args=["26-2026", 1]),
]


@pytest.fixture
def member(client, db):
    user = get_user_model().objects.create_user(username="can-bo", password="mat-khau-dai-123")
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("url", PAGES[:3])
def test_logged_in_user_sees_the_pages(member, url):
    assert member.get(url).status_code == 200


def test_sheet_page_shows_criteria_options_and_markers(member):
    html = member.get(reverse("criteria:sheet_detail", args=["26-2026", 1])).content.decode()
    assert "Bộ sản phẩm 1: Rau, củ, quả, hạt tươi" in html
    assert "2.3. Phong cách, ghi nhãn hàng hóa" in html
    assert '<span class="stars" title="Yêu cầu tối thiểu">★★★★</span>' in html
    assert reverse("criteria:sheet_pdf", args=["26-2026", 1]) in html


def test_set_list_groups_sets_by_type(member):
    html = member.get(reverse("criteria:set_list", args=["26-2026"])).content.decode()
    assert html.index("1. Rau, củ, quả, hạt tươi") < html.index("14. Rượu trắng")
    totals = member.get(reverse("criteria:set_list", args=["1048-2019"])).content.decode()
    assert "chỉ lưu tổng điểm và số sao" in totals


def test_blank_pdf(member):
    response = member.get(reverse("criteria:sheet_pdf", args=["26-2026", 26]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize(
    "url",
    ["/criteria/9999/", "/criteria/26-2026/27/", "/criteria/1048-2019/1/phieu-trang.pdf"],
)
def test_unknown_rule_set_or_set_is_404(member, url):
    assert member.get(url).status_code == 404


@pytest.mark.parametrize("code", ["x" * 5000, "..", "...", "26-2026 ", "%2e%2e"])
def test_an_unknown_rule_set_code_is_a_404(member, code):
    assert member.get(f"/criteria/{code}/").status_code == 404
    assert member.get(f"/criteria/{code}/1/").status_code == 404
