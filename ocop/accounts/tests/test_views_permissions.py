"""The permission matrix for the foundation's pages."""

import pytest

from ocop.accounts.models import User
from ocop.accounts.services import user_set_role
from ocop.accounts.testing import assert_matrix, client_for

pytestmark = pytest.mark.django_db
EVERYONE = {
    "anonymous",
    "producer_a",
    "producer_b",
    "commune_x",
    "commune_y",
    "province_p",
    "province_q",
    "advisor",
    "member",
    "member_conflicted",
    "central",
    "admin",
}


def test_home_is_public(personas):
    assert_matrix(personas, "/", EVERYONE)


def test_login_page_for_visitors_and_logged_in_users_are_sent_on(personas):
    for user in personas.values():
        status = client_for(user).get("/accounts/login/").status_code
        assert status == (200 if user is None else 302)


def test_audit_history_of_a_user_follows_territory(personas, territory):
    target = personas["commune_x"]
    user_set_role(actor=personas["admin"], user=target, role="commune", commune=territory.commune_x)
    url = f"/audit/accounts/user/{target.pk}/"
    assert_matrix(personas, url, {"admin", "central", "province_p", "commune_x"})


def test_audit_history_of_unknown_model_is_404(personas):
    assert_matrix(personas, "/audit/nope/nothing/1/", set())


def test_password_change_page_for_every_logged_in_user(personas):
    assert_matrix(personas, "/accounts/password_change/", EVERYONE - {"anonymous"})


def test_admin_site_only_for_admin(personas):
    for name, user in personas.items():
        response = client_for(user).get("/admin/")
        assert (response.status_code == 200) == (name == "admin"), name
    assert User.objects.filter(is_staff=True).count() == 1


@pytest.mark.parametrize(
    "url",
    [
        "/audit/accounts/user/abc/",
        "/audit/accounts/user/1.5/",
        f"/audit/accounts/user/{10**30}/",
        "/audit/registry/product/%20/",
        "/audit/accounts/nothing/1/",
        "/audit/contenttypes/contenttype/1/",
        "/audit/x" + "y" * 3000 + "/user/1/",
    ],
)
def test_audit_history_of_a_bad_id_or_model_is_404(personas, url):
    assert client_for(personas["admin"]).get(url).status_code == 404
