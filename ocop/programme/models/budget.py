from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ocop.registry.models import Producer, Product

from ..choices import FundingSource, SupportContent
from .base import UnitQuerySet, UnitRecord


class Allocation(UnitRecord):
    """Money a unit sets aside in a year from one source for one support content (đồng)."""

    year = models.PositiveSmallIntegerField(_("năm"))
    source = models.CharField(_("nguồn kinh phí"), max_length=20, choices=FundingSource.choices)
    content = models.CharField(_("nội dung hỗ trợ"), max_length=30, choices=SupportContent.choices)
    amount = models.BigIntegerField(_("kinh phí phân bổ (đồng)"))
    document_number = models.CharField(_("số văn bản"), max_length=60, blank=True)
    document_date = models.DateField(_("ngày văn bản"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["-year", "source", "content"]
        verbose_name = _("phân bổ kinh phí")
        verbose_name_plural = _("phân bổ kinh phí")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="allocation_not_negative"),
            models.CheckConstraint(
                condition=Q(commune__isnull=True) | Q(historic_unit__isnull=True),
                name="allocation_one_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} · {self.get_source_display()} · {self.get_content_display()}"


class DisbursementQuerySet(UnitQuerySet):
    scope_province = "allocation__province"
    scope_commune = "allocation__commune"


class Disbursement(models.Model):
    """A payment out of an allocation (giải ngân), with its document and beneficiary."""

    allocation = models.ForeignKey(
        Allocation, on_delete=models.PROTECT, related_name="disbursements"
    )
    paid_on = models.DateField(_("ngày chi"))
    amount = models.BigIntegerField(_("số tiền (đồng)"))
    description = models.CharField(_("nội dung chi"), max_length=300)
    producer = models.ForeignKey(
        Producer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("chủ thể được hỗ trợ"),
    )
    product = models.ForeignKey(
        Product,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sản phẩm được hỗ trợ"),
    )
    course = models.ForeignKey(
        "programme.Course",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disbursements",
        verbose_name=_("lớp tập huấn"),
    )
    event = models.ForeignKey(
        "programme.Event",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disbursements",
        verbose_name=_("sự kiện"),
    )
    document_number = models.CharField(_("số chứng từ"), max_length=60, blank=True)
    document_date = models.DateField(_("ngày chứng từ"), null=True, blank=True)
    attachment = models.FileField(_("tệp chứng từ"), upload_to="programme/%Y/", blank=True)
    overspend_reason = models.TextField(_("lý do chi vượt phân bổ"), blank=True)
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DisbursementQuerySet.as_manager()

    class Meta:
        ordering = ["-paid_on", "-pk"]
        verbose_name = _("giải ngân")
        verbose_name_plural = _("giải ngân")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="disbursement_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.paid_on} · {self.amount} đ · {self.description}"
