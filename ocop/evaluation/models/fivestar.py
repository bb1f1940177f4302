"""The 5★ dossier a province sends to the ministry (hồ sơ đề nghị đánh giá 5 sao, Art. 6.3).

Art. 7.3.e: for a product averaging 90 or more, the provincial chair issues the approval decision
(quyết định phê duyệt kết quả đánh giá) and the province sends its letter (công văn) with the
dossier of Art. 6.3.a to the ministry. Art. 6.3.b / 7.6.e: a 5★ re-evaluation goes to the ministry
with the provincial agency's report, without an approval decision. Art. 7.4.g: the ministry
notifies the province of the central result; below 90 the province recognises 3★/4★ on the central
scores or evaluates the product under its own authority.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ocop.certificates.choices import SignerTitle
from ocop.places.models import Province

from .applications import Application


class FiveStarDossier(models.Model):
    class Status(models.TextChoices):
        PREPARING = "preparing", _("Đang hoàn thiện hồ sơ")
        SENT = "sent", _("Đã gửi Bộ")
        NOTIFIED = "notified", _("Bộ đã thông báo kết quả")
        OWN_EVALUATION = "own", _("Tỉnh đánh giá theo thẩm quyền")

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="fivestar", verbose_name=_("hồ sơ")
    )
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.PREPARING
    )
    # The chair's approval decision (first time, upgrade), numbered in the province's series.
    approval_number = models.CharField(_("số quyết định phê duyệt"), max_length=40, blank=True)
    approved_on = models.DateField(_("ngày phê duyệt"), null=True, blank=True)
    letter_number = models.CharField(_("số văn bản đề nghị"), max_length=40)
    letter_on = models.DateField(_("ngày văn bản đề nghị"))
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    signer_title = models.CharField(
        _("chức vụ người ký"), max_length=10, choices=SignerTitle.choices, default=SignerTitle.HEAD
    )
    sent_on = models.DateField(_("ngày gửi Bộ"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The ministry's written notice of the central result (Art. 7.4.g).
    notice_number = models.CharField(_("số thông báo"), max_length=40, blank=True)
    notified_on = models.DateField(_("ngày thông báo"), null=True, blank=True)
    notice = models.JSONField(_("kết quả được thông báo"), default=dict, blank=True)
    own_reason = models.TextField(_("lý do tỉnh đánh giá theo thẩm quyền"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-letter_on", "-id"]
        verbose_name = _("hồ sơ đề nghị đánh giá 5 sao")
        verbose_name_plural = _("hồ sơ đề nghị đánh giá 5 sao")

    def __str__(self) -> str:
        return f"{self.letter_number} – {self.application.product}"

    @property
    def is_reevaluation(self) -> bool:
        return self.application.kind == "reevaluation"
