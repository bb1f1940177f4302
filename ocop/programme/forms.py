"""Forms of the plan and budget pages. Amounts are typed as integer đồng, with or without dots
between thousands ("968721000" or "968.721.000"); anything else gets a Vietnamese message."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop.core.forms import CleanInputMixin
from ocop.core.money import format_dong
from ocop.registry.models import Producer, Product

from .choices import FundingSource, Indicator, SupportContent
from .models import Course, Event
from .services import MAX_AMOUNT, may_manage
from .units import Unit, UnknownUnit, resolve_unit

GROUPED = re.compile(r"\d{1,3}(?:[. ]\d{3})+")
DATE = {"type": "date"}


class DongField(forms.CharField):
    """Integer đồng, positive, at most services.MAX_AMOUNT."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def clean(self, value):
        text = super().clean(value)
        if text in (None, ""):
            return None
        text = text.strip().removesuffix("đồng").removesuffix("đ").strip()
        if text.startswith("-"):
            raise forms.ValidationError(_("Số tiền không được âm."))
        if "," in text or not (text.isascii() and (text.isdigit() or GROUPED.fullmatch(text))):
            raise forms.ValidationError(
                _(
                    "Số tiền phải là số nguyên đồng, không có phần thập phân "
                    "(ví dụ 968721000 hoặc 968.721.000)."
                )
            )
        amount = int(text.replace(".", "").replace(" ", ""))
        if amount == 0:
            raise forms.ValidationError(_("Số tiền phải lớn hơn 0 đồng."))
        if amount > MAX_AMOUNT:
            raise forms.ValidationError(
                _("Số tiền quá lớn (tối đa %(max)s).") % {"max": format_dong(MAX_AMOUNT)}
            )
        return amount


class AllocationForm(CleanInputMixin, forms.Form):
    unit = forms.CharField(
        label=_("Mã đơn vị"), max_length=5,
        help_text=_("Tỉnh (01), xã (10273) hoặc huyện cũ (280)."),
    )  # fmt: skip
    year = forms.IntegerField(label=_("Năm"), min_value=2010, max_value=2100)
    source = forms.ChoiceField(label=_("Nguồn kinh phí"), choices=FundingSource.choices)
    content = forms.ChoiceField(label=_("Nội dung hỗ trợ"), choices=SupportContent.choices)
    amount = DongField(label=_("Kinh phí phân bổ (đồng)"))
    document_number = forms.CharField(label=_("Số văn bản"), max_length=60, required=False)
    document_date = forms.DateField(
        label=_("Ngày văn bản"), required=False, widget=forms.DateInput(DATE)
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_unit(self) -> Unit:
        code = self.cleaned_data["unit"]
        try:
            unit = resolve_unit(code)
        except UnknownUnit:
            raise forms.ValidationError(
                _("Không có tỉnh, xã hay đơn vị hành chính cũ nào có mã “%(code)s”.")
                % {"code": code}
            ) from None
        if not may_manage(self.user, unit):
            raise forms.ValidationError(_("Bạn không quản lý kinh phí của đơn vị này."))
        return unit


class DisbursementForm(CleanInputMixin, forms.Form):
    paid_on = forms.DateField(label=_("Ngày chi"), widget=forms.DateInput(DATE))
    amount = DongField(label=_("Số tiền (đồng)"))
    description = forms.CharField(label=_("Nội dung chi"), max_length=300)
    producer = forms.ModelChoiceField(
        label=_("Chủ thể được hỗ trợ"), queryset=Producer.objects.none(), required=False
    )
    product = forms.ModelChoiceField(
        label=_("Sản phẩm được hỗ trợ"), queryset=Product.objects.none(), required=False
    )
    course = forms.ModelChoiceField(
        label=_("Lớp tập huấn"), queryset=Course.objects.none(), required=False
    )
    event = forms.ModelChoiceField(
        label=_("Sự kiện"), queryset=Event.objects.none(), required=False
    )
    document_number = forms.CharField(label=_("Số chứng từ"), max_length=60, required=False)
    document_date = forms.DateField(
        label=_("Ngày chứng từ"), required=False, widget=forms.DateInput(DATE)
    )
    attachment = forms.FileField(
        label=_("Tệp chứng từ (PDF hoặc ảnh)"), required=False,
        widget=forms.ClearableFileInput({"accept": "application/pdf,image/jpeg,image/png,image/webp"}),
    )  # fmt: skip
    overspend_reason = forms.CharField(
        label=_("Lý do chi vượt phân bổ"), required=False, widget=forms.Textarea({"rows": 2}),
        help_text=_("Chỉ điền khi khoản chi làm số dư âm và đã được cấp có thẩm quyền cho phép."),
    )  # fmt: skip

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        communes = unit.communes()
        choices = {
            "producer": Producer.objects.filter(commune__in=communes),
            "product": Product.objects.filter(producer__commune__in=communes),
            "course": Course.objects.filter(unit.records()),
            "event": Event.objects.filter(unit.records()),
        }
        for name, queryset in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset


class PlanForm(CleanInputMixin, forms.Form):
    """A plan with its targets (leave a target empty to set none) and its planned budget by
    support content (leave a content empty to plan nothing for it)."""

    unit = AllocationForm.base_fields["unit"]
    name = forms.CharField(label=_("Tên kế hoạch/đề án"), max_length=300)
    start_year = forms.IntegerField(label=_("Từ năm"), min_value=2010, max_value=2100)
    end_year = forms.IntegerField(label=_("Đến năm"), min_value=2010, max_value=2100)
    document_number = forms.CharField(label=_("Số văn bản"), max_length=60, required=False)
    document_date = forms.DateField(
        label=_("Ngày văn bản"), required=False, widget=forms.DateInput(DATE)
    )
    stars = forms.IntegerField(label=_("Số sao tối thiểu"), min_value=3, max_value=5, initial=3)

    clean_unit = AllocationForm.clean_unit

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for indicator in Indicator:
            label = _("Chỉ tiêu: %(name)s") % {"name": indicator.label}
            self.fields[f"target_{indicator.value}"] = forms.IntegerField(
                label=label, required=False, min_value=0, max_value=MAX_AMOUNT
            )
        for content in SupportContent:
            label = _("Kinh phí dự kiến: %(name)s (đồng)") % {"name": content.label}
            self.fields[f"budget_{content.value}"] = DongField(label=label, required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("Năm kết thúc phải từ năm bắt đầu trở đi."))
        return data

    def plan_arguments(self) -> dict:
        data = self.cleaned_data
        targets = [
            (i.value, data["stars"] if i == Indicator.PRODUCTS_STARS else None, value)
            for i in Indicator
            if (value := data.get(f"target_{i.value}")) is not None
        ]
        budget = {
            c.value: amount for c in SupportContent if (amount := data.get(f"budget_{c.value}"))
        }
        keys = ("unit", "name", "start_year", "end_year", "document_number", "document_date")
        return {**{k: data[k] for k in keys}, "targets": targets, "budget": budget}
