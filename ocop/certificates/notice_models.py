"""Written notices (thông báo bằng văn bản): one letter to one addressee, with its number and date.

General on purpose: a recognition decision's result (Art. 7.3.g, 7.4.g, 7.6.đ of Decision
26/2026), a revocation (Art. 8.3.c), the ministry's oversight (Art. 10.1.b) or the ministry's
notice of a central result to a province all make `Notice` rows; the PDF is rendered from the
stored fields, so a letter reads the same whenever it is downloaded. `source` points at what the
letter is about (a decision, a certificate, a review)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ocop.accounts.roles import Role
from ocop.accounts.scope import ScopedQuerySet
from ocop.places.models import Commune, Province
from ocop.registry.models import Producer, Product

from .choices import AuthorityLevel


class RecipientKind(models.TextChoices):
    PRODUCER = "producer", _("Chủ thể")
    COMMUNE = "commune", _("UBND cấp xã")
    PROVINCE = "province", _("Cơ quan OCOP cấp tỉnh")


class NoticeKind(models.TextChoices):
    RESULT = "result", _("Thông báo kết quả đánh giá, phân hạng")
    REVOCATION = "revocation", _("Thông báo thu hồi giấy chứng nhận")
    REVIEW = "review", _("Thông báo kết quả kiểm tra quyết định công nhận")
    REDO = "redo", _("Yêu cầu đánh giá, phân hạng lại")
    DECISION_REVOKED = "decision_revoked", _("Thông báo thu hồi quyết định công nhận")
    CENTRAL_RESULT = "central_result", _("Thông báo kết quả đánh giá cấp Trung ương")


class NoticeQuerySet(ScopedQuerySet):
    # Officers see the notices located in their territory; a producer only the letters
    # addressed to it (not the commune's or the province's copy).
    scope_commune = "commune"
    scope_province = "province"

    def _role_condition(self, user) -> Q:
        if user.role == Role.PRODUCER:
            return Q(recipient_kind=RecipientKind.PRODUCER, producer__representatives=user.pk)
        return super()._role_condition(user)


class Notice(models.Model):
    kind = models.CharField(_("loại thông báo"), max_length=20, choices=NoticeKind.choices)
    recipient_kind = models.CharField(_("nơi nhận"), max_length=10, choices=RecipientKind.choices)
    addressee = models.CharField(_("kính gửi"), max_length=300)
    # Where the matter is located (scope) and, for a producer letter, the producer addressed.
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    commune = models.ForeignKey(
        Commune, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    producer = models.ForeignKey(
        Producer, null=True, blank=True, on_delete=models.PROTECT, related_name="notices"
    )
    product = models.ForeignKey(
        Product, null=True, blank=True, on_delete=models.PROTECT, related_name="notices"
    )
    certificate = models.ForeignKey(
        "certificates.Certificate", null=True, blank=True, on_delete=models.PROTECT,
        related_name="notices",
    )  # fmt: skip
    source_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("source_type", "source_id")
    outcome = models.CharField(_("kết quả"), max_length=30, blank=True)
    authority_name = models.CharField(_("cơ quan gửi"), max_length=200)
    authority_level = models.CharField(max_length=20, choices=AuthorityLevel.choices)
    number = models.CharField(_("số văn bản"), max_length=40)
    issued_on = models.DateField(_("ngày văn bản"))
    subject = models.CharField(_("trích yếu"), max_length=300)
    body = models.TextField(_("nội dung"))
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    signer_deputy = models.BooleanField(default=False)
    sent_to = models.PositiveSmallIntegerField(_("số người nhận trên hệ thống"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("thời điểm gửi"), auto_now_add=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thông báo bằng văn bản")
        verbose_name_plural = _("thông báo bằng văn bản")
        indexes = [models.Index(fields=["source_type", "source_id"], name="notice_source")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(recipient_kind="producer") | Q(producer__isnull=False),
                name="notice_producer_letter_has_producer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} — {self.addressee}"

    def get_absolute_url(self) -> str:
        return reverse("certificates:notice_pdf", args=[self.pk])


class NoticeCounter(models.Model):
    """The last serial of an authority's notices (…/TB-…) in a year."""

    authority = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["authority", "year"], name="notice_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.authority}/{self.year}: {self.last}"
