"""The query parameters of the API, validated as DRF serializers (so the schema documents them
and a bad value answers 400 naming the parameter). Codes are official ones, never internal ids."""

from datetime import UTC, datetime, time

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ocop.certificates.choices import Status
from ocop.certificates.public_lists import ProductFilter
from ocop.registry.choices import LegalForm
from ocop.registry.product_sets import CURRENT_RULES, rules_with_sets, sets_of

CERTIFICATE_STATUSES = Status.values
TYPE_CODES = sorted({s.type for s in sets_of(CURRENT_RULES).values()})


@extend_schema_field({"type": "string", "format": "date-time"})
class MomentField(serializers.Field):
    """An ISO 8601 date ("2026-11-30", from its midnight in Vietnam) or date-time
    ("2026-11-30T08:00:00+07:00"; without an offset, Vietnam's time)."""

    default_error_messages = {
        "invalid": _(
            "Ngày giờ không hợp lệ: dùng dạng ISO 8601, ví dụ 2026-11-30 hoặc "
            "2026-11-30T08:00:00+07:00."
        )
    }

    def to_internal_value(self, data: object) -> datetime:
        text = str(data).strip()
        try:
            moment = parse_datetime(text)
            if moment is None and (day := parse_date(text)) is not None:
                moment = datetime.combine(day, time.min)
        except ValueError:
            moment = None
        if moment is None:
            self.fail("invalid")
        assert moment is not None  # fail() raises
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        # In UTC: PostgreSQL refuses offsets beyond ±15:59 (ISO allows up to ±23:59).
        try:
            moment = moment.astimezone(UTC)
        except OverflowError:
            self.fail("invalid")
        if not 1 <= moment.year <= 9998:
            self.fail("invalid")
        return moment

    def to_representation(self, value: datetime) -> str:
        return value.isoformat()


class CodeField(serializers.RegexField):
    """An official code of digits, zero-padded to its width ("1" → "01")."""

    def __init__(self, width: int, **kwargs) -> None:
        super().__init__(rf"^\d{{1,{width}}}$", max_length=width, required=False, **kwargs)
        self.width = width

    def to_internal_value(self, data: object) -> str:
        return super().to_internal_value(data).zfill(self.width)


class StarsField(serializers.ListField):
    """Several classes allowed: `stars=3&stars=4` or `stars=3,4`."""

    def __init__(self, **kwargs) -> None:
        super().__init__(
            child=serializers.IntegerField(min_value=1, max_value=5), required=False, **kwargs
        )

    def to_internal_value(self, data):
        parts = [p for item in data for p in str(item).split(",") if p.strip()]
        return sorted(set(super().to_internal_value(parts)))


def _q_field() -> serializers.CharField:
    return serializers.CharField(
        required=False,
        max_length=200,
        help_text=_(
            "Tìm theo tên sản phẩm, chủ thể, mã, xã, tỉnh; không phân biệt hoa thường, dấu."
        ),
    )


class Query(serializers.Serializer):
    updated_since = MomentField(
        required=False, help_text=_("Chỉ những bản ghi thay đổi từ thời điểm này (đồng bộ dần).")
    )


class ProductQuery(Query):
    q = _q_field()
    stars = StarsField(help_text=_("Hạng sao của giấy chứng nhận còn hiệu lực; chọn được nhiều."))
    province = CodeField(2, help_text=_("Mã tỉnh/thành phố (ví dụ 01)."))
    commune = CodeField(5, help_text=_("Mã xã/phường (ví dụ 10273)."))
    type = serializers.ChoiceField(
        choices=TYPE_CODES, required=False, help_text=_("Mã loại sản phẩm (I … VI).")
    )
    set = serializers.CharField(
        required=False, max_length=20, help_text=_("Bộ sản phẩm: mã (I.1.a) hoặc số (1).")
    )
    year = serializers.IntegerField(
        required=False, min_value=2000, max_value=2100, help_text=_("Năm quyết định công nhận.")
    )
    legal_form = serializers.ChoiceField(choices=LegalForm.values, required=False)
    status = serializers.ChoiceField(
        choices=["in_force", "all"],
        default="in_force",
        help_text=_(
            "in_force: chỉ sản phẩm có giấy chứng nhận còn hiệu lực; all: cả sản phẩm có giấy "
            "hết hạn hoặc bị thu hồi (dùng khi đồng bộ)."
        ),
    )

    def product_filter(self) -> ProductFilter:
        data = self.validated_data
        return ProductFilter(
            q=data.get("q", ""),
            stars=tuple(data.get("stars", ())),
            province=data.get("province", ""),
            commune=data.get("commune", ""),
            type=data.get("type", ""),
            set=data.get("set", ""),
            year=data.get("year"),
            legal_form=data.get("legal_form", ""),
            in_force=data["status"] == "in_force",
            changed_since=data.get("updated_since"),
        )


class ProducerQuery(Query):
    q = _q_field()
    province = CodeField(2)
    commune = CodeField(5)
    legal_form = serializers.ChoiceField(choices=LegalForm.values, required=False)


class CertificateQuery(Query):
    number = serializers.CharField(required=False, max_length=60)
    product = serializers.CharField(required=False, max_length=30, help_text=_("Mã sản phẩm."))
    stars = StarsField()
    status = serializers.MultipleChoiceField(choices=CERTIFICATE_STATUSES, required=False)
    province = CodeField(2)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)


class DecisionQuery(Query):
    province = CodeField(2)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)


class CommuneQuery(serializers.Serializer):
    province = CodeField(2)
    q = serializers.CharField(required=False, max_length=100)


class ProductSetQuery(serializers.Serializer):
    rules = serializers.ChoiceField(choices=rules_with_sets(), default=CURRENT_RULES)
    type = serializers.CharField(required=False, max_length=5)


class StatsQuery(serializers.Serializer):
    unit = serializers.ChoiceField(choices=["province", "commune"], default="province")
    province = CodeField(2)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)
    stars = StarsField()
