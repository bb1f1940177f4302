"""Forms of the council pages. They validate input; services do the writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.certificates.choices import SignerTitle
from ocop.core.forms import CleanInputMixin
from ocop.core.numbers import format_decimal
from ocop.registry.models import Product

from .models import Application, Council, CouncilMember, Round, SessionItem
from .models.councils import Position


class CouncilRulesForm(CleanInputMixin, forms.ModelForm):
    class Meta:
        model = Council
        fields = ["quorum", "absent_members_count", "spread_limit", "spread_policy"]


class CouncilForm(CleanInputMixin, forms.ModelForm):
    class Meta:
        model = Council
        fields = ["name", "year", "established_by", "quorum", "absent_members_count",
                  "spread_limit", "spread_policy"]  # fmt: skip


class MemberForm(CleanInputMixin, forms.Form):
    user = forms.ModelChoiceField(queryset=User.objects.none(), label=_("Tài khoản"))
    position = forms.ChoiceField(choices=Position.choices, label=_("Chức danh"))
    agency = forms.CharField(label=_("Cơ quan"), max_length=200, required=False)
    home_address = forms.CharField(label=_("Địa chỉ cư trú"), max_length=255, required=False)

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        people = User.objects.filter(role__in=[Role.COUNCIL_MEMBER, Role.ADVISOR], is_active=True)
        if council.province_id:
            people = people.filter(province=council.province_id)
        user_field = self.fields["user"]
        assert isinstance(user_field, forms.ModelChoiceField)
        user_field.queryset = people.exclude(council_seats__council=council)


class ConflictDeclareForm(CleanInputMixin, forms.Form):
    """`products`: every product the member may declare (those of the council's open sessions),
    checked in one query; the page offers one search's page of them (ocop.core.choices)."""

    product = forms.ModelChoiceField(
        queryset=Product.objects.none(), label=_("Sản phẩm"),
        error_messages={"invalid_choice": _("Sản phẩm này không có trong phiên họp đang mở nào "
                                            "của hội đồng.")},
    )  # fmt: skip
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, products, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["product"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = products
        field.label_from_instance = lambda p: p.name  # type: ignore[method-assign]


class ConflictReviewForm(CleanInputMixin, forms.Form):
    confirmed = forms.TypedChoiceField(
        coerce=lambda v: v == "yes", label=_("Kết luận"),
        choices=[("yes", _("Có xung đột: không chấm")), ("no", _("Không xung đột: được chấm"))],
    )  # fmt: skip
    note = forms.CharField(label=_("Ghi chú"), required=False)


class RowsField(forms.ModelMultipleChoiceField):
    """Row ids only: a number beyond the database's integer range would crash the `pk__in` lookup
    (Django guards the single-row lookup, not this one), so it is refused like any unknown id.
    Any row of the queryset is accepted, whether or not the page showed it (ocop.core.choices)."""

    def _check_values(self, value):
        for pk in value or ():
            if not (str(pk).isascii() and str(pk).isdigit() and int(pk) < 2**63):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                    params={"pk": pk},
                )  # fmt: skip
        return super()._check_values(value)


def _dossier_label(application: Application) -> str:
    return (f"{application.product.name} – {application.producer.name} "
            f"({application.registration_number})")  # fmt: skip


# A dossier posted but not among those waiting for this council (another province, already on an
# agenda, withdrawn since the page was shown, or a made-up id).
_NOT_WAITING = _("Một hồ sơ đã chọn không (còn) chờ hội đồng này đánh giá; vui lòng chọn lại.")
NOT_ON_AGENDA = {"invalid_choice": _NOT_WAITING, "invalid_pk_value": _NOT_WAITING}


class SessionForm(CleanInputMixin, forms.Form):
    round = forms.ModelChoiceField(queryset=Round.objects.none(), label=_("Đợt đánh giá"))
    held_on = forms.DateField(label=_("Ngày họp"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    applications = RowsField(
        queryset=Application.objects.none(), label=_("Sản phẩm đưa ra hội đồng"),
        widget=forms.CheckboxSelectMultiple, error_messages=NOT_ON_AGENDA,
    )  # fmt: skip
    present = RowsField(
        queryset=CouncilMember.objects.none(), label=_("Thành viên có mặt"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, rounds, applications, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = members
        self.fields["present"].initial = list(members)
        self.fields["round"].queryset = rounds
        self.fields["applications"].queryset = applications
        self.fields["applications"].label_from_instance = _dossier_label


class WrittenForm(CleanInputMixin, forms.Form):
    """A written consultation (Art. 7.6.d): re-evaluation dossiers and the reply date."""

    round = forms.ModelChoiceField(queryset=Round.objects.none(), label=_("Đợt đánh giá"))
    reply_by = forms.DateField(
        label=_("Hạn gửi ý kiến"), widget=forms.DateInput(attrs={"type": "date"})
    )
    applications = RowsField(
        queryset=Application.objects.none(), label=_("Hồ sơ đánh giá lại lấy ý kiến"),
        widget=forms.CheckboxSelectMultiple, error_messages=NOT_ON_AGENDA,
    )  # fmt: skip

    def __init__(self, *args, rounds, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["applications"].queryset = applications
        self.fields["applications"].label_from_instance = _dossier_label


class AttendanceForm(CleanInputMixin, forms.Form):
    """Who sits at an open session, changeable after it opened (a member arrives late or leaves)."""

    present = RowsField(
        queryset=CouncilMember.objects.none(), label=_("Thành viên có mặt"),
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, members, initial_present=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = members
        self.fields["present"].initial = list(initial_present)


class OutcomeForm(CleanInputMixin, forms.Form):
    """The council's outcome outside the points: the rule of the product's sheet (its key names
    the outcome, sheet_rules) and a free note. The page renders the per-product rule list itself
    (views/sessions.outcome_options); the service refuses a rule not on the product's sheet."""

    rule = forms.RegexField(label=_("Quy định áp dụng"), regex=r"^[a-z_]+-[0-9]{1,3}$",
                            max_length=20)  # fmt: skip
    reason = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if data.get("rule"):
            data["outcome"] = data["rule"].rsplit("-", 1)[0]
        return data


def _score(item) -> str:
    average = item.average_display
    return "—" if average is None else format_decimal(average)


def _item_label(item) -> str:
    return f"{item.application.product.name} – {item.stars or '—'}★ ({_score(item)})"


# An item posted but not awaiting this authority's decision (decided since, another province's).
_NOT_AWAITING = _("Một sản phẩm đã chọn không (còn) chờ quyết định của cơ quan bạn; vui lòng chọn "
                  "lại.")  # fmt: skip


class DecisionForm(CleanInputMixin, forms.Form):
    decided_on = forms.DateField(
        label=_("Ngày quyết định"), widget=forms.DateInput(attrs={"type": "date"})
    )
    signer = forms.CharField(label=_("Người ký"), max_length=200, required=False)
    # Not required: a form posted without it (older pages, scripts) signs as the head.
    signer_title = forms.ChoiceField(
        label=_("Ký với tư cách"), choices=SignerTitle.choices, initial=SignerTitle.HEAD,
        required=False,
    )  # fmt: skip
    items = RowsField(
        queryset=SessionItem.objects.none(), label=_("Sản phẩm"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _NOT_AWAITING, "invalid_pk_value": _NOT_AWAITING},
    )  # fmt: skip

    def __init__(self, *args, items, **kwargs):
        """`items`: every session item awaiting this authority's decision, checked in one query;
        the page offers one search's page of them (ocop.core.choices)."""
        super().__init__(*args, **kwargs)
        field = self.fields["items"]
        assert isinstance(field, RowsField)
        field.queryset = items
        field.label_from_instance = _item_label  # type: ignore[method-assign]


class WorkbookUploadForm(CleanInputMixin, forms.Form):
    file = forms.FileField(label=_("Tệp bảng tính (.xlsx)"))
