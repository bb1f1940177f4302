from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ocop.places.models import Province

from .applications import Application


class ReceiptLevel(models.TextChoices):
    COMMUNE = "commune", _("Ủy ban nhân dân cấp xã")
    PROVINCE = "province", _("Cơ quan quản lý OCOP cấp tỉnh")


class Receipt(models.Model):
    """A receipt block of Mẫu 01 (Phụ lục III, "Phần dành cho cơ quan quản lý"): the commune's
    (its number is the dossier's registration number) and the provincial OCOP agency's, each with
    its own number, date, receiver and receiving agency."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="receipts")
    level = models.CharField(_("cấp tiếp nhận"), max_length=8, choices=ReceiptLevel.choices)
    number = models.CharField(_("phiếu số"), max_length=40)
    received_on = models.DateField(_("ngày nhận"))
    receiver = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    receiver_name = models.CharField(_("người tiếp nhận"), max_length=150)
    agency = models.CharField(_("cơ quan tiếp nhận"), max_length=255)

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("phiếu tiếp nhận (Mẫu 01)")
        verbose_name_plural = _("phiếu tiếp nhận (Mẫu 01)")
        constraints = [
            models.UniqueConstraint(fields=["application", "level"], name="receipt_one_per_level"),
            models.UniqueConstraint(fields=["level", "number"], name="receipt_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.level})"


class ReceiptCounter(models.Model):
    """The last receipt serial the provincial OCOP agency gave in a year."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["province", "year"], name="receipt_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.province_id}/{self.year}: {self.last}"
