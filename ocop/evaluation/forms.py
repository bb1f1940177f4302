"""Forms of the dossier pages. They validate input; services do the writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop.core.forms import CleanInputMixin
from ocop.registry.models import Product

from .forms_phuluc3 import Form02Parts, kind_fields
from .models import ApplicationKind, Round
from .models.applications import Stage


class ApplicationCreateForm(CleanInputMixin, forms.Form):
    product = forms.ModelChoiceField(queryset=Product.objects.none(), label=_("Sản phẩm"))
    round = forms.ModelChoiceField(queryset=Round.objects.none(), label=_("Đợt đánh giá"))
    kind = forms.ChoiceField(choices=ApplicationKind.choices, label=_("Lần đăng ký đánh giá"))

    def __init__(self, *args, products, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products
        self.fields["round"].queryset = rounds


class Form01(CleanInputMixin, forms.Form):
    """Mẫu 01: Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP."""

    producer_name = forms.CharField(label=_("Tên đơn vị"), max_length=255)
    representative_name = forms.CharField(label=_("Họ tên người đại diện pháp lý"), max_length=150)
    representative_position = forms.CharField(label=_("Chức vụ"), max_length=100, required=False)
    contact_address = forms.CharField(label=_("Địa chỉ liên hệ"), max_length=255, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20)
    email = forms.EmailField(label=_("Email"), required=False)
    product_name = forms.CharField(label=_("Tên sản phẩm"), max_length=255)
    # Point 3 (ngành, nhóm, phân nhóm) is not typed: Phụ lục I classifies the product's set.
    samples = forms.IntegerField(label=_("Số sản phẩm mẫu"), min_value=0, max_value=50, initial=5)


CHECKS = [
    ("has_business_registration", _("Giấy đăng ký kinh doanh")),
    ("has_quality_declaration", _("Đã công bố chất lượng sản phẩm theo quy định")),
    ("has_food_safety_certificate", _("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm")),
    ("has_production_certificate", _("Giấy chứng nhận cơ sở đủ điều kiện sản xuất (nếu bắt buộc)")),
    ("has_ip_registration", _("d) Đã có đăng ký sở hữu trí tuệ")),
    ("ip_trademark", _("Giấy chứng nhận đăng ký nhãn hiệu")),
    ("ip_collective", _("Chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận")),
    ("ip_patent", _("Bằng sáng chế")),
    ("ip_design", _("Bằng độc quyền kiểu dáng công nghiệp")),
    ("ip_copyright", _("Giấy chứng nhận bản quyền tác giả")),
]


IP_ITEMS = ("ip_trademark", "ip_collective", "ip_patent", "ip_design", "ip_copyright")
GENDERS = [("", _("— chọn —")), ("male", _("Nam")), ("female", _("Nữ"))]  # Mẫu 02: "(Nam/nữ)"


class Form02(Form02Parts, CleanInputMixin, forms.Form):
    """Mẫu 02 parts I, II and IV (part III, the self-score, is its own form). `kind`: the
    dossier's kind, which adds the section on changes (upgrade) or the 3-year update."""

    representative_gender = forms.ChoiceField(
        label=_("Giới tính người đại diện"), choices=GENDERS, required=False
    )
    representative_ethnic_group = forms.CharField(label=_("Dân tộc"), max_length=40, required=False)
    representative_address = forms.CharField(
        label=_("Địa chỉ thường trú"), max_length=255, required=False
    )
    founded_on = forms.CharField(
        label=_("Ngày thành lập/đăng ký kinh doanh"), max_length=40, required=False
    )
    business_registration_number = forms.CharField(
        label=_("Số giấy đăng ký (nếu có)"), max_length=40, required=False
    )
    product_description = forms.CharField(
        label=_("Tên sản phẩm, quy cách, tiêu chuẩn"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    ip_other = forms.CharField(
        label=_("Sở hữu trí tuệ khác (ghi rõ)"), max_length=255, required=False
    )
    history = forms.CharField(
        label=_("Lịch sử hình thành"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    organisation = forms.CharField(
        label=_("Cơ cấu tổ chức"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    business_results = forms.CharField(
        label=_(
            "Kết quả thực hiện phương án sản xuất kinh doanh (nguyên liệu, công nghệ, chất lượng, thị trường)"
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    revenue = forms.IntegerField(
        label=_("Doanh thu năm gần nhất (đồng)"), min_value=0, required=False
    )
    profit = forms.IntegerField(label=_("Lợi nhuận năm gần nhất (đồng)"), required=False)
    future_plan = forms.CharField(
        label=_("Kế hoạch sản xuất, kinh doanh"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, kind: str = "first", **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in CHECKS:
            self.fields[name] = forms.BooleanField(label=label, required=False)
        self.add_kind_sections(kind)
        # Mẫu 02's own order: part I (5.–9., the ticks of 7. in place), part II, part IV.
        checks = [name for name, _label in CHECKS]
        self.order_fields([
            "representative_gender", "representative_ethnic_group", "representative_address",
            "founded_on", "business_registration_number", "product_description", *checks,
            "ip_other", "history", "organisation", "business_results", "revenue", "profit",
            *[name for name, _label in kind_fields(kind)], "future_plan",
        ])  # fmt: skip

    def clean(self):
        data = super().clean()
        self.check_ip_ticks(data, IP_ITEMS)
        return data


class ApplicationFilterForm(CleanInputMixin, forms.Form):
    q = forms.CharField(
        required=False, max_length=100, label=_("Tìm (số phiếu, sản phẩm, chủ thể)")
    )
    round = forms.ModelChoiceField(queryset=Round.objects.all(), required=False, label=_("Đợt"))
    stage = forms.ChoiceField(
        choices=[("", _("Mọi bước")), *Stage.choices], required=False, label=_("Bước")
    )
    commune = forms.CharField(required=False, label=_("Mã xã/phường"), max_length=10)
    set_number = forms.IntegerField(
        required=False, min_value=1, max_value=99, label=_("Bộ sản phẩm")
    )

    def __init__(self, *args, rounds=None, **kwargs):
        """`rounds`: the rounds the user may pick (those of the applications they may see)."""
        super().__init__(*args, **kwargs)
        if rounds is not None:
            self.fields["round"].queryset = rounds


class UploadForm(CleanInputMixin, forms.Form):
    section = forms.ChoiceField(label=_("Tiêu chí/mục"))
    file = forms.FileField(label=_("Tệp (PDF hoặc ảnh)"))

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = sections


class RoundForm(CleanInputMixin, forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2019, max_value=2100)
    number = forms.IntegerField(label=_("Đợt số"), min_value=1, max_value=12)
    proposal_deadline = forms.DateField(
        label=_("Hạn đề nghị (để trống: theo quy định)"), required=False
    )
    decision_deadline = forms.DateField(
        label=_("Hạn quyết định (để trống: theo quy định)"), required=False
    )
    basis = forms.CharField(
        label=_("Căn cứ (đợt bổ sung: quyết định ban hành Quy chế và kế hoạch đánh giá)"),
        max_length=400, required=False,
    )  # fmt: skip
