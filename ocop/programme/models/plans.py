from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..choices import Indicator, SupportContent
from .base import UnitRecord


class Plan(UnitRecord):
    """A programme plan (kế hoạch / đề án OCOP) of a unit for a period of years."""

    name = models.CharField(_("tên kế hoạch/đề án"), max_length=300)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    document_number = models.CharField(_("số văn bản"), max_length=60, blank=True)
    document_date = models.DateField(_("ngày văn bản"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["-start_year", "name"]
        verbose_name = _("kế hoạch OCOP")
        verbose_name_plural = _("kế hoạch OCOP")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")), name="plan_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(commune__isnull=True) | Q(historic_unit__isnull=True),
                name="plan_one_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.start_year}–{self.end_year})"

    @property
    def period(self) -> str:
        return f"{self.start_year}-{self.end_year}"


class Target(models.Model):
    """A target (chỉ tiêu) of a plan: an indicator and the value to reach by the period's end."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    indicator = models.CharField(_("chỉ tiêu"), max_length=30, choices=Indicator.choices)
    stars = models.PositiveSmallIntegerField(_("từ số sao"), null=True, blank=True)
    value = models.BigIntegerField(_("giá trị cần đạt"))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        ordering = ["plan", "indicator", "stars"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="target_value_not_negative"),
            models.CheckConstraint(
                condition=Q(stars__isnull=True) | Q(stars__gte=1, stars__lte=5),
                name="target_stars_range",
            ),
            models.UniqueConstraint(
                fields=["plan", "indicator", "stars"], name="target_unique_per_plan"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_indicator_display()}: {self.value}"


class PlannedBudget(models.Model):
    """The budget a plan foresees for one support content over its period, in đồng."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="budget_lines")
    content = models.CharField(_("nội dung hỗ trợ"), max_length=30, choices=SupportContent.choices)
    amount = models.BigIntegerField(_("kinh phí dự kiến (đồng)"))

    class Meta:
        ordering = ["plan", "content"]
        verbose_name = _("kinh phí dự kiến")
        verbose_name_plural = _("kinh phí dự kiến")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="planned_budget_not_negative"),
            models.UniqueConstraint(fields=["plan", "content"], name="planned_budget_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_content_display()}: {self.amount}"
