from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ocop.places.models import Commune, Province

from .roles import OFFICER_ROLES, Role
from .scope import ScopedQuerySet


class UserQuerySet(ScopedQuerySet):
    scope_province = "province"
    scope_commune = "commune"
    scope_owner = "pk"


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    pass


class User(AbstractUser):
    """A person who logs in. Officers carry a territorial scope: a province or a commune."""

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    role = models.CharField(
        _("vai trò"), max_length=20, choices=Role.choices, default=Role.PRODUCER
    )
    province = models.ForeignKey(
        Province,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        verbose_name=_("tỉnh/thành phố phụ trách"),
    )
    commune = models.ForeignKey(
        Commune,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        verbose_name=_("xã/phường phụ trách"),
    )
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="province") | Q(province__isnull=False),
                name="user_province_officer_has_province",
            ),
            models.CheckConstraint(
                condition=~Q(role="commune") | Q(commune__isnull=False, province__isnull=False),
                name="user_commune_officer_has_commune",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def is_officer(self) -> bool:
        return self.role in OFFICER_ROLES or self.is_superuser

    def has_role(self, *roles: str) -> bool:
        return self.role in roles


class LoginFailure(models.Model):
    """One failed login, kept for throttling. Stored in the database so every worker process sees it."""

    username_key = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["address", "at"], name="login_failure_address_at")]

    def __str__(self) -> str:
        return f"{self.username_key} {self.at:%Y-%m-%d %H:%M}"


class Notification(models.Model):
    """An in-app message to one user about something they must do or know (mailed as well)."""

    recipient = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("người nhận")
    )
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    message = models.CharField(_("nội dung"), max_length=500)
    url = models.CharField(_("đường dẫn"), max_length=300, blank=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return self.message


class ResetRequest(models.Model):
    """One password-reset request, kept for throttling the mails."""

    email_key = models.CharField(max_length=254, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.email_key} {self.at:%Y-%m-%d %H:%M}"
