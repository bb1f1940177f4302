"""The central level's review form (Art. 10.1.b). It validates input; services/oversight writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop.core.forms import CleanInputMixin

from . import workflow
from .forms_council import RowsField
from .models import Application, Decision, ReviewConclusion

DATE = {"type": "date"}


def _label(application: Application) -> str:
    number = application.registration_number
    return f"{application.product.name} ({number})" if number else application.product.name


class OversightForm(CleanInputMixin, forms.Form):
    conclusion = forms.ChoiceField(label=_("Kết luận"), choices=ReviewConclusion.choices,
                                   widget=forms.RadioSelect)  # fmt: skip
    finding = forms.CharField(label=_("Nội dung kiểm tra, phát hiện"), max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip
    reviewed_on = forms.DateField(label=_("Ngày kết luận"), widget=forms.DateInput(attrs=DATE))
    applications = RowsField(
        label=_("Hồ sơ cần đánh giá lại"), queryset=Application.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    revocation_number = forms.CharField(label=_("Số quyết định thu hồi"), max_length=60,
                                        required=False)  # fmt: skip
    revocation_date = forms.DateField(label=_("Ngày quyết định thu hồi"), required=False,
                                      widget=forms.DateInput(attrs=DATE))  # fmt: skip

    def __init__(self, *args, decision: Decision, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["applications"]
        assert isinstance(field, RowsField)
        dossiers = Application.objects.filter(
            session_items__decision=decision, stage__in=list(workflow.OVERSIGHT)
        )
        field.queryset = dossiers.select_related("product").order_by("pk")
        field.label_from_instance = _label  # type: ignore[method-assign,assignment]

    def clean(self):
        data = super().clean()
        if data.get("conclusion") == ReviewConclusion.REDO and not data.get("applications"):
            self.add_error("applications", _("Chọn ít nhất một hồ sơ cần đánh giá lại."))
        if data.get("conclusion") == ReviewConclusion.REVOKE:
            for name in ("revocation_number", "revocation_date"):
                if not data.get(name):
                    self.add_error(name, _("Trường này là bắt buộc khi thu hồi quyết định."))
        return data
