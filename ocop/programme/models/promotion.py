from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ocop.places.models import Commune
from ocop.registry.models import Product

from ..choices import EventKind, OutletKind
from .base import UnitRecord


class Event(UnitRecord):
    """A trade promotion event: a fair, an exhibition, a showroom opening, an online promotion
    or a study tour, with the products taking part."""

    kind = models.CharField(_("loại sự kiện"), max_length=20, choices=EventKind.choices)
    name = models.CharField(_("tên sự kiện"), max_length=300)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"))
    place = models.CharField(_("địa điểm"), max_length=300)
    organiser = models.CharField(_("đơn vị tổ chức"), max_length=300)
    products = models.ManyToManyField(
        Product, blank=True, related_name="events", verbose_name=_("sản phẩm tham gia")
    )

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("sự kiện xúc tiến thương mại")
        verbose_name_plural = _("sự kiện xúc tiến thương mại")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="event_dates_ordered"
            ),
            models.CheckConstraint(
                condition=Q(commune__isnull=True) | Q(historic_unit__isnull=True),
                name="event_one_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Showroom(UnitRecord):
    """A place that shows and sells OCOP products (địa điểm giới thiệu và bán sản phẩm OCOP)."""

    kind = models.CharField(_("loại"), max_length=20, choices=OutletKind.choices)
    name = models.CharField(_("tên"), max_length=300)
    address = models.CharField(_("địa chỉ"), max_length=300)
    location = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="+", verbose_name=_("xã/phường")
    )
    operator = models.CharField(_("đơn vị vận hành"), max_length=300)
    opened_on = models.DateField(_("ngày khai trương"))
    closed_on = models.DateField(_("ngày đóng cửa"), null=True, blank=True)
    products = models.ManyToManyField(
        Product, blank=True, related_name="showrooms", verbose_name=_("sản phẩm trưng bày")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("điểm giới thiệu và bán sản phẩm OCOP")
        verbose_name_plural = _("điểm giới thiệu và bán sản phẩm OCOP")
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("opened_on")),
                name="showroom_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(commune__isnull=True) | Q(historic_unit__isnull=True),
                name="showroom_one_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.name
