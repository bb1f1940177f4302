from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ocop.registry.choices import Gender
from ocop.registry.models import Producer

from ..choices import AttendeeKind, Audience
from .base import UnitQuerySet, UnitRecord


class Course(UnitRecord):
    """A training course (lớp đào tạo, tập huấn) organised by a unit."""

    title = models.CharField(_("tên lớp"), max_length=300)
    topic = models.CharField(_("chủ đề"), max_length=300, blank=True)
    audience = models.CharField(_("đối tượng"), max_length=20, choices=Audience.choices)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"))
    place = models.CharField(_("địa điểm"), max_length=300)
    organiser = models.CharField(_("đơn vị tổ chức"), max_length=300)

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("lớp tập huấn")
        verbose_name_plural = _("lớp tập huấn")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="course_dates_ordered"
            ),
            models.CheckConstraint(
                condition=Q(commune__isnull=True) | Q(historic_unit__isnull=True),
                name="course_one_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AttendanceQuerySet(UnitQuerySet):
    scope_province = "course__province"
    scope_commune = "course__commune"
    scope_owner = "producer__representatives"


class Attendance(models.Model):
    """One person at a course: an official (a user, or by name and unit) or a producer's
    representative. A producer or an official counts as trained from this row."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="attendances")
    kind = models.CharField(_("loại học viên"), max_length=10, choices=AttendeeKind.choices)
    user = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("tài khoản cán bộ"),
    )
    producer = models.ForeignKey(
        Producer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
        verbose_name=_("chủ thể"),
    )
    name = models.CharField(_("họ và tên"), max_length=150)
    unit_name = models.CharField(_("đơn vị công tác"), max_length=300, blank=True)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices, blank=True)
    ethnic_group = models.CharField(_("dân tộc"), max_length=40, blank=True)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["course", "kind", "name"]
        verbose_name = _("học viên")
        verbose_name_plural = _("học viên")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="producer", producer__isnull=False)
                | Q(kind="official", producer__isnull=True),
                name="attendance_kind_matches",
            ),
        ]

    def __str__(self) -> str:
        return self.name
