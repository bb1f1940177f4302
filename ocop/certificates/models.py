from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ocop.accounts.scope import ScopedQuerySet
from ocop.places.models import HistoricUnit
from ocop.registry.models import Product

from . import validity
from .choices import (
    IN_FORCE,
    RULES_CHOICES,
    AuthorityLevel,
    Milestone,
    RevocationGround,
    SignerTitle,
    Status,
)
from .signing import verification_path


class CertificateQuerySet(ScopedQuerySet):
    # Located where the product's producer is; owned by the producer's representatives. The public
    # sees a certificate only through its signed verification URL, never through lists.
    scope_commune = "product__producer__commune"
    scope_province = "product__producer__commune__province"
    scope_owner = "product__producer__representatives"

    def in_force(self) -> "CertificateQuerySet":
        return self.filter(status__in=IN_FORCE)


class Certificate(models.Model):
    """An OCOP certificate (giấy chứng nhận): what was recognised, by whom, and until when.

    Names and addresses are copied at issue, so a later rename of the producer or a reform of the
    authorities does not rewrite a certificate that was issued."""

    number = models.CharField(_("số giấy chứng nhận"), max_length=60, unique=True)
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="certificates", verbose_name=_("sản phẩm")
    )
    product_name = models.CharField(_("tên sản phẩm (khi cấp)"), max_length=255)
    producer_name = models.CharField(_("chủ thể (khi cấp)"), max_length=255)
    producer_address = models.CharField(_("địa chỉ chủ thể (khi cấp)"), max_length=400)
    stars = models.PositiveSmallIntegerField(_("số sao"))
    rules = models.CharField(_("bộ tiêu chí"), max_length=20, choices=RULES_CHOICES)
    authority_name = models.CharField(_("cơ quan công nhận"), max_length=200)
    authority_level = models.CharField(
        _("cấp công nhận"), max_length=20, choices=AuthorityLevel.choices
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    # Printed in the signature block; blank on certificates issued before the system kept them.
    signer_name = models.CharField(_("người ký"), max_length=200, blank=True)
    signer_title = models.CharField(
        _("chức vụ người ký"), max_length=10, choices=SignerTitle.choices, default=SignerTitle.HEAD
    )
    issue_date = models.DateField(_("ngày cấp"))
    valid_until = models.DateField(_("hiệu lực đến"))
    # Art. 12.3 (transition): the last day a certificate stays in force past `valid_until` while
    # its late re-evaluation is pending (at most 180 days after expiry; the result ends it
    # earlier). Null: no extension.
    extended_until = models.DateField(_("kéo dài hiệu lực đến"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=15, choices=Status.choices, default=Status.VALID
    )
    supersedes = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
        verbose_name=_("thay thế giấy chứng nhận"),
    )
    revocation_ground = models.CharField(
        _("căn cứ thu hồi"), max_length=20, choices=RevocationGround.choices, blank=True
    )
    revocation_conclusion_date = models.DateField(_("ngày có kết luận"), null=True, blank=True)
    revocation_decision_number = models.CharField(
        _("số quyết định thu hồi"), max_length=60, blank=True
    )
    revocation_decision_date = models.DateField(_("ngày quyết định thu hồi"), null=True, blank=True)
    revocation_note = models.TextField(_("ghi chú thu hồi"), blank=True)
    # Unguessable; the public URL also carries an HMAC of it (see signing.py).
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issue_date", "-id"]
        verbose_name = _("giấy chứng nhận")
        verbose_name_plural = _("giấy chứng nhận")
        constraints = [
            models.CheckConstraint(
                condition=Q(stars__gte=3, stars__lte=5), name="certificate_stars_3_to_5"
            ),
            models.CheckConstraint(
                condition=Q(valid_until__gt=models.F("issue_date")),
                name="certificate_valid_after_issue",
            ),
            models.CheckConstraint(
                condition=Q(extended_until__isnull=True)
                | Q(extended_until__gt=models.F("valid_until")),
                name="certificate_extended_after_expiry",
            ),
            models.CheckConstraint(
                condition=~Q(status="extended") | Q(extended_until__isnull=False),
                name="certificate_extended_has_end",
            ),
            models.CheckConstraint(
                condition=~Q(status="revoked")
                | (~Q(revocation_ground="") & Q(revocation_decision_date__isnull=False)),
                name="certificate_revoked_has_ground",
            ),
        ]
        indexes = [models.Index(fields=["status", "valid_until"], name="certificate_status_until")]

    def __str__(self) -> str:
        return f"{self.number} – {self.product_name}"

    def get_absolute_url(self) -> str:
        return reverse("certificates:certificate_detail", args=[self.pk])

    @property
    def star_glyphs(self) -> str:
        return "★" * self.stars

    @property
    def verification_url(self) -> str:
        """Absolute: printed on the PDF's QR code and in the CLI."""
        return f"{settings.SITE_URL}{verification_path(self.token)}"

    def status_on(self, day: date) -> str:
        """The status on `day`, computed live (the stored status is refreshed daily)."""
        if self.status in (Status.REVOKED, Status.SUPERSEDED):
            return self.status
        return str(validity.standing_on(day, self.valid_until, self.extended_until))

    @property
    def window_start(self) -> date:
        return validity.window_start(self.valid_until)

    @property
    def window_end(self) -> date:
        return validity.window_end(self.valid_until)

    @property
    def extension_limit(self) -> date:
        """The latest day Art. 12.3 could keep this certificate in force (180 days after expiry)."""
        return validity.extension_end(self.valid_until)

    @property
    def revocation_deadline(self) -> date | None:
        if self.revocation_conclusion_date is None:
            return None
        return validity.revocation_deadline(self.revocation_conclusion_date)

    @property
    def revocation_overdue(self) -> bool:
        """Decided after the 15-day deadline."""
        deadline, decided = self.revocation_deadline, self.revocation_decision_date
        return bool(deadline and decided and decided > deadline)


class CertificateSerial(models.Model):
    """The last serial an authority has given in a year; one row per authority code and year."""

    authority_code = models.CharField(max_length=30)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["authority_code", "year"], name="certificate_serial_authority_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.authority_code} {self.year}: {self.last}"


class CertificateReminder(models.Model):
    """A reminder already sent: at most one per certificate and milestone."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    milestone = models.CharField(max_length=20, choices=Milestone.choices)
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "milestone"], name="certificate_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.certificate_id} {self.milestone}"


class HistoricResultQuerySet(ScopedQuerySet):
    scope_commune = "product__producer__commune"
    scope_province = "product__producer__commune__province"
    scope_owner = "product__producer__representatives"


class HistoricResult(models.Model):
    """A ranking from before the system (1048-2019, 148-2023): often a total and stars only."""

    product = models.ForeignKey(
        Product,
        on_delete=models.PROTECT,
        related_name="historic_results",
        verbose_name=_("sản phẩm"),
    )
    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    rules = models.CharField(_("bộ tiêu chí"), max_length=20, choices=RULES_CHOICES)
    total = models.DecimalField(
        _("tổng điểm"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    stars = models.PositiveSmallIntegerField(_("số sao"))
    authority_name = models.CharField(_("cơ quan công nhận"), max_length=200)
    authority_level = models.CharField(
        _("cấp công nhận"), max_length=20, choices=AuthorityLevel.choices
    )
    historic_unit = models.ForeignKey(
        HistoricUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị hành chính cũ"),
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    objects = HistoricResultQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "product__name", "id"]
        verbose_name = _("kết quả đánh giá trước đây")
        verbose_name_plural = _("kết quả đánh giá trước đây")
        constraints = [
            models.UniqueConstraint(
                fields=["product", "year", "rules"], name="historic_result_product_year_rules"
            ),
            models.CheckConstraint(
                condition=Q(stars__gte=1, stars__lte=5), name="historic_result_stars_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(total__isnull=True) | Q(total__gte=0, total__lte=100),
                name="historic_result_total_0_to_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product} {self.year}: {self.stars}★"


from .notice_models import Notice, NoticeCounter  # noqa: E402,F401  (written notices)
