import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .applications import Application


class EvidenceFile(models.Model):
    """An evidence file of a dossier, stored privately under MEDIA_ROOT/dossiers/<stored_name>.

    The id is a UUID so that URLs cannot be guessed; every download also checks that the user may
    see the dossier. A file carried forward from the previous dossier gets a new row pointing at the
    same stored bytes, with `carried_from` set, so reviewers can tell old evidence from new.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    # A criterion code of the sheet ("1.1"), or a section: "general", "mau03", "site_visit", "tests".
    section = models.CharField(_("tiêu chí/mục"), max_length=20)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=60)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    stored_name = models.CharField(max_length=64, editable=False)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["section", "uploaded_at"]
        verbose_name = _("tệp minh chứng")
        verbose_name_plural = _("tệp minh chứng")

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_carried(self) -> bool:
        return self.carried_from_id is not None
