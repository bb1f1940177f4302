from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q, Subquery, Value
from django.db.models.functions import Lower, Replace
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop.accounts.roles import Role
from ocop.accounts.scope import ScopedQuerySet
from ocop.core.text import search_terms
from ocop.places.models import Commune

from .. import workflow
from ..periods import completion_limit, limit_state
from .rounds import Round


class ApplicationKind(models.TextChoices):
    FIRST = "first", _("Lần đầu")
    UPGRADE = "upgrade", _("Nâng hạng")
    REEVALUATION = "reevaluation", _("Đánh giá lại")


class Stage(models.TextChoices):
    DRAFT = workflow.DRAFT, _("Đang soạn")
    SUBMITTED = workflow.SUBMITTED, _("Đã nộp UBND xã")
    RETURNED = workflow.RETURNED, _("Trả lại để hoàn thiện")
    PROPOSED = workflow.PROPOSED, _("Xã đã đề nghị tỉnh")
    ADDITIONS_REQUESTED = workflow.ADDITIONS_REQUESTED, _("Tỉnh yêu cầu bổ sung")
    ADVISORY_REVIEW = workflow.ADVISORY_REVIEW, _("Tổ tư vấn đánh giá")
    TESTS_REQUESTED = workflow.TESTS_REQUESTED, _("Yêu cầu kiểm nghiệm bổ sung")
    READY_FOR_COUNCIL = workflow.READY_FOR_COUNCIL, _("Sẵn sàng trình hội đồng")
    IN_COUNCIL_SESSION = workflow.IN_COUNCIL_SESSION, _("Hội đồng cấp tỉnh đang chấm")
    SCORED = workflow.SCORED, _("Hội đồng cấp tỉnh đã chấm")
    PROPOSED_CENTRAL = workflow.PROPOSED_CENTRAL, _("Đề nghị Trung ương đánh giá 5 sao")
    IN_CENTRAL_SESSION = workflow.IN_CENTRAL_SESSION, _("Hội đồng Trung ương đang chấm")
    CENTRAL_SCORED = workflow.CENTRAL_SCORED, _("Hội đồng Trung ương đã chấm")
    DECIDED = workflow.DECIDED, _("Đã có quyết định")
    REJECTED = workflow.REJECTED, _("Bị loại")
    STOPPED = workflow.STOPPED, _("Dừng chấm điểm")
    WITHDRAWN = workflow.WITHDRAWN, _("Đã rút")
    NOT_EVALUATED = workflow.NOT_EVALUATED, _("Không đánh giá")


# A dossier never filed: a draft, or a draft the producer withdrew (withdrawing after a return
# keeps filed_on). It is the producer's private paper: a dossier returned after submission is not.
NEVER_FILED = Q(stage=workflow.DRAFT) | Q(stage=workflow.WITHDRAWN, filed_on__isnull=True)


class ApplicationQuerySet(ScopedQuerySet):
    scope_commune = "commune"
    scope_province = "commune__province"
    scope_owner = "producer__representatives"

    def scope_condition(self, user) -> Q | None:
        """Drafts are private: only the producer's own representatives see a dossier never filed,
        whoever else looks (officers of every level, advisors, council, admins)."""
        condition = super().scope_condition(user)
        if getattr(user, "role", None) == Role.PRODUCER and not user.is_superuser:
            return condition  # the owner rule: their own dossiers, drafts included
        return ~NEVER_FILED if condition is None else condition & ~NEVER_FILED

    def _role_condition(self, user) -> Q:
        # Advisors are members of their province's advisory team: they see the province's dossiers
        # once accepted at intake (docs/evaluation-workflow.md, "Advisors").
        if user.role == Role.ADVISOR:
            if not user.province_id:
                return Q(pk__in=[])
            return Q(commune__province=user.province_id, stage__in=workflow.ADVISOR_VISIBLE)
        if user.role == Role.COUNCIL_MEMBER:
            return council_member_condition(user)
        return super()._role_condition(user)

    def search(self, query: str) -> "ApplicationQuerySet":
        """Every word of the query in the registration number, the product's key (name, code,
        producer) or the producer's key (name, tax code), ignoring case, accents and đ/d."""
        found = self.annotate(number_key=_number_key("registration_number"))
        for term in search_terms(query):
            found = found.filter(
                Q(number_key__contains=term)
                | Q(product__search_key__contains=term)
                | Q(producer__search_key__contains=term)
            )
        return found

    def open(self) -> "ApplicationQuerySet":
        """Dossiers still before the council (a product may have one at a time)."""
        return self.exclude(stage__in=workflow.COUNCIL_STAGES | workflow.FINAL)


def _number_key(field: str):
    """A registration number ("001/PĐK-01-10273-2026") as its search key, in the database: numbers
    are ASCII but for Đ, which SQLite's lower() leaves alone, so both cases map to d."""
    lowered = Lower(field)
    return Replace(Replace(lowered, Value("đ"), Value("d")), Value("Đ"), Value("d"))


def council_member_condition(user) -> Q:
    """A council member sees the dossiers on the agenda of their councils' sessions, except the
    products they have a blocking conflict of interest with (docs/evaluation-workflow.md)."""
    from .councils import Conflict  # the council models import this module
    from .scoring import SessionItem

    blocked = Conflict.objects.blocking().filter(member__user=user).values("product_id")
    # A subquery, not a join: a dossier on sessions of two of the user's councils (or a user with
    # two seats) would otherwise come back once per path and break .get().
    on_agenda = SessionItem.objects.filter(session__council__members__user=user)
    return Q(pk__in=Subquery(on_agenda.values("application_id"))) & ~Q(product__in=blocked)


