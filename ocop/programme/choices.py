"""Choices of the programme app (Vietnamese labels; English through gettext)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Indicator(models.TextChoices):
    """What a target counts; the actual is always computed from live records (targets.py)."""

    PRODUCTS_STARS = "products_stars", _("Sản phẩm được công nhận từ N sao trở lên")
    PRODUCERS_TRAINED = "producers_trained", _("Chủ thể được tập huấn")
    PRODUCERS_TRAINED_SHARE = "producers_trained_share", _("Tỷ lệ chủ thể được tập huấn (%)")
    OFFICIALS_TRAINED_SHARE = "officials_trained_share", _("Tỷ lệ cán bộ OCOP được tập huấn (%)")
    SHOWROOMS_OPEN = "showrooms_open", _("Điểm giới thiệu và bán sản phẩm OCOP")
    EVENTS_HELD = "events_held", _("Sự kiện xúc tiến thương mại")
    BUDGET_DISBURSED = "budget_disbursed", _("Kinh phí giải ngân (đồng)")


class FundingSource(models.TextChoices):
    CENTRAL = "central", _("Ngân sách trung ương")
    PROVINCE = "province", _("Ngân sách tỉnh")
    COMMUNE = "commune", _("Ngân sách xã")
    DISTRICT = "district", _("Ngân sách huyện (trước 01/7/2025)")
    INTEGRATED = "integrated", _("Lồng ghép các chương trình")
    OTHER = "other", _("Nguồn xã hội hóa, nguồn khác")


class SupportContent(models.TextChoices):
    COMMUNICATION = "communication", _("Tuyên truyền")
    SURVEYS = "surveys", _("Điều tra, khảo sát, thống kê")
    TRAINING = "training", _("Đào tạo, tập huấn")
    TESTING = "testing", _("Kiểm nghiệm, phân tích")
    STANDARDS = "standards", _("Tiêu chuẩn hóa quy trình sản xuất")
    PACKAGING = "packaging", _("Bao bì, nhãn mác")
    DOSSIER = "dossier", _("Hỗ trợ hoàn thiện hồ sơ")
    STUDY_TOURS = "study_tours", _("Tham quan, học tập kinh nghiệm")
    PROMOTION = "promotion", _("Xúc tiến thương mại")
    SHOWROOMS = "showrooms", _("Điểm giới thiệu và bán sản phẩm")
    PRODUCT_DEVELOPMENT = "product_development", _("Phát triển sản phẩm")


class Audience(models.TextChoices):
    OFFICIALS = "officials", _("Cán bộ quản lý OCOP")
    PRODUCERS = "producers", _("Chủ thể sản xuất")
    BOTH = "both", _("Cán bộ và chủ thể")


class AttendeeKind(models.TextChoices):
    OFFICIAL = "official", _("Cán bộ")
    PRODUCER = "producer", _("Đại diện chủ thể")


class EventKind(models.TextChoices):
    FAIR = "fair", _("Hội chợ")
    EXHIBITION = "exhibition", _("Triển lãm")
    SHOWROOM_OPENING = "showroom_opening", _("Khai trương điểm bán")
    ONLINE = "online", _("Xúc tiến trực tuyến")
    STUDY_TOUR = "study_tour", _("Tham quan, học tập")


class OutletKind(models.TextChoices):
    SHOWROOM = "showroom", _("Trung tâm/điểm giới thiệu và bán sản phẩm OCOP")
    POINT_OF_SALE = "point_of_sale", _("Điểm bán sản phẩm OCOP")


class CycleStep(models.IntegerChoices):
    """The six steps of the annual OCOP cycle (chu trình OCOP thường niên)."""

    COMMUNICATION = 1, _("Tuyên truyền, hướng dẫn")
    IDEAS = 2, _("Nhận ý tưởng sản phẩm")
    BUSINESS_PLANS = 3, _("Xây dựng phương án, dự án sản xuất kinh doanh")
    IMPLEMENTATION = 4, _("Triển khai phương án, dự án")
    EVALUATION = 5, _("Đánh giá và xếp hạng sản phẩm")
    PROMOTION = 6, _("Xúc tiến thương mại")


class IdeaStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Đã đăng ký, chờ xem xét")
    ACCEPTED = "accepted", _("Được chấp nhận")
    RETURNED = "returned", _("Trả lại")


class BusinessPlanStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Đã nộp, chờ phê duyệt")
    APPROVED = "approved", _("Được phê duyệt")
    RETURNED = "returned", _("Trả lại")
