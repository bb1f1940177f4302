"""Forms of the annual cycle, training and promotion: Vietnamese messages, the unit by its
official code, and the bulk attendance lines of a course (one person a line, usable on a phone)."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop.accounts.models import User
from ocop.accounts.roles import OFFICER_ROLES
from ocop.core.forms import CleanInputMixin
from ocop.evaluation.forms_council import RowsField
from ocop.places.models import Commune
from ocop.registry.choices import Gender
from ocop.registry.models import Producer, Product
from ocop.registry.product_sets import set_choices

from .choices import AttendeeKind, Audience, EventKind, OutletKind
from .models import Course, Event, Showroom
from .services_cycle import FIRST_YEAR, may_manage_unit
from .services_training import Attendee
from .units import UnknownUnit, resolve_unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_CHECKBOXES = 200  # beyond this, producers are entered by tax code, products by code
MAX_PRODUCT_CODES = 2_000  # products of one event or showroom entered at once
GENDERS = {
    "nu": Gender.FEMALE, "nữ": Gender.FEMALE, "female": Gender.FEMALE, "f": Gender.FEMALE,
    "nam": Gender.MALE, "male": Gender.MALE, "m": Gender.MALE,
    "khac": Gender.OTHER, "khác": Gender.OTHER, "other": Gender.OTHER, "": "",
}  # fmt: skip


def user_unit_code(user) -> str:
    """The code of the officer's own unit (commune, else province), for the forms' initial."""
    if getattr(user, "commune_id", None):
        return user.commune.code
    if getattr(user, "province_id", None):
        return user.province.code
    return ""


class UnitField(forms.CharField):
    """An official code (province 01, commune 10273, former district 280) → a Unit."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Mã đơn vị"))
        kwargs.setdefault(
            "help_text", _("Mã tỉnh (01), xã/phường (10273) hoặc huyện cũ (280) quản lý hồ sơ này.")
        )
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(max_length=5, **kwargs)

    def clean(self, value):
        code = super().clean(value)
        try:
            return resolve_unit(code)
        except UnknownUnit as exc:
            raise forms.ValidationError(
                _("Không có đơn vị hành chính mã “%(code)s”.") % {"code": code}
            ) from exc


class UnitFormMixin:
    """The unit field, its initial value, and the check that the user manages that unit."""

    def setup_unit(self: Any, user) -> None:
        self.user = user
        self.fields["unit"] = UnitField()
        self.fields["unit"].initial = user_unit_code(user)
        self.order_fields(["unit"])

    def clean_unit(self: Any):
        unit = self.cleaned_data["unit"]
        if not may_manage_unit(self.user, unit):
            raise forms.ValidationError(
                _("Bạn không quản lý đơn vị %(unit)s.") % {"unit": unit.name}
            )
        return unit


class DatesMixin:
    start, end = "start_date", "end_date"

    def clean(self):
        data = super().clean()
        start, end = data.get(self.start), data.get(self.end)
        if start and end and end < start:
            self.add_error(self.end, _("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."))
        return data


class WindowForm(DatesMixin, forms.Form):
    start_date = forms.DateField(label=_("Từ ngày"), widget=DATE)
    end_date = forms.DateField(label=_("Đến ngày"), widget=DATE)


