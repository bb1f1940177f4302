from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ocop.places.models import Commune, Province
from ocop.registry.models import Producer, Product

from ..choices import BusinessPlanStatus, CycleStep, IdeaStatus
from .base import UnitQuerySet, UnitRecord


class CycleDefault(models.Model):
    """A province's default window for one step of the annual cycle, as month and day (the
    windows of a year are created from these, then may be moved)."""

    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    step = models.PositiveSmallIntegerField(_("bước"), choices=CycleStep.choices)
    start_month = models.PositiveSmallIntegerField(_("tháng bắt đầu"))
    start_day = models.PositiveSmallIntegerField(_("ngày bắt đầu"))
    end_month = models.PositiveSmallIntegerField(_("tháng kết thúc"))
    end_day = models.PositiveSmallIntegerField(_("ngày kết thúc"))

    class Meta:
        ordering = ["province", "step"]
        verbose_name = _("lịch chu trình mặc định")
        verbose_name_plural = _("lịch chu trình mặc định")
        constraints = [
            models.UniqueConstraint(fields=["province", "step"], name="cycle_default_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.province} · {self.get_step_display()}"


class CycleWindow(UnitRecord):
    """The dated window of one step of a unit's annual cycle in one year."""

    year = models.PositiveSmallIntegerField(_("năm"))
    step = models.PositiveSmallIntegerField(_("bước"), choices=CycleStep.choices)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"))

    class Meta:
        ordering = ["year", "step"]
        verbose_name = _("bước của chu trình")
        verbose_name_plural = _("bước của chu trình")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="cycle_window_ordered"
            ),
            models.UniqueConstraint(
                fields=["province", "commune", "historic_unit", "year", "step"],
                name="cycle_window_unique",
                nulls_distinct=False,
            ),
        ]


class IdeaQuerySet(UnitQuerySet):
    scope_province = "commune__province"
    scope_commune = "commune"
    scope_owner = "producer__representatives"


class Idea(models.Model):
    """A product idea (phiếu đăng ký ý tưởng sản phẩm), screened by the commune or province."""

    year = models.PositiveSmallIntegerField(_("năm"))
    producer = models.ForeignKey(
        Producer, on_delete=models.PROTECT, related_name="ideas", verbose_name=_("chủ thể")
    )
    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="+", verbose_name=_("xã/phường")
    )
    title = models.CharField(_("ý tưởng sản phẩm"), max_length=300)
    set_number = models.PositiveSmallIntegerField(_("bộ sản phẩm"))
    description = models.TextField(_("mô tả"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.SUBMITTED
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    screened_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    screened_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-created_at"]
        verbose_name = _("ý tưởng sản phẩm")
        verbose_name_plural = _("ý tưởng sản phẩm")

    def __str__(self) -> str:
        return self.title


class BusinessPlanQuerySet(UnitQuerySet):
    scope_province = "idea__commune__province"
    scope_commune = "idea__commune"
    scope_owner = "idea__producer__representatives"


class BusinessPlan(models.Model):
    """A business plan (phương án / dự án sản xuất kinh doanh) on an accepted idea. Once the
    product exists it is linked, which gives the lineage idea → plan → product → dossier →
    certificate."""

    idea = models.ForeignKey(Idea, on_delete=models.PROTECT, related_name="business_plans")
    title = models.CharField(_("tên phương án/dự án"), max_length=300)
    summary = models.TextField(_("nội dung chính"))
    support_requested = models.TextField(_("nội dung đề nghị hỗ trợ"), blank=True)
    support_amount = models.BigIntegerField(
        _("kinh phí đề nghị hỗ trợ (đồng)"), null=True, blank=True
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=BusinessPlanStatus.choices,
        default=BusinessPlanStatus.SUBMITTED,
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    decided_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    product = models.ForeignKey(
        Product,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="business_plans",
        verbose_name=_("sản phẩm"),
    )
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BusinessPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("phương án sản xuất kinh doanh")
        verbose_name_plural = _("phương án sản xuất kinh doanh")
        constraints = [
            models.CheckConstraint(
                condition=Q(support_amount__isnull=True) | Q(support_amount__gte=0),
                name="business_plan_support_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.title
