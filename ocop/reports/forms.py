from django import forms
from django.utils.translation import gettext_lazy as _

FIRST_YEAR, LAST_YEAR = 2000, 2100


class PeriodForm(forms.Form):
    """The years a dashboard or report covers (from ≤ to)."""

    start = forms.IntegerField(label=_("Từ năm"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    end = forms.IntegerField(label=_("Đến năm"), min_value=FIRST_YEAR, max_value=LAST_YEAR)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and start > end:
            raise forms.ValidationError(_("Năm bắt đầu phải không sau năm kết thúc."))
        return data