class IdeaForm(CleanInputMixin, forms.Form):
    producer = forms.ModelChoiceField(
        Producer.objects.none(), label=_("Chủ thể"),
        error_messages={"invalid_choice": _("Không tìm thấy chủ thể này trong phạm vi của bạn.")},
    )  # fmt: skip
    year = forms.IntegerField(label=_("Năm của chu trình"))
    title = forms.CharField(label=_("Ý tưởng sản phẩm"), max_length=300)
    set_number = forms.TypedChoiceField(label=_("Bộ sản phẩm"), coerce=int, choices=())
    description = forms.CharField(label=_("Mô tả"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        producers = Producer.objects.visible_to(user).active().select_related("commune")
        self.fields["producer"].queryset = producers.order_by("name")
        self.fields["producer"].help_text = _("Ý tưởng được đăng ký tại xã/phường của chủ thể.")
        self.fields["year"].initial = timezone.localdate().year
        self.fields["set_number"].choices = set_choices()

    def clean_year(self):
        year, last = self.cleaned_data["year"], timezone.localdate().year + 1
        if not FIRST_YEAR <= year <= last:
            raise forms.ValidationError(
                _("Năm của chu trình phải từ %(first)s đến %(last)s.")
                % {"first": FIRST_YEAR, "last": last}
            )
        return year


class DecisionForm(CleanInputMixin, forms.Form):
    """Accept/approve, or return with a reason."""

    decision = forms.ChoiceField(
        label=_("Quyết định"), widget=forms.RadioSelect,
        choices=[("accept", _("Chấp nhận")), ("return", _("Trả lại"))],
    )  # fmt: skip
    reason = forms.CharField(
        label=_("Lý do trả lại"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not data.get("reason"):
            self.add_error("reason", _("Hãy ghi lý do trả lại."))
        return data


class PlanForm(CleanInputMixin, forms.Form):
    title = forms.CharField(label=_("Tên phương án/dự án"), max_length=300)
    summary = forms.CharField(label=_("Nội dung chính"), widget=forms.Textarea(attrs={"rows": 5}))
    support_requested = forms.CharField(
        label=_("Nội dung đề nghị hỗ trợ"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    support_amount = forms.IntegerField(
        label=_("Kinh phí đề nghị hỗ trợ (đồng)"), required=False, min_value=0,
        max_value=10**15, error_messages={"min_value": _("Kinh phí không được âm.")},
    )  # fmt: skip


class LinkProductForm(forms.Form):
    product = forms.ModelChoiceField(Product.objects.none(), label=_("Sản phẩm"))

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = plan.idea.producer.products.order_by("name")


def _split(line: str) -> list[str]:
    return [part.strip() for part in line.split(";")]


def _gender(value: str, number: int) -> str:
    found = GENDERS.get(value.casefold())
    if found is None:
        raise forms.ValidationError(
            _("Dòng %(line)s: giới tính “%(value)s” không rõ (ghi nam, nữ hoặc khác).")
            % {"line": number, "value": value}
        )
    return found


class AttendeesMixin:
    """Attendees from checked producers and two text areas (one person a line)."""

    def setup_attendees(self: Any, user) -> None:
        producers = Producer.objects.visible_to(user).active().order_by("name")
        self.producer_scope = producers
        self.fields["producers"] = RowsField(
            producers, required=False, widget=forms.CheckboxSelectMultiple,
            label=_("Đại diện chủ thể tham dự"),
        )  # fmt: skip
        if producers.count() > MAX_CHECKBOXES:
            del self.fields["producers"]
        self.fields["producer_lines"] = forms.CharField(
            label=_("Chủ thể khác, theo mã số thuế"), required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("Mỗi dòng một người: mã số thuế; họ tên người dự; giới tính; dân tộc (ba mục sau có thể bỏ trống)."),
        )  # fmt: skip
        self.fields["official_lines"] = forms.CharField(
            label=_("Cán bộ tham dự"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("Mỗi dòng một người: họ tên; đơn vị công tác; giới tính; dân tộc — hoặc @tên đăng nhập của cán bộ."),
        )  # fmt: skip

    def _producer_rows(self: Any, data) -> list[Attendee]:
        out = [_from_producer(p) for p in data.get("producers") or []]
        for number, line in enumerate((data.get("producer_lines") or "").splitlines(), start=1):
            if not line.strip():
                continue
            code, name, gender, ethnic = (_split(line) + ["", "", ""])[:4]
            producer = self.producer_scope.filter(tax_code=code).first()
            if producer is None:
                raise forms.ValidationError(
                    _(
                        "Dòng %(line)s: không tìm thấy chủ thể có mã số thuế “%(code)s” trong phạm vi của bạn."
                    )
                    % {"line": number, "code": code}
                )
            base = _from_producer(producer)
            out.append(Attendee(AttendeeKind.PRODUCER, name or base.name, producer,
                                gender=_gender(gender, number) if gender else base.gender,
                                ethnic_group=ethnic or base.ethnic_group))  # fmt: skip
        return out

    def _official_rows(self: Any, data) -> list[Attendee]:
        out = []
        for number, line in enumerate((data.get("official_lines") or "").splitlines(), start=1):
            if not line.strip():
                continue
            if line.strip().startswith("@"):
                out.append(_from_user(line.strip()[1:], number))
                continue
            name, unit_name, gender, ethnic = (_split(line) + ["", "", ""])[:4]
            out.append(Attendee(AttendeeKind.OFFICIAL, name, unit_name=unit_name,
                                gender=_gender(gender, number), ethnic_group=ethnic))  # fmt: skip
        return out

    def attendees_from(self: Any, data) -> list[Attendee]:
        try:
            people = self._producer_rows(data) + self._official_rows(data)
        except forms.ValidationError as error:
            self.add_error(None, error)
            return []
        if not people:
            self.add_error(None, _("Lớp tập huấn phải có ít nhất một học viên."))
        return people


def _from_producer(producer: Producer) -> Attendee:
    return Attendee(
        AttendeeKind.PRODUCER, producer.representative_name or producer.name, producer,
        gender=producer.representative_gender or "", ethnic_group=producer.representative_ethnic_group or "",
    )  # fmt: skip


def _from_user(username: str, number: int) -> Attendee:
    user = User.objects.filter(username=username, role__in=OFFICER_ROLES).first()
    if user is None:
        raise forms.ValidationError(
            _("Dòng %(line)s: không có cán bộ có tên đăng nhập “%(name)s”.")
            % {"line": number, "name": username}
        )
    unit = user.commune or user.province
    return Attendee(AttendeeKind.OFFICIAL, user.full_name or user.username, user=user,
                    unit_name=str(unit.name) if unit else "")  # fmt: skip


class CourseForm(UnitFormMixin, AttendeesMixin, DatesMixin, CleanInputMixin, forms.ModelForm):
    class Meta:
        model = Course
        fields = ["title", "topic", "audience", "start_date", "end_date", "place", "organiser"]
        widgets = {"start_date": DATE, "end_date": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_unit(user)
        self.setup_attendees(user)
        self.fields["audience"].initial = Audience.BOTH

    def clean(self):
        data = super().clean()
        data["attendees"] = self.attendees_from(data)
        return data


class AttendanceForm(AttendeesMixin, CleanInputMixin, forms.Form):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_attendees(user)

    def clean(self):
        data = super().clean()
        data["attendees"] = self.attendees_from(data)
        return data


class ProductsMixin:
    """The products of an event or showroom: a checkbox each for an officer who sees at most
    MAX_CHECKBOXES products (a commune), else their OCOP codes in a text area (a province sees
    thousands, the ministry 50,000: a page of that many checkboxes would not load on a phone).
    Either way `cleaned_data["products"]` is the list of products."""

    def setup_products(self: Any, user, label) -> None:
        products = Product.objects.visible_to(user).filter(archived_at__isnull=True)
        self.product_scope = products
        if products.count() <= MAX_CHECKBOXES:
            self.fields["products"] = RowsField(
                products.order_by("name"),
                required=False, widget=forms.CheckboxSelectMultiple, label=label,
            )  # fmt: skip
            return
        self.fields["product_codes"] = forms.CharField(
            label=label, required=False, widget=forms.Textarea(attrs={"rows": 4}),
            help_text=_("Mỗi dòng (hoặc cách nhau bằng dấu phẩy) một sản phẩm: mã sản phẩm OCOP, ví dụ 01-10273-001-2025, hoặc số của sản phẩm chưa có mã (số trong địa chỉ trang sản phẩm, /products/123/)."),
        )  # fmt: skip
        chosen = (self.initial or {}).get("products")
        if chosen:
            self.initial["product_codes"] = "\n".join(p.code or str(p.pk) for p in chosen)

    def clean(self: Any):
        data = super().clean()  # type: ignore[misc]
        if "product_codes" in self.fields:
            data["products"] = self._products_from_codes(data.get("product_codes") or "")
        return data

    def _products_from_codes(self: Any, text: str) -> list:
        """The products named, in order: an OCOP code, or the number of a product not yet coded
        (the number in its page's address, /products/123/)."""
        tokens = [t.strip() for t in text.replace(",", "\n").splitlines()]
        tokens = list(dict.fromkeys(t for t in tokens if t))
        if len(tokens) > MAX_PRODUCT_CODES:
            message = _("Tối đa %(n)s sản phẩm một lần.") % {"n": MAX_PRODUCT_CODES}
            self.add_error("product_codes", message)
            return []
        numbers = [t for t in tokens if t.isascii() and t.isdigit() and int(t) < 2**63]
        found = {p.code: p for p in self.product_scope.filter(code__in=tokens).exclude(code="")}
        found |= {str(p.pk): p for p in self.product_scope.filter(pk__in=numbers)}
        missing = [t for t in tokens if t not in found]
        if missing:
            names = ", ".join(f"“{t[:40]}”" for t in missing[:5])
            message = _("Không tìm thấy sản phẩm %(codes)s trong phạm vi của bạn.") % {
                "codes": names
            }
            self.add_error("product_codes", message)
            return []
        return list(dict.fromkeys(found[t] for t in tokens))


class EventForm(UnitFormMixin, ProductsMixin, DatesMixin, CleanInputMixin, forms.ModelForm):
    class Meta:
        model = Event
        fields = ["kind", "name", "start_date", "end_date", "place", "organiser"]
        widgets = {"start_date": DATE, "end_date": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_unit(user)
        self.setup_products(user, _("Sản phẩm tham gia"))
        self.fields["kind"].choices = EventKind.choices


class ShowroomForm(UnitFormMixin, ProductsMixin, DatesMixin, CleanInputMixin, forms.ModelForm):
    start, end = "opened_on", "closed_on"
    location = forms.ModelChoiceField(
        Commune.objects.all(), to_field_name="code", label=_("Mã xã/phường nơi đặt điểm bán"),
        error_messages={"invalid_choice": _("Không có xã/phường mã này.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )  # fmt: skip

    class Meta:
        model = Showroom
        fields = ["kind", "name", "address", "location", "operator", "opened_on", "closed_on"]
        widgets = {"opened_on": DATE, "closed_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_unit(user)
        self.setup_products(user, _("Sản phẩm trưng bày"))
        self.fields["kind"].choices = OutletKind.choices


class ShowroomProductsForm(ProductsMixin, forms.Form):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_products(user, _("Sản phẩm trưng bày"))
