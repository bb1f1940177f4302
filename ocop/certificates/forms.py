from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop.core.forms import CleanInputMixin
from ocop.core.text import search_terms

from .choices import RevocationGround, Status


class RevokeForm(CleanInputMixin, forms.Form):
    ground = forms.ChoiceField(label=_("Căn cứ thu hồi"), choices=RevocationGround.choices)
    # Art. 8.4 of 26/2026: the 15 days run from the competent authority's conclusion or, when
    # production stopped, from the commune People's Committee's confirmation.
    conclusion_date = forms.DateField(
        label=_("Ngày có kết luận (hoặc ngày UBND xã xác nhận dừng sản xuất)"),
        help_text=_(
            "Với căn cứ “chủ thể ngừng sản xuất”, thời hạn 15 ngày tính từ ngày UBND xã xác nhận."
        ),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    decision_number = forms.CharField(label=_("Số quyết định thu hồi"), max_length=60)
    decision_date = forms.DateField(
        label=_("Ngày quyết định thu hồi"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        # Also checked by the service; here so that the confirmation page never shows it.
        data = super().clean()
        decided, concluded = data.get("decision_date"), data.get("conclusion_date")
        if decided and concluded and decided < concluded:
            raise forms.ValidationError(
                _("Ngày quyết định thu hồi không được trước ngày có kết luận.")
            )
        return data


class FilterForm(CleanInputMixin, forms.Form):
    """The list's filters; invalid values are simply ignored."""

    status = forms.ChoiceField(
        label=_("Tình trạng"), required=False, choices=[("", _("Tất cả"))] + Status.choices
    )
    stars = forms.TypedChoiceField(
        label=_("Số sao"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Tất cả")), (3, "3★"), (4, "4★"), (5, "5★")],
    )
    year = forms.IntegerField(label=_("Năm cấp"), required=False, min_value=2018, max_value=2100)
    q = forms.CharField(label=_("Tìm (số, sản phẩm, chủ thể)"), required=False, max_length=100)

    def apply(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["stars"]:
            queryset = queryset.filter(stars=data["stars"])
        if data["year"]:
            queryset = queryset.filter(issue_date__year=data["year"])
        for term in search_terms(data["q"] or ""):
            # The product's search key holds its name, code and producer, without diacritics.
            queryset = queryset.filter(
                Q(number__icontains=term) | Q(product__search_key__contains=term)
            )
        return queryset


class LookupForm(forms.Form):
    """The public look-up: one exact certificate number, as printed on the paper."""

    number = forms.CharField(
        label=_("Số giấy chứng nhận"),
        max_length=60,
        help_text=_("Ghi đúng số in trên giấy chứng nhận, ví dụ 002/2026/GCN-UBND-TPHN."),
    )

    def clean_number(self) -> str:
        return " ".join(self.cleaned_data["number"].split())
