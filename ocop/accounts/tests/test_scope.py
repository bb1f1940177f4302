import pytest

from ocop.accounts.models import User
from ocop.accounts.scope import covers_commune

pytestmark = pytest.mark.django_db


def visible(user) -> set[str]:
    return set(User.objects.visible_to(user).values_list("username", flat=True))


def test_nationwide_roles_see_everyone(personas):
    everyone = {name for name in personas if name != "anonymous"}
    assert visible(personas["admin"]) == everyone
    assert visible(personas["central"]) == everyone


def test_province_officer_sees_only_own_province(personas):
    assert visible(personas["province_p"]) == {
        "commune_x",
        "commune_y",
        "province_p",
        "advisor",
        "member",
        "member_conflicted",
    }
    assert visible(personas["province_q"]) == {"province_q"}


def test_commune_officer_sees_only_own_commune(personas):
    assert visible(personas["commune_x"]) == {"commune_x"}


def test_producer_sees_only_itself(personas):
    assert visible(personas["producer_a"]) == {"producer_a"}


def test_anonymous_and_inactive_see_nothing(personas):
    from django.contrib.auth.models import AnonymousUser

    assert visible(AnonymousUser()) == set()
    inactive = personas["province_p"]
    inactive.is_active = False
    assert visible(inactive) == set()


def test_covers_commune_by_territory(personas, territory):
    t = territory
    assert covers_commune(personas["province_p"], t.commune_x)
    assert not covers_commune(personas["province_p"], t.commune_z)
    assert covers_commune(personas["commune_x"], t.commune_x)
    assert not covers_commune(personas["commune_x"], t.commune_y)
    assert covers_commune(personas["central"], t.commune_z)
    assert not covers_commune(personas["producer_a"], t.commune_x)
