"""Administrative units: today's provinces and communes, and the historic units before 1 Jul 2025.

Codes are the official ones (Decision 19/2025/QĐ-TTg for today's units), kept as zero-padded text.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ocop.core.text import search_key


class Province(models.Model):
    code = models.CharField(_("mã"), max_length=2, unique=True)
    name = models.CharField(_("tên"), max_length=100)
    division_type = models.CharField(_("loại"), max_length=40)
    search_key = models.CharField(max_length=100, editable=False, db_index=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("tỉnh/thành phố")
        verbose_name_plural = _("tỉnh/thành phố")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.search_key = search_key(self.name)
        super().save(*args, **kwargs)


class Commune(models.Model):
    code = models.CharField(_("mã"), max_length=5, unique=True)
    name = models.CharField(_("tên"), max_length=100)
    division_type = models.CharField(_("loại"), max_length=40)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="communes",
        verbose_name=_("tỉnh/thành phố"),
    )
    search_key = models.CharField(max_length=100, editable=False, db_index=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("xã/phường/đặc khu")
        verbose_name_plural = _("xã/phường/đặc khu")

    def __str__(self) -> str:
        return f"{self.name}, {self.province.name}"

    def save(self, *args, **kwargs):
        self.search_key = search_key(self.name)
        super().save(*args, **kwargs)


class HistoricUnit(models.Model):
    """A unit as it was before the 1 Jul 2025 reform (a district, or a commune of a district)."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("tỉnh")
        DISTRICT = "district", _("huyện")
        COMMUNE = "commune", _("xã")

    code = models.CharField(_("mã cũ"), max_length=5)
    name = models.CharField(_("tên"), max_length=100)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    division_type = models.CharField(_("loại"), max_length=40)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("thuộc"),
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="historic_units",
        verbose_name=_("tỉnh/thành phố hiện nay"),
    )
    successor = models.ForeignKey(
        Commune,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        verbose_name=_("đơn vị hiện nay"),
    )
    valid_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    search_key = models.CharField(max_length=100, editable=False, db_index=True)

    class Meta:
        ordering = ["level", "code"]
        verbose_name = _("đơn vị hành chính cũ")
        verbose_name_plural = _("đơn vị hành chính cũ")
        constraints = [
            models.UniqueConstraint(
                fields=["level", "code"], name="historic_unit_level_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.search_key = search_key(self.name)
        super().save(*args, **kwargs)
