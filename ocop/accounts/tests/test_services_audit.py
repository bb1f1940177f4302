import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ocop.accounts.models import User
from ocop.accounts.services import user_set_role
from ocop.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_setting_a_role_leaves_an_audit_entry(personas, territory):
    admin, target = personas["admin"], personas["producer_b"]
    user_set_role(actor=admin, user=target, role="commune", commune=territory.commune_y)
    target.refresh_from_db()
    assert (target.role, target.commune, target.province) == (
        "commune",
        territory.commune_y,
        territory.province_p,
    )
    entry = AuditEntry.objects.get()
    assert entry.actor == admin
    assert entry.action == "user_set_role"
    assert entry.object_id == str(target.pk)
    assert entry.before == {
        "role": "producer",
        "province": None,
        "commune": None,
        "is_active": True,
    }
    assert entry.after["role"] == "commune"
    assert entry.after["commune"] == "Xã Phượng Dực, Thành phố Hà Nội"
    assert ("role", "producer", "commune") in entry.changes()


def test_refused_role_change_changes_nothing(personas, territory):
    target = personas["producer_b"]
    with pytest.raises(PermissionDenied):
        user_set_role(actor=personas["province_p"], user=target, role="admin")
    with pytest.raises(ValidationError):
        user_set_role(actor=personas["admin"], user=target, role="province")
    target.refresh_from_db()
    assert target.role == "producer"
    assert AuditEntry.objects.count() == 0
    assert User.objects.filter(role="admin").count() == 1
