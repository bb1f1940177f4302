"""Forms: field checks in Vietnamese, territory checks for the chosen commune or producer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop.accounts.roles import Role
from ocop.accounts.scope import covers_commune
from ocop.core.forms import CleanInputMixin
from ocop.core.text import nfc, search_key
from ocop.places.models import Commune, HistoricUnit
from ocop.places.widgets import UnitCodeInput

from .choices import SalesChannel
from .excel import MAX_UPLOAD_BYTES
from .identifiers import clean_gtin, clean_phone, clean_tax_code
from .images import MAX_BYTES as MAX_IMAGE_BYTES
from .messages import reason
from .models import Producer, ProducerDocument, Product, ProductStandard
from .product_sets import CURRENT_RULES, find_set, is_rule_set, rules_with_sets, set_choices
from .services import PRODUCER_FIELDS, PRODUCT_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _checked(clean, value: str) -> str:
    if not value:
        return ""
    try:
        return clean(value)
    except ValueError as exc:
        raise forms.ValidationError(reason(exc)) from exc


class ProducerForm(CleanInputMixin, forms.ModelForm):
    commune = forms.ModelChoiceField(
        Commune.objects.select_related("province"), to_field_name="code", label=_("Mã xã/phường"),
        widget=UnitCodeInput("places:commune_options"),
        help_text=_("Gõ tên hoặc mã 5 chữ số của xã/phường hiện nay rồi chọn, ví dụ 10273."),
    )  # fmt: skip
    historic_unit = forms.ModelChoiceField(
        HistoricUnit.objects.filter(level=HistoricUnit.Level.COMMUNE), to_field_name="code",
        required=False, label=_("Mã xã cũ (trước 1/7/2025)"),
        widget=UnitCodeInput("places:historic_options"),
    )  # fmt: skip
    website = forms.URLField(label=_("Trang web"), required=False, assume_scheme="https")

    class Meta:
        model = Producer
        fields = PRODUCER_FIELDS
        widgets = {"registration_date": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk:
            self.initial["commune"] = self.instance.commune.code
            if self.instance.historic_unit_id:
                self.initial["historic_unit"] = self.instance.historic_unit.code

    def clean_name(self):
        return nfc(self.cleaned_data["name"])

    def clean_tax_code(self):
        tax_code = _checked(clean_tax_code, self.cleaned_data["tax_code"])
        if not tax_code:
            raise forms.ValidationError(_("Thiếu mã số thuế."))
        others = Producer.objects.filter(tax_code=tax_code).exclude(pk=self.instance.pk)
        if not others.exists():
            return tax_code
        # name the other producer only to someone who may see it anyway
        visible = others.visible_to(self.user).first()
        if visible is not None:
            raise forms.ValidationError(
                _("Mã số thuế trùng với chủ thể đã có: %(name)s.") % {"name": visible.name}
            )
        raise forms.ValidationError(
            _(
                "Mã số thuế này đã được đăng ký cho một chủ thể khác; "
                "liên hệ cán bộ OCOP xã để được hỗ trợ."
            )
        )

    def clean_phone(self):
        return _checked(clean_phone, self.cleaned_data["phone"])

    def clean_commune(self):
        commune = self.cleaned_data["commune"]
        if self.user.role != Role.PRODUCER and not covers_commune(self.user, commune):
            raise forms.ValidationError(_("Xã/phường này ngoài phạm vi quản lý của bạn."))
        return commune

    def clean_local_labour_percent(self):
        value = self.cleaned_data["local_labour_percent"]
        if value is not None and value > 100:
            raise forms.ValidationError(_("Tỷ lệ không quá 100%."))
        return value


class ProductForm(CleanInputMixin, forms.ModelForm):
    rules = forms.ChoiceField(label=_("Bộ tiêu chí"), initial=CURRENT_RULES)
    set_number = forms.TypedChoiceField(coerce=int, label=_("Bộ sản phẩm"))
    sales_channels = forms.MultipleChoiceField(
        choices=SalesChannel.choices, required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Kênh bán hàng"),
    )  # fmt: skip
    confirm_duplicate = forms.BooleanField(
        required=False, label=_("Tôi biết chủ thể đã có sản phẩm cùng tên, vẫn lưu.")
    )

    class Meta:
        model = Product
        fields = PRODUCT_FIELDS

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["producer"].queryset = Producer.objects.visible_to(user).active()
        self.fields["rules"].choices = [(code, code) for code in rules_with_sets()]
        rules = self.data.get("rules") or self.instance.rules or CURRENT_RULES
        # an unknown code posted here is refused by the rules field; offer no sets meanwhile
        self.fields["set_number"].choices = set_choices(rules) if is_rule_set(rules) else []

    def clean_name(self):
        return nfc(self.cleaned_data["name"])

    def clean_gtin(self):
        return _checked(clean_gtin, self.cleaned_data["gtin"])

    def clean(self):
        data = super().clean()
        rules, number = data.get("rules"), data.get("set_number")
        if rules and number is not None and find_set(rules, number) is None:
            self.add_error("set_number", _("Bộ sản phẩm không có trong bộ tiêu chí này."))
        producer, name = data.get("producer"), data.get("name")
        if producer and name and not data.get("confirm_duplicate"):
            same = [
                p for p in producer.products.active().exclude(pk=self.instance.pk)
                if search_key(p.name) == search_key(name)
            ]  # fmt: skip
            if same:
                self.add_error("name", _("Chủ thể này đã có sản phẩm cùng tên."))
        data.pop("confirm_duplicate", None)
        return data


class DocumentForm(CleanInputMixin, forms.ModelForm):
    class Meta:
        model = ProducerDocument
        fields = ["kind", "number", "issued_by", "issued_on", "valid_until"]
        widgets = {"issued_on": DATE, "valid_until": DATE}


class StandardForm(CleanInputMixin, forms.ModelForm):
    class Meta:
        model = ProductStandard
        fields = ["kind", "number", "issued_by", "valid_until"]
        widgets = {"valid_until": DATE}


class ImageForm(CleanInputMixin, forms.Form):
    image = forms.FileField(label=_("Ảnh sản phẩm"))
    caption = forms.CharField(label=_("Chú thích"), max_length=200, required=False)

    def clean_image(self):
        # refuse by the declared size, before anything reads the upload into memory
        image = self.cleaned_data["image"]
        if image.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(_("Ảnh quá lớn (tối đa 15 MB)."))
        return image


class RejectForm(CleanInputMixin, forms.Form):
    note = forms.CharField(label=_("Lý do từ chối"), widget=forms.Textarea(attrs={"rows": 2}))


class ImportForm(CleanInputMixin, forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 10 MB)."))
        return upload
