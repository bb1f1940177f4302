"""Council sessions, the products on their agenda with the council's result, and score sheets."""

from fractions import Fraction

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ocop.criteria.engine import band_for, display_score

from .applications import Application
from .councils import Council, CouncilMember
from .rounds import Round


class Session(models.Model):
    """A sitting of a council (phiên họp) that scores the products on its agenda, or, for
    re-evaluations, a written consultation (lấy ý kiến bằng văn bản, Art. 7.6.d): every scoring
    member sends a score sheet by the reply date instead of sitting."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang chấm điểm")
        CLOSED = "closed", _("Đã kết thúc")

    class Mode(models.TextChoices):
        MEETING = "meeting", _("Họp trực tiếp")
        WRITTEN = "written", _("Lấy ý kiến bằng văn bản")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="sessions")
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    status = models.CharField(max_length=6, choices=Status.choices, default=Status.OPEN)
    present = models.ManyToManyField(
        CouncilMember, related_name="sessions_present", blank=True, verbose_name=_("có mặt")
    )
    notes = models.TextField(_("ý kiến thảo luận"), blank=True)
    mode = models.CharField(_("hình thức"), max_length=7, choices=Mode.choices,
                            default=Mode.MEETING)  # fmt: skip
    # Written consultations only: the last day a member's reply (sheet) is accepted.
    reply_by = models.DateField(_("hạn gửi ý kiến"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("phiên họp hội đồng")
        verbose_name_plural = _("phiên họp hội đồng")
        constraints = [
            models.CheckConstraint(
                condition=Q(mode="meeting", reply_by__isnull=True)
                | Q(mode="written", reply_by__gte=models.F("held_on")),
                name="session_written_has_reply_date",
            ),
        ]

    def __str__(self) -> str:
        if self.is_written:
            return _("Lấy ý kiến bằng văn bản %(day)s – %(council)s") % {
                "day": self.held_on.strftime("%d/%m/%Y"),
                "council": self.council.name,
            }
        return _("Phiên %(day)s – %(council)s") % {
            "day": self.held_on.strftime("%d/%m/%Y"),
            "council": self.council.name,
        }

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_written(self) -> bool:
        return self.mode == self.Mode.WRITTEN


class Outcome(models.TextChoices):
    """The council's end outside the points, each tied to a rule of the product's sheet
    (Phụ lục II; sheet_rules.py)."""

    REJECT = "reject", _("Loại hồ sơ")
    STOP = "stop", _("Dừng chấm điểm")
    NOT_EVALUATED = "not_evaluated", _("Không đánh giá")


class SessionItem(models.Model):
    """A product on a session's agenda; after closing it holds the council's result, computed by
    the criteria engine (the exact average is total_sum / sheet_count)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="items")
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="session_items"
    )
    outcome = models.CharField(_("kết luận ngoài điểm"), max_length=13, blank=True,
                               choices=Outcome.choices)  # fmt: skip
    outcome_reason = models.TextField(_("lý do"), blank=True)
    # The sheet's rule the outcome applies (sheet_rules.SheetRule key and its text as printed);
    # outcome_reason is then the council's free note.
    outcome_rule = models.CharField(_("quy định áp dụng"), max_length=20, blank=True)
    outcome_rule_text = models.TextField(_("nội dung quy định"), blank=True)
    # What the council said on this product, typed by the secretary during the session (minutes).
    discussion = models.TextField(_("ý kiến thảo luận"), blank=True)
    sheet_count = models.PositiveSmallIntegerField(_("số phiếu"), null=True, blank=True)
    total_sum = models.PositiveIntegerField(null=True, blank=True)
    stars = models.PositiveSmallIntegerField(_("số sao"), null=True, blank=True)
    band_stars = models.PositiveSmallIntegerField(null=True, blank=True)
    held_back = models.JSONField(_("tiêu chí chưa đạt tối thiểu"), default=dict, blank=True)
    lowest = models.PositiveSmallIntegerField(null=True, blank=True)
    highest = models.PositiveSmallIntegerField(null=True, blank=True)
    spread_exceeded = models.BooleanField(default=False)
    decision = models.ForeignKey(
        "evaluation.Decision", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="items",
    )  # fmt: skip
    # What the decision says besides the class, e.g. "Không nâng hạng" for an upgrade that did
    # not score above the certificate in force (that certificate stays).
    decision_note = models.CharField(_("ghi chú trong quyết định"), max_length=255, blank=True)

    class Meta:
        ordering = ["session", "id"]
        verbose_name = _("sản phẩm trong phiên")
        verbose_name_plural = _("sản phẩm trong phiên")
        constraints = [
            models.UniqueConstraint(fields=["session", "application"], name="session_item_unique"),
            models.CheckConstraint(
                condition=Q(stars__isnull=True) | Q(stars__gte=1, stars__lte=5),
                name="session_item_stars_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}: {self.application.product}"

    @property
    def outcome_text(self) -> str:
        """The outcome as the board, the dossier and the minutes print it: "Loại hồ sơ: <the
        sheet's rule>. Ghi chú: <the council's note>"."""
        if not self.outcome:
            return ""
        text = f"{self.get_outcome_display()}: {self.outcome_rule_text or self.outcome_reason}"
        if self.outcome_rule_text and self.outcome_reason:
            text += ". " + _("Ghi chú: %(note)s") % {"note": self.outcome_reason}
        return text

    @property
    def average(self) -> Fraction | None:
        if not self.sheet_count:
            return None
        return Fraction(self.total_sum or 0, self.sheet_count)

    @property
    def average_display(self):
        average = self.average
        return None if average is None else display_score(average)

    @property
    def in_five_star_band(self) -> bool:
        """Exact average ≥ 90. From a provincial session such a product goes to the ministry
        whatever the 5★ minima say (Art. 7.3.e: "đạt từ 90 trở lên")."""
        average = self.average
        return average is not None and band_for(average) == 5

    @property
    def spread(self) -> int | None:
        return None if self.lowest is None else (self.highest or 0) - self.lowest

    @property
    def held_back_codes(self) -> list[str]:
        return sorted({code for codes in self.held_back.values() for code in codes})


class ScoreSheet(models.Model):
    """One member's sheet for one product of a session: answers {criterion code: points}."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        SUBMITTED = "submitted", _("Đã nộp (khóa)")

    item = models.ForeignKey(SessionItem, on_delete=models.CASCADE, related_name="sheets")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="sheets")
    answers = models.JSONField(_("điểm từng tiêu chí"), default=dict, blank=True)
    total = models.PositiveSmallIntegerField(_("tổng điểm"), default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    on_paper = models.BooleanField(_("nhập hộ từ phiếu giấy"), default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    # What the engine computed when the sheet was submitted or revised (criteria.engine.
    # sheet_record: one line with the total, the points per part and on the criteria with minima),
    # so that a council's result reads numbers instead of scoring the answers again. Empty on a
    # draft.
    scored = models.TextField(blank=True, default="", editable=False)

    class Meta:
        ordering = ["item", "member"]
        verbose_name = _("phiếu chấm điểm")
        verbose_name_plural = _("phiếu chấm điểm")
        constraints = [
            models.UniqueConstraint(fields=["item", "member"], name="score_sheet_unique"),
            models.CheckConstraint(condition=Q(total__lte=100), name="score_sheet_total_max_100"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="score_sheet_submitted_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} – {self.member}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class ScoreSheetVersion(models.Model):
    """Each submission and revision of a sheet: who, when, why, and the answers then."""

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    answers = models.JSONField()
    total = models.PositiveSmallIntegerField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()
    reason = models.TextField(blank=True)
    on_paper = models.BooleanField(default=False)

    class Meta:
        ordering = ["sheet", "number"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "number"], name="score_sheet_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.sheet_id} v{self.number}"
