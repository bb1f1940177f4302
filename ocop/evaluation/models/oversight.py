"""The ministry's oversight of provincial recognition decisions (Art. 10.1.b of Decision
26/2026): each review of a decision is recorded with its finding and conclusion."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .applications import Application
from .decisions import Decision


class ReviewConclusion(models.TextChoices):
    COMPLIANT = "compliant", _("Đúng quy định")
    REDO = "redo", _("Đề nghị thực hiện lại việc đánh giá, phân hạng")
    REVOKE = "revoke", _("Thu hồi quyết định công nhận")


class DecisionReview(models.Model):
    """One review of a provincial decision by the central level: what was found, what follows.
    For `redo` the dossiers sent back; for `revoke` the revocation decision's number and date (the
    whole decision: every certificate it issued is revoked)."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="reviews")
    conclusion = models.CharField(_("kết luận"), max_length=10, choices=ReviewConclusion.choices)
    finding = models.TextField(_("nội dung kiểm tra, phát hiện"))
    reviewed_on = models.DateField(_("ngày kết luận"))
    redone = models.ManyToManyField(
        Application, blank=True, related_name="+", verbose_name=_("hồ sơ đánh giá lại")
    )
    revocation_number = models.CharField(_("số quyết định thu hồi"), max_length=60, blank=True)
    revocation_date = models.DateField(_("ngày quyết định thu hồi"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        verbose_name = _("kiểm tra quyết định công nhận")
        verbose_name_plural = _("kiểm tra quyết định công nhận")
        constraints = [
            models.UniqueConstraint(
                fields=["decision"], condition=Q(conclusion="revoke"),
                name="decision_review_revoked_once",
            ),
            models.CheckConstraint(
                condition=~Q(conclusion="revoke") | Q(revocation_date__isnull=False),
                name="decision_review_revocation_dated",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.decision}: {self.get_conclusion_display()}"
