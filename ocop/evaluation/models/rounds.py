from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ocop.places.models import Province


class RoundLevel(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh (3–4 sao)")
    CENTRAL = "central", _("Cấp trung ương (5 sao)")


class RoundQuerySet(models.QuerySet):
    def for_province(self, province_id: int | None) -> "RoundQuerySet":
        return self.filter(level=RoundLevel.PROVINCE, province_id=province_id)


class Round(models.Model):
    """An evaluation round (đợt đánh giá): proposals by one date, decision by another.

    Rounds are not secret: every logged-in user may list them; only officers create them.
    """

    level = models.CharField(
        _("cấp"), max_length=10, choices=RoundLevel.choices, default=RoundLevel.PROVINCE
    )
    province = models.ForeignKey(
        Province,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rounds",
        verbose_name=_("tỉnh/thành phố"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveSmallIntegerField(_("đợt số"))
    is_extra = models.BooleanField(_("đợt bổ sung"), default=False)
    # Art. 5.1: an extra round "phải được quy định trong Quyết định ban hành Quy chế hoạt động của
    # Hội đồng … và có kế hoạch đánh giá, phân hạng": the decision and plan it rests on.
    basis = models.CharField(_("căn cứ tổ chức đợt bổ sung"), max_length=400, blank=True)
    proposal_deadline = models.DateField(_("hạn đề nghị"))
    decision_deadline = models.DateField(_("hạn quyết định"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "level", "number"]
        verbose_name = _("đợt đánh giá")
        verbose_name_plural = _("đợt đánh giá")
        constraints = [
            models.UniqueConstraint(
                fields=["level", "province", "year", "number"], name="round_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(level="central", province__isnull=True)
                | Q(level="province", province__isnull=False),
                name="round_province_matches_level",
            ),
            models.CheckConstraint(
                condition=Q(decision_deadline__gte=models.F("proposal_deadline")),
                name="round_decision_after_proposals",
            ),
        ]

    def __str__(self) -> str:
        where = self.province.name if self.province else _("Trung ương")
        return _("Đợt %(number)s/%(year)s – %(where)s") % {
            "number": self.number,
            "year": self.year,
            "where": where,
        }
