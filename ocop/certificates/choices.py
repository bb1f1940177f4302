"""Fixed lists of the certificates app; stored values are plain English codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ocop.registry.choices import CertificateStatus as ProductCertificateStatus

RULES_CHOICES = [
    ("26-2026", "26/2026/QĐ-TTg"),
    ("148-2023", "148/QĐ-TTg (2023)"),
    ("1048-2019", "1048/QĐ-TTg (2019)"),
]
HISTORIC_RULES = ("1048-2019", "148-2023")


class Status(models.TextChoices):
    VALID = "valid", _("Còn hiệu lực")
    REEVALUATION = "reevaluation", _("Trong thời hạn nộp hồ sơ đánh giá lại")
    EXTENDED = "extended", _("Kéo dài hiệu lực đến khi có kết quả đánh giá lại (Điều 12.3)")
    EXPIRED = "expired", _("Đã hết hạn")
    REVOKED = "revoked", _("Đã bị thu hồi")
    SUPERSEDED = "superseded", _("Đã được thay thế")


# What a product's denormalised `certificate_status` shows for its current certificate.
PRODUCT_STATUS = {
    Status.VALID: ProductCertificateStatus.VALID,
    Status.REEVALUATION: ProductCertificateStatus.EXPIRING,
    # Still in force (Art. 12.3); the registry has no status of its own for it.
    Status.EXTENDED: ProductCertificateStatus.VALID,
    Status.EXPIRED: ProductCertificateStatus.EXPIRED,
    Status.REVOKED: ProductCertificateStatus.REVOKED,
}
IN_FORCE = (Status.VALID, Status.REEVALUATION, Status.EXTENDED)


class AuthorityLevel(models.TextChoices):
    CENTRAL = "central", _("Trung ương")
    PROVINCE = "province", _("Tỉnh/thành phố")
    DISTRICT_HISTORIC = "district_historic", _("Huyện (trước 1/7/2025)")


class SignerTitle(models.TextChoices):
    """Who signs a decision or certificate (Nghị định 30/2020/NĐ-CP): the head of the authority,
    or a deputy signing on the head's behalf (KT., ký thay)."""

    HEAD = "head", _("Người đứng đầu (Chủ tịch / Bộ trưởng)")
    DEPUTY = "deputy", _("Cấp phó ký thay (Phó Chủ tịch / Thứ trưởng)")


class RevocationGround(models.TextChoices):
    """The six grounds for revocation (DOMAIN.md §5)."""

    UNTRUTHFUL = "untruthful", _("Thông tin kê khai không trung thực, hồ sơ giả mạo")
    CRITERIA_NOT_MET = "criteria_not_met", _("Sản phẩm không còn đáp ứng tiêu chí")
    LAW_VIOLATION = (
        "law_violation",
        _(
            "Vi phạm pháp luật về chất lượng, an toàn thực phẩm, môi trường, sở hữu trí tuệ "
            "hoặc nhãn hàng hóa"
        ),
    )
    MARK_MISUSE = "mark_misuse", _("Sử dụng sai biểu trưng OCOP")
    PRODUCTION_STOPPED = "production_stopped", _("Chủ thể ngừng sản xuất sản phẩm")
    OTHER_CONCLUSION = "other_conclusion", _("Kết luận khác của cơ quan có thẩm quyền")


class Milestone(models.TextChoices):
    WINDOW_OPENED = "window_opened", _("Mở thời hạn nộp hồ sơ đánh giá lại")
    WINDOW_CLOSING = "window_closing", _("Còn 30 ngày để nộp hồ sơ đánh giá lại")
    EXPIRED = "expired", _("Giấy chứng nhận đã hết hạn")
