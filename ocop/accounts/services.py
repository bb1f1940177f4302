"""Writes on accounts. Each call is one business action with an audit entry."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ocop.core.services import audit_record, snapshot
from ocop.places.models import Commune, Province

from .models import User
from .roles import Role

AUDITED_FIELDS = ["role", "province", "commune", "is_active"]


@transaction.atomic
def user_set_role(
    *,
    actor: User,
    user: User,
    role: str,
    province: Province | None = None,
    commune: Commune | None = None,
) -> User:
    """Give a user a role and territory. Side effects: saves the user, writes an audit entry.

    Only system admins may do it; a commune scope implies its province.
    """
    if not (actor.is_superuser or actor.role == Role.ADMIN):
        raise PermissionDenied(_("Chỉ quản trị hệ thống được phân quyền người dùng."))
    if role not in Role.values:
        raise ValidationError(_("Vai trò không hợp lệ."))
    if commune is not None:
        province = commune.province
    if role == Role.PROVINCE and province is None:
        raise ValidationError(_("Cán bộ OCOP tỉnh phải được gán một tỉnh/thành phố."))
    if role == Role.COMMUNE and commune is None:
        raise ValidationError(_("Cán bộ OCOP xã phải được gán một xã/phường."))
    before = snapshot(user, AUDITED_FIELDS)
    user.role, user.province, user.commune = role, province, commune
    user.save(update_fields=["role", "province", "commune"])
    audit_record(
        actor=actor,
        action="user_set_role",
        obj=user,
        summary=_("Phân quyền: %(role)s") % {"role": Role(role).label},
        before=before,
        after=snapshot(user, AUDITED_FIELDS),
    )
    return user
