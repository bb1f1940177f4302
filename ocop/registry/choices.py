"""Fixed lists of the registry, shown in Vietnamese; the stored values are plain English codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalForm(models.TextChoices):
    COOPERATIVE = "cooperative", _("Hợp tác xã")
    COOPERATIVE_GROUP = "cooperative_group", _("Tổ hợp tác")
    LLC = "llc", _("Công ty TNHH")
    PRIVATE_ENTERPRISE = "private_enterprise", _("Doanh nghiệp tư nhân")
    JSC = "jsc", _("Công ty cổ phần có vốn góp của cộng đồng")
    FARM = "farm", _("Trang trại")
    HOUSEHOLD = "household", _("Hộ sản xuất có đăng ký kinh doanh")
    ASSOCIATION = "association", _("Hiệp hội (du lịch)")
    OPERATING_CENTRE = "operating_centre", _("Trung tâm, ban quản lý điểm du lịch")


class Gender(models.TextChoices):
    FEMALE = "female", _("Nữ")
    MALE = "male", _("Nam")
    OTHER = "other", _("Khác")


class CooperativeClass(models.TextChoices):
    # Phân loại hợp tác xã: tốt, khá, trung bình, yếu.
    GOOD = "good", _("Tốt")
    FAIR = "fair", _("Khá")
    AVERAGE = "average", _("Trung bình")
    WEAK = "weak", _("Yếu")


class DocumentKind(models.TextChoices):
    BUSINESS_REGISTRATION = "business_registration", _("Giấy chứng nhận đăng ký kinh doanh")
    FOOD_SAFETY = "food_safety", _("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm")
    QUALITY_MANAGEMENT = "quality_management", _("Chứng nhận hệ thống quản lý chất lượng")
    INTELLECTUAL_PROPERTY = "intellectual_property", _("Văn bằng sở hữu trí tuệ")
    OTHER = "other", _("Giấy tờ khác")


class StandardKind(models.TextChoices):
    VIETGAP = "vietgap", "VietGAP"
    GLOBALGAP = "globalgap", "GlobalGAP"
    ORGANIC = "organic", _("Hữu cơ")
    ISO22000 = "iso22000", "ISO 22000"
    HACCP = "haccp", "HACCP"
    ISO9001 = "iso9001", "ISO 9001"
    OTHER = "other", _("Khác")


class Trademark(models.TextChoices):
    NONE = "", _("Chưa có")
    APPLIED = "applied", _("Đã nộp đơn đăng ký nhãn hiệu")
    REGISTERED = "registered", _("Đã được cấp giấy chứng nhận nhãn hiệu")


class SalesChannel(models.TextChoices):
    SHOP = "shop", _("Cửa hàng, điểm bán")
    SUPERMARKET = "supermarket", _("Siêu thị")
    OCOP_SHOWROOM = "ocop_showroom", _("Điểm bán OCOP")
    ECOMMERCE = "ecommerce", _("Thương mại điện tử")
    WHOLESALE = "wholesale", _("Đại lý, bán buôn")
    FAIR = "fair", _("Hội chợ")
    EXPORT = "export", _("Xuất khẩu")


class CertificateStatus(models.TextChoices):
    """Kept up to date by the certificates app; the registry only filters on it."""

    NONE = "", _("Chưa có giấy chứng nhận")
    VALID = "valid", _("Còn hiệu lực")
    EXPIRING = "expiring", _("Sắp hết hạn")
    EXPIRED = "expired", _("Hết hạn")
    REVOKED = "revoked", _("Bị thu hồi")


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    ACCEPTED = "accepted", _("Đã chấp nhận")
    REJECTED = "rejected", _("Bị từ chối")
