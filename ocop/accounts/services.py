"""Writes on accounts. Each call is one business action with an audit entry."""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop.core.services import audit_record, lock, snapshot
from ocop.places.models import Commune, Province

from .models import Notification, User
from .roles import Role

log = logging.getLogger(__name__)
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
    lock(user)
    before = snapshot(user, AUDITED_FIELDS)
    user.role, user.province, user.commune = role, province, commune
    if snapshot(user, AUDITED_FIELDS) == before:
        return user  # already so (a double click, two admins at once): nothing to record
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


def notify(*, recipients: Iterable[User], message: str, url: str = "", email: bool = True) -> int:
    """Tell users something they must act on. Side effects: one Notification row per active
    recipient and, when `email` is set and the user has an address, one e-mail each (sent after the
    surrounding transaction commits, so a rolled-back action mails nobody). Returns the count."""
    users = [user for user in recipients if user.is_active]
    Notification.objects.bulk_create(
        [Notification(recipient=user, message=message[:500], url=url) for user in users]
    )
    addresses = [user.email for user in users if email and user.email]
    if addresses:
        link = f"{settings.SITE_URL}{url}" if url else settings.SITE_URL
        body = f"{message}\n\n{link}\n"
        subject = _("[OCOP] %(message)s") % {"message": message[:80]}
        transaction.on_commit(lambda: _mail_each(subject, body, addresses), robust=True)
    return len(users)


def _mail_each(subject: str, body: str, addresses: list[str]) -> None:
    """One e-mail per address; a failing mail server (after the action committed) is logged,
    never raised into the request that acted (fail_silently covers SMTP errors only)."""
    for address in addresses:
        try:
            send_mail(subject, body, None, [address], fail_silently=True)
        except Exception:
            log.exception("notification e-mail to %s failed", address)


def notification_mark_read(*, user: User, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications (or the given ones) as read. Returns how many changed."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())
