"""Councils (hội đồng đánh giá, phân hạng), their members and advisory team, their rules (Quy chế)
and the conflicts of interest declared or flagged per member and product."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ocop.places.models import Commune, Province

from .rounds import RoundLevel


class SpreadPolicy(models.TextChoices):
    RESCORE = "rescore", _("Thảo luận và chấm lại trước khi kết thúc phiên")
    RECORD = "record", _("Ghi vào biên bản, vẫn lấy điểm trung bình")


class Council(models.Model):
    """A council for one level (province or central) and year, with its rules as settings."""

    level = models.CharField(_("cấp"), max_length=10, choices=RoundLevel.choices)
    province = models.ForeignKey(
        Province, null=True, blank=True, on_delete=models.PROTECT, related_name="councils",
        verbose_name=_("tỉnh/thành phố"),
    )  # fmt: skip
    year = models.PositiveSmallIntegerField(_("năm"))
    name = models.CharField(_("tên hội đồng"), max_length=255)
    established_by = models.CharField(_("quyết định thành lập"), max_length=120, blank=True)
    # The council's rules (Quy chế hoạt động).
    quorum = models.PositiveSmallIntegerField(_("số phiếu tối thiểu để có kết quả"), default=5)
    absent_members_count = models.BooleanField(
        _("tính phiếu của thành viên vắng mặt (gửi phiếu trước)"), default=False
    )
    spread_limit = models.PositiveSmallIntegerField(
        _("chênh lệch tối đa giữa các thành viên (điểm)"), default=10
    )
    spread_policy = models.CharField(
        _("khi vượt chênh lệch"), max_length=10, choices=SpreadPolicy.choices,
        default=SpreadPolicy.RESCORE,
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "level", "name"]
        verbose_name = _("hội đồng")
        verbose_name_plural = _("hội đồng")
        constraints = [
            models.CheckConstraint(
                condition=Q(level="central", province__isnull=True)
                | Q(level="province", province__isnull=False),
                name="council_province_matches_level",
            ),
            models.CheckConstraint(condition=Q(quorum__gte=1), name="council_quorum_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class Position(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch hội đồng")
    VICE_CHAIR = "vice_chair", _("Phó Chủ tịch hội đồng")
    SECRETARY = "secretary", _("Thư ký hội đồng")
    MEMBER = "member", _("Ủy viên")
    ADVISOR = "advisor", _("Tổ tư vấn (không chấm điểm)")


SCORING_POSITIONS = (Position.CHAIR, Position.VICE_CHAIR, Position.SECRETARY, Position.MEMBER)
LEADING_POSITIONS = (Position.CHAIR, Position.SECRETARY)


class CouncilMember(models.Model):
    """A person on a council or its advisory team. Home commune and address feed the automatic
    conflict flags (same commune, same family name and address as the producer)."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_seats"
    )
    position = models.CharField(_("chức danh"), max_length=12, choices=Position.choices)
    agency = models.CharField(_("cơ quan"), max_length=200, blank=True)
    home_commune = models.ForeignKey(
        Commune, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("xã/phường cư trú"),
    )  # fmt: skip
    home_address = models.CharField(_("địa chỉ cư trú"), max_length=255, blank=True)

    class Meta:
        ordering = ["council", "id"]
        verbose_name = _("thành viên hội đồng")
        verbose_name_plural = _("thành viên hội đồng")
        constraints = [
            models.UniqueConstraint(fields=["council", "user"], name="council_member_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user.full_name or self.user.username} ({self.get_position_display()})"

    @property
    def scores(self) -> bool:
        return self.position in SCORING_POSITIONS

    @property
    def name(self) -> str:
        return self.user.full_name or self.user.username


class ConflictSource(models.TextChoices):
    DECLARED = "declared", _("Thành viên tự khai")
    SAME_COMMUNE = "same_commune", _("Cư trú cùng xã/phường với chủ thể")
    ADVISED = "advised", _("Đã tham gia tư vấn/xử lý hồ sơ")
    FAMILY = "family", _("Trùng họ và địa chỉ với người đại diện chủ thể")


class ConflictStatus(models.TextChoices):
    FLAGGED = "flagged", _("Cần thư ký xem xét")
    CONFIRMED = "confirmed", _("Có xung đột lợi ích")
    DISMISSED = "dismissed", _("Đã xem xét: không xung đột")


BLOCKING = (ConflictStatus.FLAGGED, ConflictStatus.CONFIRMED)


class ConflictQuerySet(models.QuerySet):
    def blocking(self) -> "ConflictQuerySet":
        """A flag blocks until the secretary dismisses it: safer to wait than to score unfairly."""
        return self.filter(status__in=BLOCKING)


class Conflict(models.Model):
    """A conflict of interest between a member and a product (xung đột lợi ích)."""

    member = models.ForeignKey(CouncilMember, on_delete=models.CASCADE, related_name="conflicts")
    product = models.ForeignKey(
        "registry.Product", on_delete=models.CASCADE, related_name="council_conflicts"
    )
    source = models.CharField(_("nguồn"), max_length=14, choices=ConflictSource.choices)
    status = models.CharField(_("tình trạng"), max_length=10, choices=ConflictStatus.choices)
    reason = models.TextField(_("lý do"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_note = models.TextField(_("ghi chú xem xét"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConflictQuerySet.as_manager()

    class Meta:
        ordering = ["member", "product", "source"]
        verbose_name = _("xung đột lợi ích")
        verbose_name_plural = _("xung đột lợi ích")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "product", "source"], name="conflict_unique_source"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} – {self.product_id}: {self.get_source_display()}"
