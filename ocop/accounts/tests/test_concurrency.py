"""Ten concurrent grants of the same role record it once (issue 9.2)."""

import pytest

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.accounts.services import user_set_role
from ocop.core.models import AuditEntry
from ocop.core.testing import assert_one_effect, run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_ten_grants_of_one_role_record_it_once(personas, territory):
    pk = personas["advisor"].pk
    race = run_at_once(lambda: user_set_role(
        actor=personas["admin"], user=User.objects.get(pk=pk), role=Role.COMMUNE,
        commune=territory.commune_x))  # fmt: skip
    assert_one_effect(race, silent_repeats=True)
    [entry] = AuditEntry.objects.filter(action="user_set_role")
    assert (entry.before["role"], entry.after["role"]) == ("advisor", "commune")
    user = User.objects.get(pk=pk)
    assert (user.role, user.commune_id) == ("commune", territory.commune_x.pk)
