from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop.certificates.choices import IN_FORCE
from ocop.core.forms import CleanInputMixin
from ocop.places.models import Province

from .choices import GROUND_CHOICES, Level, Reason

DATE = {"type": "date"}
REVOCATION_DAYS = 15  # Art. 8.4, as certificates.validity.revocation_deadline
KEPT_CHOICES = [("", _("Chưa kiểm tra")), ("yes", _("Đạt (duy trì)")), ("no", _("Không đạt"))]


def _kept(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def kept_field(label) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=KEPT_CHOICES, coerce=_kept, empty_value=None, required=False,
        widget=forms.RadioSelect,
    )  # fmt: skip


def note_field(label) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )


class PlanForm(CleanInputMixin, forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2026, max_value=2100)
    title = forms.CharField(label=_("Tên kế hoạch"), max_length=255)
    period_start = forms.DateField(label=_("Từ ngày"), widget=forms.DateInput(attrs=DATE))
    period_end = forms.DateField(label=_("Đến ngày"), widget=forms.DateInput(attrs=DATE))
    inspectors = forms.CharField(
        label=_("Đoàn kiểm tra (cơ quan chủ trì, phối hợp)"), max_length=400
    )
    note = note_field(_("Ghi chú"))
    # Ministry plans only (9.4.b): a province, or none for the whole country. A province
    # officer's plan is always of their own province (the view drops this field).
    province = forms.ModelChoiceField(
        label=_("Tỉnh/thành phố được kiểm tra"), queryset=Province.objects.all(), required=False,
        empty_label=_("Toàn quốc"),
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            raise forms.ValidationError(_("Ngày kết thúc không được trước ngày bắt đầu."))
        return data


class AddProductForm(CleanInputMixin, forms.Form):
    number = forms.CharField(label=_("Số giấy chứng nhận"), max_length=60)
    scheduled_on = forms.DateField(
        label=_("Ngày kiểm tra dự kiến"), required=False, widget=forms.DateInput(attrs=DATE)
    )


class AdhocForm(CleanInputMixin, forms.Form):
    number = forms.CharField(label=_("Số giấy chứng nhận"), max_length=60)
    reason = forms.ChoiceField(label=_("Lý do kiểm tra đột xuất"), choices=Reason.choices)
    reason_note = note_field(_("Nội dung phản ánh, dấu hiệu vi phạm"))
    inspectors = forms.CharField(label=_("Đoàn kiểm tra"), max_length=400)
    scheduled_on = forms.DateField(
        label=_("Ngày kiểm tra dự kiến"), required=False, widget=forms.DateInput(attrs=DATE)
    )


class LevelForm(forms.Form):
    """Admins choose the inspecting level; everyone else inspects at their own."""

    level = forms.ChoiceField(label=_("Cơ quan kiểm tra"), choices=Level.choices)


class RecordForm(CleanInputMixin, forms.Form):
    """The checklist of Art. 9.3."""

    checked_on = forms.DateField(
        label=_("Ngày kiểm tra"), required=False, widget=forms.DateInput(attrs=DATE)
    )
    criteria_kept = kept_field(_("a) Duy trì các tiêu chí theo hồ sơ đã được đánh giá, phân hạng"))
    criteria_note = note_field(_("Ghi chú về tiêu chí"))
    mark_kept = kept_field(_("b) Sử dụng nhãn hiệu OCOP"))
    mark_note = note_field(_("Ghi chú về nhãn hiệu OCOP"))
    information_kept = kept_field(_("b) Sử dụng thông tin và quảng bá sản phẩm OCOP"))
    information_note = note_field(_("Ghi chú về thông tin, quảng bá"))
    findings = forms.CharField(
        label=_("Phát hiện"), required=False, max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip


class ConcludeForm(CleanInputMixin, forms.Form):
    conclusion = forms.CharField(
        label=_("Kết luận"), max_length=8000, widget=forms.Textarea(attrs={"rows": 4})
    )
    concluded_on = forms.DateField(
        label=_("Ngày kết luận"), initial=timezone.localdate, widget=forms.DateInput(attrs=DATE)
    )
    revocation_ground = forms.ChoiceField(
        label=_("Đề nghị thu hồi giấy chứng nhận"), required=False,
        choices=[("", _("Không đề nghị thu hồi"))] + [
            (value, label) for value, label in GROUND_CHOICES
        ],
        help_text=_("Thời hạn ra quyết định thu hồi là 15 ngày kể từ ngày kết luận (Điều 8.4)."),
    )  # fmt: skip


class RevokeForm(CleanInputMixin, forms.Form):
    decision_number = forms.CharField(label=_("Số quyết định thu hồi"), max_length=60)
    decision_date = forms.DateField(
        label=_("Ngày quyết định thu hồi"), initial=timezone.localdate,
        widget=forms.DateInput(attrs=DATE),
    )  # fmt: skip
    note = note_field(_("Ghi chú"))


class FilterForm(CleanInputMixin, forms.Form):
    """The list's filters; invalid values are ignored."""

    status = forms.ChoiceField(
        label=_("Tình trạng"), required=False,
        choices=[("", _("Tất cả")), ("planned", _("Chưa có kết luận")),
                 ("concluded", _("Đã có kết luận")), ("revocation", _("Đề nghị thu hồi")),
                 ("overdue", _("Quá hạn thu hồi, chưa có quyết định"))],
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Loại"), required=False,
        choices=[("", _("Tất cả")), ("periodic", _("Định kỳ")), ("adhoc", _("Đột xuất"))],
    )  # fmt: skip

    def apply(self, queryset):
        if not self.is_valid():
            return queryset
        status, kind = self.cleaned_data["status"], self.cleaned_data["kind"]
        if status == "revocation":
            queryset = queryset.exclude(revocation_ground="")
        elif status == "overdue":  # Art. 8.4: 15 days after the conclusion, still in force
            queryset = queryset.exclude(revocation_ground="").filter(
                concluded_on__lt=timezone.localdate() - timedelta(days=REVOCATION_DAYS),
                certificate__status__in=IN_FORCE,
            )
        elif status:
            queryset = queryset.filter(status=status)
        if kind:
            queryset = queryset.filter(kind=kind)
        return queryset
