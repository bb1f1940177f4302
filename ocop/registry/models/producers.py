from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ocop.accounts.scope import ScopedQuerySet
from ocop.core.text import search_key
from ocop.places.models import Commune, HistoricUnit

from ..choices import CooperativeClass, DocumentKind, Gender, LegalForm


class ProducerQuerySet(ScopedQuerySet):
    scope_commune = "commune"
    scope_province = "commune__province"
    scope_owner = "representatives"

    def active(self) -> "ProducerQuerySet":
        return self.filter(archived_at__isnull=True)


class Producer(models.Model):
    """A producer (chủ thể OCOP): the legal or business entity that makes the products."""

    legal_form = models.CharField(_("loại hình"), max_length=20, choices=LegalForm.choices)
    name = models.CharField(_("tên chủ thể"), max_length=255)
    tax_code = models.CharField(_("mã số thuế"), max_length=14)
    registration_number = models.CharField(_("số đăng ký kinh doanh"), max_length=40, blank=True)
    registration_date = models.DateField(_("ngày đăng ký kinh doanh"), null=True, blank=True)
    # The legal representative: criterion 3.2 of the score sheets looks at these facts.
    representative_name = models.CharField(
        _("người đại diện pháp luật"), max_length=150, blank=True
    )
    representative_gender = models.CharField(
        _("giới tính người đại diện"), max_length=10, choices=Gender.choices, blank=True
    )
    representative_ethnic_group = models.CharField(
        _("dân tộc người đại diện"), max_length=40, blank=True
    )
    representative_disabled = models.BooleanField(
        _("người đại diện là người khuyết tật"), default=False
    )
    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="producers", verbose_name=_("xã/phường")
    )
    historic_unit = models.ForeignKey(
        HistoricUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="producers",
        verbose_name=_("địa chỉ cũ (trước 1/7/2025)"),
    )
    street_address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("trang web"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("năm thành lập"), null=True, blank=True)
    workforce = models.PositiveIntegerField(_("số lao động"), null=True, blank=True)
    local_labour_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ lao động địa phương (%)"), null=True, blank=True
    )
    cooperative_class = models.CharField(
        _("xếp loại hợp tác xã"), max_length=10, choices=CooperativeClass.choices, blank=True
    )
    representatives = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="producers",
        verbose_name=_("tài khoản đại diện"),
    )
    verified_at = models.DateTimeField(_("cán bộ xác minh lúc"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_key = models.CharField(max_length=400, editable=False, db_index=True)

    objects = ProducerQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("chủ thể")
        verbose_name_plural = _("chủ thể")
        constraints = [
            models.UniqueConstraint(fields=["tax_code"], name="producer_tax_code_unique"),
            models.CheckConstraint(
                condition=Q(local_labour_percent__isnull=True) | Q(local_labour_percent__lte=100),
                name="producer_local_labour_percent_max_100",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.search_key = self.make_search_key()
        super().save(*args, **kwargs)

    def make_search_key(self) -> str:
        return search_key(f"{self.name} {self.tax_code}")


class ProducerDocument(models.Model):
    """A paper the producer holds, with its validity: business registration, food safety, …"""

    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, related_name="documents", verbose_name=_("chủ thể")
    )
    kind = models.CharField(_("loại giấy tờ"), max_length=30, choices=DocumentKind.choices)
    number = models.CharField(_("số"), max_length=80, blank=True)
    issued_by = models.CharField(_("nơi cấp"), max_length=200, blank=True)
    issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    valid_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "-issued_on"]
        verbose_name = _("giấy tờ của chủ thể")
        verbose_name_plural = _("giấy tờ của chủ thể")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}".strip()
