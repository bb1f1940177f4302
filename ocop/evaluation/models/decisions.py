"""Recognition decisions (quyết định công nhận): numbered per authority and year."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ocop.certificates.choices import SignerTitle
from ocop.places.models import Province

from .rounds import RoundLevel


class Decision(models.Model):
    """`NN/QĐ-UBND` of a province, or `NN/QĐ-BNNMT` of the ministry, listing products and stars."""

    level = models.CharField(_("cấp"), max_length=10, choices=RoundLevel.choices)
    province = models.ForeignKey(
        Province, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    serial = models.PositiveIntegerField()
    number = models.CharField(_("số quyết định"), max_length=40)
    decided_on = models.DateField(_("ngày quyết định"))
    authority_name = models.CharField(_("cơ quan ban hành"), max_length=200)
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    signer_title = models.CharField(
        _("chức vụ người ký"), max_length=10, choices=SignerTitle.choices, default=SignerTitle.HEAD
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = _("quyết định công nhận")
        verbose_name_plural = _("quyết định công nhận")
        constraints = [
            models.UniqueConstraint(
                fields=["level", "province", "year", "serial"], name="decision_unique_serial"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def title(self) -> str:
        """The decision's subject line, as its PDF prints it."""
        return _("Về việc công nhận sản phẩm đạt chuẩn OCOP năm %(year)s") % {"year": self.year}


class DecisionCounter(models.Model):
    """The last serial an authority ("UBND-01", "BNNMT") gave in a year."""

    authority = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["authority", "year"], name="decision_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.authority}/{self.year}: {self.last}"
