from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ocop.accounts.scope import ScopedQuerySet
from ocop.places.models import Commune, HistoricUnit, Province


class UnitQuerySet(ScopedQuerySet):
    """Province officers see their province's records, commune officers their commune's."""

    scope_province = "province"
    scope_commune = "commune"


class UnitRecord(models.Model):
    """A record kept by an administrative unit: a province (commune and historic unit empty), a
    commune of it, or a historic unit (a former district or commune) of it."""

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="+", verbose_name=_("tỉnh/thành phố")
    )
    commune = models.ForeignKey(
        Commune,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("xã/phường"),
    )
    historic_unit = models.ForeignKey(
        HistoricUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị hành chính cũ"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        abstract = True
