import pytest

from ocop.accounts.navigation import entries_for
from ocop.accounts.testing import client_for

pytestmark = pytest.mark.django_db


def names(user) -> list[str]:
    return [entry["name"] for entry in entries_for(user)]


def test_menu_by_role(personas):
    assert names(personas["admin"])[-1] == "admin:index"
    assert "admin:index" not in names(personas["province_p"])
    assert "admin:index" not in names(personas["producer_a"])
    for name in ("producer_a", "commune_x", "member", "central"):
        assert names(personas[name])[0] == "home"


def test_anonymous_has_no_menu_but_a_login_link(personas):
    body = client_for(None).get("/").content.decode()
    assert 'data-nav="' not in body
    assert 'href="/accounts/login/"' in body


def test_menu_rendered_is_the_role_menu(personas):
    body = client_for(personas["producer_a"]).get("/").content.decode()
    rendered = [part.split('"')[0] for part in body.split('data-nav="')[1:]]
    assert rendered == names(personas["producer_a"])