class Application(models.Model):
    """A dossier (hồ sơ) filed by a producer for one product in one round: Mẫu 01 + Mẫu 02."""

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="applications", verbose_name=_("đợt")
    )
    product = models.ForeignKey(
        "registry.Product",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("sản phẩm"),
    )
    producer = models.ForeignKey(
        "registry.Producer",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("chủ thể"),
    )
    # Where the dossier is filed (the producer's commune when created); scopes officers.
    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="applications", verbose_name=_("xã/phường")
    )
    kind = models.CharField(_("loại đăng ký"), max_length=14, choices=ApplicationKind.choices)
    rules = models.CharField(_("bộ tiêu chí áp dụng"), max_length=20)
    set_number = models.PositiveSmallIntegerField(_("bộ sản phẩm"))
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hồ sơ trước"),
    )
    stage = models.CharField(
        _("bước"), max_length=20, choices=Stage.choices, default=Stage.DRAFT, db_index=True
    )
    stage_since = models.DateTimeField(_("từ lúc"), default=timezone.now)
    stage_due = models.DateField(_("hạn xử lý"), null=True, blank=True)
    registration_number = models.CharField(_("số phiếu đăng ký"), max_length=40, blank=True)
    filed_on = models.DateField(_("ngày nộp"), null=True, blank=True)
    # The day the province received the complete dossier (the commune's proposal, or the completed
    # additions when intake asked for some): Art. 7.6.g counts a re-evaluation's 45 days from it
    # ("kể từ ngày nhận đủ hồ sơ đề nghị").
    complete_on = models.DateField(_("ngày nhận đủ hồ sơ"), null=True, blank=True)
    form01 = models.JSONField(_("phiếu đăng ký (Mẫu 01)"), default=dict, blank=True)
    form02 = models.JSONField(_("báo cáo tự đánh giá (Mẫu 02)"), default=dict, blank=True)
    self_scores = models.JSONField(_("điểm tự chấm"), default=dict, blank=True)
    self_total = models.PositiveSmallIntegerField(_("tổng điểm tự chấm"), null=True, blank=True)
    self_stars = models.PositiveSmallIntegerField(_("số sao tự đánh giá"), null=True, blank=True)
    commune_report = models.JSONField(_("báo cáo của xã (Mẫu 03)"), default=dict, blank=True)
    advisory = models.JSONField(_("đánh giá của tổ tư vấn"), default=dict, blank=True)
    # Art. 7.6.c: the agency checks the site only for "những sản phẩm có thay đổi lớn về quy mô
    # sản xuất hoặc hồ sơ minh chứng không rõ ràng" (set by the commune or the agency, with a note).
    major_changes = models.BooleanField(_("có thay đổi lớn"), default=False)
    major_changes_note = models.TextField(_("ghi chú về thay đổi lớn"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("hồ sơ đánh giá")
        verbose_name_plural = _("hồ sơ đánh giá")
        constraints = [
            models.UniqueConstraint(
                fields=["registration_number"],
                condition=~Q(registration_number=""),
                name="application_registration_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(self_total__isnull=True) | Q(self_total__lte=100),
                name="application_self_total_max_100",
            ),
        ]
        indexes = [models.Index(fields=["stage", "stage_due"], name="application_stage_due")]

    def __str__(self) -> str:
        return f"{self.registration_number or _('Hồ sơ nháp')} – {self.product}"

    @property
    def actors(self) -> frozenset[str]:
        return workflow.actors_of(self.stage)

    @property
    def actor_labels(self) -> list[str]:
        labels = {workflow.COUNCIL: _("Hội đồng (chủ tịch, thư ký)")}
        return [str(labels.get(role) or Role(role).label) for role in sorted(self.actors)]

    def is_overdue(self, today: date | None = None) -> bool:
        return workflow.is_overdue(self.stage_due, today or timezone.localdate())

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    def completion_on(self, today: date) -> dict | None:
        """The evaluation's completion limit (Art. 12.2 for 148-2023 dossiers, Art. 7.6.g for
        re-evaluations) as seen on `today`: limit, article, state (open, soon, overdue), days
        left. None for a finished dossier or one without a limit."""
        if self.stage in workflow.FINAL:
            return None
        found = completion_limit(self.rules, self.kind, self.complete_on)
        if found is None:
            return None
        limit, article = found
        return {"limit": limit, "article": article, "state": limit_state(limit, today),
                "days_left": (limit - today).days}  # fmt: skip

    @property
    def completion(self) -> dict | None:
        return self.completion_on(timezone.localdate())


class StageChange(models.Model):
    """One step of an application's history: who moved it, when, why, and the new due date."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    action = models.CharField(_("thao tác"), max_length=30)
    from_stage = models.CharField(_("từ bước"), max_length=20, choices=Stage.choices)
    to_stage = models.CharField(_("sang bước"), max_length=20, choices=Stage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    reason = models.TextField(_("lý do"), blank=True)
    items = models.JSONField(_("các mục cần hoàn thiện"), default=list, blank=True)
    due = models.DateField(_("hạn bước mới"), null=True, blank=True)
    # The dossier's content at this step (fingerprint.content_fingerprint; blank before it was
    # recorded): a resubmission identical to the content at the return is refused.
    content_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("lịch sử xử lý")
        verbose_name_plural = _("lịch sử xử lý")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.from_stage} → {self.to_stage}"


class RegistrationCounter(models.Model):
    """The last receipt serial (NNN of NNN/PĐK-T-X-YYYY) a commune gave in a year."""

    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["commune", "year"], name="registration_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.commune_id}/{self.year}: {self.last}"
