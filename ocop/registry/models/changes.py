from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ocop.accounts.scope import ScopedQuerySet

from ..choices import ChangeStatus


class PendingChangeQuerySet(ScopedQuerySet):
    # A change is located where its producer is (directly, or through its product).
    scope_commune = "commune"
    scope_province = "commune__province"
    scope_owner = "submitted_by"

    def pending(self) -> "PendingChangeQuerySet":
        return self.filter(status=ChangeStatus.PENDING)


class PendingChange(models.Model):
    """A producer's edit of data an officer has verified, waiting for an officer's decision."""

    producer = models.ForeignKey(
        "registry.Producer", null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    product = models.ForeignKey(
        "registry.Product", null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    commune = models.ForeignKey(
        "places.Commune", on_delete=models.PROTECT, related_name="+", verbose_name=_("xã/phường")
    )
    values = models.JSONField(_("giá trị mới"), default=dict)
    previous = models.JSONField(_("giá trị cũ"), default=dict)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ChangeStatus.choices, default=ChangeStatus.PENDING
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    objects = PendingChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("thay đổi chờ duyệt")
        verbose_name_plural = _("thay đổi chờ duyệt")
        constraints = [
            models.CheckConstraint(
                condition=Q(producer__isnull=False, product__isnull=True)
                | Q(producer__isnull=True, product__isnull=False),
                name="pending_change_one_target",
            ),
        ]

    def __str__(self) -> str:
        return str(self.target)

    @property
    def target(self):
        return self.product if self.product_id else self.producer

    def rows(self) -> list[tuple[str, object, object]]:
        """(field, old, new) for the template."""
        return [(k, self.previous.get(k), v) for k, v in self.values.items()]
