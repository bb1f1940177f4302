"""What the minutes record besides the sheets: why a member has no score on a product."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .councils import CouncilMember
from .scoring import SessionItem


class MissingScoreNote(models.Model):
    """The secretary's note on why a member has no counted score on a product (the reason itself
    — absent, conflict of interest, no sheet submitted — is computed: minutes.missing_scores)."""

    item = models.ForeignKey(SessionItem, on_delete=models.CASCADE, related_name="missing_notes")
    member = models.ForeignKey(CouncilMember, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(_("ghi chú"), max_length=500)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["item", "member"]
        verbose_name = _("ghi chú thành viên không có điểm")
        verbose_name_plural = _("ghi chú thành viên không có điểm")
        constraints = [
            models.UniqueConstraint(fields=["item", "member"], name="missing_score_note_unique")
        ]

    def __str__(self) -> str:
        return f"{self.item_id} – {self.member_id}: {self.note}"
