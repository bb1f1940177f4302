from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ocop.accounts.scope import ScopedQuerySet
from ocop.core.text import search_key, search_terms
from ocop.places.models import Commune

from ..choices import CertificateStatus, SalesChannel, StandardKind, Trademark
from ..product_sets import CURRENT_RULES, SetInfo, find_set
from .producers import Producer


class ProductQuerySet(ScopedQuerySet):
    scope_commune = "producer__commune"
    scope_province = "producer__commune__province"
    scope_owner = "producer__representatives"

    def active(self) -> "ProductQuerySet":
        return self.filter(archived_at__isnull=True)

    def search(self, query: str) -> "ProductQuerySet":
        """Every word of the query in the product's key (its name, code, producer name, tax code)."""
        from ..search_index import contains_all

        return contains_all(self, "search_key", search_terms(query))


class Product(models.Model):
    """One product of a producer, classified in one product set of one rule set."""

    producer = models.ForeignKey(
        Producer, on_delete=models.PROTECT, related_name="products", verbose_name=_("chủ thể")
    )
    name = models.CharField(_("tên sản phẩm"), max_length=255)
    rules = models.CharField(_("bộ tiêu chí"), max_length=20, default=CURRENT_RULES)
    set_number = models.PositiveSmallIntegerField(_("bộ sản phẩm"))
    description = models.TextField(_("mô tả"), blank=True)
    raw_materials = models.TextField(_("nguyên liệu"), blank=True)
    local_material_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ nguyên liệu địa phương (%)"), null=True, blank=True
    )
    quality_declaration = models.CharField(
        _("bản công bố chất lượng (số, ngày)"), max_length=200, blank=True
    )
    trademark = models.CharField(
        _("nhãn hiệu"), max_length=12, choices=Trademark.choices, blank=True
    )
    trademark_number = models.CharField(_("số đơn/văn bằng nhãn hiệu"), max_length=60, blank=True)
    gtin = models.CharField(_("mã GTIN (mã vạch)"), max_length=14, blank=True)
    story = models.TextField(_("câu chuyện sản phẩm"), blank=True)
    packaging = models.CharField(_("quy cách đóng gói"), max_length=255, blank=True)
    bilingual_label = models.BooleanField(_("nhãn song ngữ"), default=False)
    traceability_code = models.BooleanField(_("có mã truy xuất nguồn gốc điện tử"), default=False)
    sales_channels = models.JSONField(_("kênh bán hàng"), default=list, blank=True)
    price = models.BigIntegerField(_("giá bán (đồng)"), null=True, blank=True)
    price_unit = models.CharField(_("đơn vị tính"), max_length=60, blank=True)
    # (T)-(X)-(STT)-YYYY, given once at the first evaluation by product_assign_code().
    code = models.CharField(_("mã sản phẩm"), max_length=30, blank=True)
    code_serial = models.PositiveIntegerField(null=True, blank=True, editable=False)
    code_commune = models.ForeignKey(
        Commune, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    # Maintained by the certificates app; the registry only shows and filters them.
    current_stars = models.PositiveSmallIntegerField(_("số sao hiện tại"), null=True, blank=True)
    certificate_status = models.CharField(
        _("tình trạng giấy chứng nhận"),
        max_length=10,
        choices=CertificateStatus.choices,
        blank=True,
    )
    verified_at = models.DateTimeField(_("cán bộ xác minh lúc"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_key = models.CharField(max_length=800, editable=False, db_index=True)
    # The public catalogue's key: name, code, producer and place names, never the tax code (a
    # household's tax code is private). Empty until the product has a code (is never public).
    public_key = models.CharField(max_length=800, editable=False, blank=True, default="")

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("sản phẩm")
        verbose_name_plural = _("sản phẩm")
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~Q(code=""), name="product_code_unique"
            ),
            models.UniqueConstraint(
                fields=["code_commune", "code_serial"],
                condition=Q(code_serial__isnull=False),
                name="product_commune_serial_unique",
            ),
            models.CheckConstraint(
                condition=Q(current_stars__isnull=True)
                | Q(current_stars__gte=1, current_stars__lte=5),
                name="product_current_stars_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(local_material_percent__isnull=True)
                | Q(local_material_percent__lte=100),
                name="product_local_material_percent_max_100",
            ),
        ]
        indexes = [
            models.Index(fields=["rules", "set_number"], name="product_rules_set"),
            # Covering indexes for the list search: the scan reads the index, not the wide rows,
            # nationwide (archived_at, search_key) and within a territory (producer first).
            models.Index(fields=["archived_at", "search_key"], name="product_search"),
            models.Index(
                fields=["producer", "archived_at", "search_key"], name="product_producer_search"
            ),
            # The catalogue's scan covers every column its filter reads (products_in_force and
            # the words): SQLite counts and searches the index, never the wide rows. PostgreSQL
            # adds trigram indexes on the keys (migration 0003, ADR 0008).
            models.Index(
                fields=["archived_at", "public_key", "certificate_status", "code"],
                name="product_public_search",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # Every save keeps the keys right; bulk writes (imports) set them themselves.
        self.refresh_keys()
        super().save(*args, **kwargs)

    @property
    def sales_channel_labels(self) -> list[str]:
        """The channels in words ("Điểm bán OCOP"), not their stored codes."""
        labels = dict(SalesChannel.choices)
        return [str(labels.get(code, code)) for code in self.sales_channels]

    @property
    def product_set(self) -> SetInfo | None:
        return find_set(self.rules, self.set_number)

    def make_search_key(self, producer: Producer | None = None) -> str:
        producer = producer or self.producer
        return search_key(f"{self.name} {self.code} {producer.name} {producer.tax_code}")

    def make_public_key(self, producer: Producer | None = None) -> str:
        """Only a product with a code can be public; others need no key (and no place lookups)."""
        if not self.code:
            return ""
        producer = producer or self.producer
        commune = producer.commune
        return search_key(f"{self.name} {self.code} {producer.name} {commune.name} "
                          f"{commune.province.name}")  # fmt: skip

    def refresh_keys(self, producer: Producer | None = None) -> None:
        """Both search keys (officers' and the public catalogue's) from the current values."""
        self.search_key = self.make_search_key(producer)
        self.public_key = self.make_public_key(producer)


class CommuneSerial(models.Model):
    """The last product serial (STT) a commune has given; one row per commune."""

    commune = models.OneToOneField(Commune, on_delete=models.PROTECT, related_name="+")
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.commune_id}: {self.last}"


class ProductStandard(models.Model):
    """A standard or certification the product holds (VietGAP, organic, HACCP…), with validity."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="standards")
    kind = models.CharField(_("tiêu chuẩn/chứng nhận"), max_length=12, choices=StandardKind.choices)
    number = models.CharField(_("số chứng nhận"), max_length=80, blank=True)
    issued_by = models.CharField(_("tổ chức chứng nhận"), max_length=200, blank=True)
    valid_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("tiêu chuẩn, chứng nhận")
        verbose_name_plural = _("tiêu chuẩn, chứng nhận")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}".strip()


class ProductImage(models.Model):
    """A product photo, checked by content and resized to at most 1600 px before it is stored."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images")
    image = models.FileField(_("ảnh"), upload_to="products/%Y/")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    caption = models.CharField(_("chú thích"), max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("ảnh sản phẩm")
        verbose_name_plural = _("ảnh sản phẩm")

    def __str__(self) -> str:
        return self.caption or str(self.image.name)
