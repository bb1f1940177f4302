"""Administrative units: today's provinces and communes, and the historic units before 1 Jul 2025.

Codes are the official ones (Decision 19/2025/QĐ-TTg for today's units), kept as zero-padded text.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ocop.core.text import nfc, search_key, search_terms


def _name_filter(query: str) -> models.Q | None:
    """Every word of the query is a word of the unit's search key; None for an empty query.

    Whole words, so that "phu xuyen" does not find "Phường Bá Xuyên" ("phu" in "phuong"); the last
    word may be the start of a word, so that a name being typed ("phu xuy") already matches.
    """
    terms = search_terms(query)
    if not terms:
        return None
    condition = models.Q()
    for term in terms[:-1]:
        condition &= (
            models.Q(search_key=term)
            | models.Q(search_key__startswith=f"{term} ")
            | models.Q(search_key__endswith=f" {term}")
            | models.Q(search_key__contains=f" {term} ")
        )
    last = terms[-1]
    return condition & (
        models.Q(search_key__startswith=last) | models.Q(search_key__contains=f" {last}")
    )


def _code_query(query: str) -> str | None:
    """The query as a code when it is one (digits only), else None."""
    text = nfc(query)
    return text if text.isdigit() else None


class ProvinceQuerySet(models.QuerySet):
    def search(self, query: str) -> "ProvinceQuerySet":
        """By exact code ("01", or "1") or by name words ("ha noi", "Hà Nội")."""
        code = _code_query(query)
        if code is not None:
            return self.filter(code=code.zfill(2))
        condition = _name_filter(query)
        return self.filter(condition) if condition is not None else self.none()


class CommuneQuerySet(models.QuerySet):
    def search(self, query: str) -> "CommuneQuerySet":
        """By exact code ("10273") or by name words ("phu xuyen", "PHÚ XUYÊN")."""
        code = _code_query(query)
        if code is not None:
            return self.filter(code=code.zfill(5))
        condition = _name_filter(query)
        return self.filter(condition) if condition is not None else self.none()

    def in_province(self, province: "Province | str") -> "CommuneQuerySet":
        """The communes of a province, given as a Province or its code ("01")."""
        if isinstance(province, Province):
            return self.filter(province=province)
        return self.filter(province__code=province.zfill(2))


class HistoricUnitQuerySet(models.QuerySet):
    def search(self, query: str) -> "HistoricUnitQuerySet":
        """By exact old code (district "280", commune "10273") or by name words."""
        code = _code_query(query)
        if code is not None:
            return self.filter(
                models.Q(level=HistoricUnit.Level.PROVINCE, code=code.zfill(2))
                | models.Q(level=HistoricUnit.Level.DISTRICT, code=code.zfill(3))
                | models.Q(level=HistoricUnit.Level.COMMUNE, code=code.zfill(5))
            )
        condition = _name_filter(query)
        return self.filter(condition) if condition is not None else self.none()

    def taken_over_by(self, commune: "Commune") -> "HistoricUnitQuerySet":
        """The former communes that `commune` took over on 1 Jul 2025."""
        return self.filter(successor=commune)


class Province(models.Model):
    code = models.CharField(_("mã"), max_length=2, unique=True)
    name = models.CharField(_("tên"), max_length=100)
    division_type = models.CharField(_("loại"), max_length=40)
    search_key = models.CharField(max_length=100, editable=False, db_index=True)

    objects = ProvinceQuerySet.as_manager()

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

    objects = CommuneQuerySet.as_manager()

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

    objects = HistoricUnitQuerySet.as_manager()

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
