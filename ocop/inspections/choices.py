"""Fixed lists of the post-audit app; stored values are plain English codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ocop.certificates.choices import RevocationGround

from . import authority


class Level(models.TextChoices):
    """Who inspects (Art. 9.4)."""

    PROVINCE = authority.PROVINCE, _("Cơ quan tham mưu quản lý OCOP cấp tỉnh (Điều 9.4.a)")
    CENTRAL = authority.CENTRAL, _("Cơ quan tham mưu quản lý OCOP của Bộ NN&MT (Điều 9.4.b)")


class Kind(models.TextChoices):
    """Art. 9.2.a: periodic inspections, and ad-hoc ones when needed."""

    PERIODIC = "periodic", _("Kiểm tra định kỳ")
    ADHOC = "adhoc", _("Kiểm tra đột xuất")


class Reason(models.TextChoices):
    """Why an ad-hoc inspection is opened."""

    COMPLAINT = "complaint", _("Phản ánh, khiếu nại")
    VIOLATION_SIGN = "violation_sign", _("Có dấu hiệu vi phạm")
    AUTHORITY_REQUEST = "authority_request", _("Đề nghị của cơ quan có thẩm quyền")
    OTHER = "other", _("Lý do khác")


class Status(models.TextChoices):
    PLANNED = "planned", _("Chưa có kết luận")
    CONCLUDED = "concluded", _("Đã có kết luận")


# The grounds of Art. 8.1 an inspection conclusion may open a revocation on: 8.1.b (no longer
# meets the criteria, per the inspection's conclusion) and 8.1.d (the OCOP mark misused).
OPENS_REVOCATION = (RevocationGround.CRITERIA_NOT_MET, RevocationGround.MARK_MISUSE)
GROUND_CHOICES = [(ground.value, ground.label) for ground in OPENS_REVOCATION]
ARTICLE = {
    RevocationGround.CRITERIA_NOT_MET: "8.1.b",
    RevocationGround.MARK_MISUSE: "8.1.d",
}
