"""The minutes' form: the discussion on one product and the notes on members without a score."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop.core.forms import CleanInputMixin


class ItemMinutesForm(CleanInputMixin, forms.Form):
    discussion = forms.CharField(
        label=_("Ý kiến thảo luận"), max_length=5000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    def __init__(self, *args, missing=(), **kwargs):
        """`missing`: minutes.Missing rows of the product, one note field each."""
        super().__init__(*args, **kwargs)
        for row in missing:
            self.fields[f"note_{row.member_id}"] = forms.CharField(
                label=_("Ghi chú về %(member)s (%(reason)s)")
                % {"member": row.member, "reason": row.reason_text},
                max_length=500, required=False, initial=row.note,
            )  # fmt: skip

    def notes(self) -> dict[int, str]:
        return {int(name.removeprefix("note_")): value for name, value in self.cleaned_data.items()
                if name.startswith("note_")}  # fmt: skip
