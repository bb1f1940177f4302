"""Post-audit (hậu kiểm, Art. 9 of Decision 26/2026/QĐ-TTg): inspection plans and inspections of
recognised products, their checklist (9.3), findings and conclusion; a conclusion may open a
revocation on ground 8.1.b or 8.1.d, due 15 days after it (8.4)."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop.accounts.roles import Role
from ocop.accounts.scope import ScopedQuerySet
from ocop.certificates import validity
from ocop.certificates.choices import Status as CertificateStatus
from ocop.certificates.models import Certificate
from ocop.places.models import Province

from .choices import ARTICLE, GROUND_CHOICES, Kind, Level, Reason, Status

PRODUCER_COMMUNE = "certificate__product__producer__commune"


class PlanQuerySet(ScopedQuerySet):
    """Province officers see their province's plans; commune officers and producers the plans
    that inspect a product of their commune / their own (read-only); central officers all."""

    scope_province = "province"

    def _role_condition(self, user) -> Q:
        if user.role == Role.COMMUNE:
            inspected = Inspection.objects.filter(**{PRODUCER_COMMUNE: user.commune_id})
            return Q(pk__in=inspected.values("plan_id"))
        if user.role == Role.PRODUCER:
            owned = Inspection.objects.filter(certificate__product__producer__representatives=user)
            return Q(pk__in=owned.values("plan_id"))
        return super()._role_condition(user)


class Plan(models.Model):
    """A periodic inspection plan (kế hoạch kiểm tra định kỳ) of one year and period."""

    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên kế hoạch"), max_length=255)
    level = models.CharField(_("cơ quan kiểm tra"), max_length=10, choices=Level.choices)
    # The unit inspected: a province, or none for a ministry plan over the whole country.
    province = models.ForeignKey(
        Province, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("tỉnh/thành phố"),
    )  # fmt: skip
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    inspectors = models.CharField(_("đoàn kiểm tra"), max_length=400)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-period_start", "-id"]
        verbose_name = _("kế hoạch kiểm tra")
        verbose_name_plural = _("kế hoạch kiểm tra")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="inspection_plan_period_order",
            ),
            models.CheckConstraint(
                condition=Q(level=Level.CENTRAL) | Q(province__isnull=False),
                name="inspection_plan_province_level_has_province",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("inspections:plan_detail", args=[self.pk])


class InspectionQuerySet(ScopedQuerySet):
    scope_commune = PRODUCER_COMMUNE
    scope_province = "certificate__product__producer__commune__province"
    scope_owner = "certificate__product__producer__representatives"


class Inspection(models.Model):
    """One inspection of one recognised product: in a plan (periodic) or on its own (ad hoc)."""

    kind = models.CharField(_("loại kiểm tra"), max_length=10, choices=Kind.choices)
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.PROTECT, related_name="inspections",
        verbose_name=_("kế hoạch"),
    )  # fmt: skip
    reason = models.CharField(_("lý do"), max_length=20, choices=Reason.choices, blank=True)
    reason_note = models.TextField(_("nội dung phản ánh, dấu hiệu"), blank=True)
    certificate = models.ForeignKey(
        Certificate, on_delete=models.PROTECT, related_name="inspections",
        verbose_name=_("giấy chứng nhận"),
    )  # fmt: skip
    level = models.CharField(_("cơ quan kiểm tra"), max_length=10, choices=Level.choices)
    inspectors = models.CharField(_("đoàn kiểm tra"), max_length=400)
    scheduled_on = models.DateField(_("ngày kiểm tra dự kiến"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    # The checklist of Art. 9.3: None = not yet checked.
    criteria_kept = models.BooleanField(_("duy trì tiêu chí theo hồ sơ đã công nhận"), null=True)
    criteria_note = models.TextField(_("ghi chú tiêu chí"), blank=True)
    mark_kept = models.BooleanField(_("sử dụng nhãn hiệu OCOP đúng quy định"), null=True)
    mark_note = models.TextField(_("ghi chú nhãn hiệu"), blank=True)
    information_kept = models.BooleanField(
        _("thông tin, quảng bá sản phẩm đúng quy định"), null=True
    )
    information_note = models.TextField(_("ghi chú thông tin, quảng bá"), blank=True)
    findings = models.TextField(_("phát hiện"), blank=True)
    checked_on = models.DateField(_("ngày kiểm tra"), null=True, blank=True)
    conclusion = models.TextField(_("kết luận"), blank=True)
    concluded_on = models.DateField(_("ngày kết luận"), null=True, blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    # Art. 8.1.b / 8.1.d: the conclusion opens a revocation of the certificate; blank = none.
    revocation_ground = models.CharField(
        _("đề nghị thu hồi theo căn cứ"), max_length=20, choices=GROUND_CHOICES, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InspectionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("cuộc kiểm tra")
        verbose_name_plural = _("cuộc kiểm tra")
        constraints = [
            # A plan inspects a product once; an ad-hoc inspection stands on its own.
            models.UniqueConstraint(
                fields=["plan", "certificate"],
                condition=Q(plan__isnull=False),
                name="inspection_once_per_plan",
            ),  # fmt: skip
            models.CheckConstraint(
                condition=(Q(kind=Kind.PERIODIC) & Q(plan__isnull=False))
                | (Q(kind=Kind.ADHOC) & Q(plan__isnull=True) & ~Q(reason="")),
                name="inspection_kind_plan_or_reason",
            ),
            models.CheckConstraint(
                condition=Q(status=Status.PLANNED, concluded_on__isnull=True)
                | Q(status=Status.CONCLUDED, concluded_on__isnull=False),
                name="inspection_concluded_has_date",
            ),
            models.CheckConstraint(
                condition=Q(revocation_ground="") | Q(status=Status.CONCLUDED),
                name="inspection_revocation_only_when_concluded",
            ),
        ]
        indexes = [models.Index(fields=["status", "revocation_ground"], name="inspection_open_rev")]

    def __str__(self) -> str:
        return _("Kiểm tra %(product)s (%(number)s)") % {
            "product": self.certificate.product_name, "number": self.certificate.number,
        }  # fmt: skip

    def get_absolute_url(self) -> str:
        return reverse("inspections:inspection_detail", args=[self.pk])

    @property
    def is_concluded(self) -> bool:
        return self.status == Status.CONCLUDED

    @property
    def revocation_article(self) -> str:
        return ARTICLE.get(self.revocation_ground, "")  # type: ignore[call-overload]

    @property
    def revocation_due(self) -> date | None:
        """Art. 8.4: the revocation is decided within 15 days of the conclusion."""
        if not self.revocation_ground or self.concluded_on is None:
            return None
        return validity.revocation_deadline(self.concluded_on)

    @property
    def revocation_done(self) -> bool:
        return self.certificate.status == CertificateStatus.REVOKED

    @property
    def revocation_overdue(self) -> bool:
        return self.revocation_overdue_on(timezone.localdate())

    def revocation_overdue_on(self, today: date) -> bool:
        """A revocation opened by this conclusion and not decided by its due day, or decided
        after it."""
        due = self.revocation_due
        if due is None:
            return False
        if self.revocation_done:
            decided = self.certificate.revocation_decision_date
            return decided is not None and decided > due
        return today > due
