"""What the API answers: public fields only, places and product sets by their official codes.

Read-only serializers over the rows that ocop.certificates.public selects; each declares its
fields so the OpenAPI schema states exactly what a client gets."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ocop.certificates.choices import Status
from ocop.certificates.public import current_certificate
from ocop.registry.choices import CertificateStatus, LegalForm
from ocop.registry.product_sets import find_set

# A public product's status: that of its current certificate (a product without one is not public).
PRODUCT_STATUSES = [c for c in CertificateStatus.values if c]
CERTIFICATE_STATUSES = Status.values


class UnitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class ProductSetRefSerializer(serializers.Serializer):
    rules = serializers.CharField()
    number = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    type = serializers.CharField()


class CertificateRefSerializer(serializers.Serializer):
    number = serializers.CharField()
    stars = serializers.IntegerField()
    status = serializers.ChoiceField(choices=CERTIFICATE_STATUSES, source="live_status")
    valid_until = serializers.DateField()
    decision_number = serializers.CharField()
    decision_date = serializers.DateField()
    authority_name = serializers.CharField()
    verification_url = serializers.URLField()


class RevocationSerializer(serializers.Serializer):
    ground = serializers.CharField(source="revocation_ground")
    decision_number = serializers.CharField(source="revocation_decision_number")
    decision_date = serializers.DateField(source="revocation_decision_date")


def with_live_status(certificate):
    """The status today, computed (the stored one is refreshed once a day)."""
    certificate.live_status = certificate.status_on(timezone.localdate())
    return certificate


class ProducerRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    legal_form = serializers.ChoiceField(choices=LegalForm.values)
    commune = UnitSerializer()
    province = UnitSerializer(source="commune.province")


class ProductSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    stars = serializers.IntegerField(source="current_stars", allow_null=True)
    status = serializers.ChoiceField(choices=PRODUCT_STATUSES, source="certificate_status")
    product_set = serializers.SerializerMethodField()
    gtin = serializers.CharField()
    description = serializers.CharField()
    story = serializers.CharField()
    packaging = serializers.CharField()
    sales_channels = serializers.ListField(child=serializers.CharField())
    price = serializers.IntegerField(allow_null=True, help_text="đồng")
    price_unit = serializers.CharField()
    producer = ProducerRefSerializer()
    certificate = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField()

    # Built by hand, not by a nested serializer per row (each would copy its fields: a page of 100
    # took several times the query's time); the schema still states the shape.
    @extend_schema_field(ProductSetRefSerializer(allow_null=True))
    def get_product_set(self, product):
        found = find_set(product.rules, product.set_number)
        if found is None:
            return None
        return {"rules": found.rules, "number": found.number, "code": found.code,
                "name": found.name, "type": found.type}  # fmt: skip

    @extend_schema_field(CertificateRefSerializer(allow_null=True))
    def get_certificate(self, product):
        current = current_certificate(product)
        if current is None:
            return None
        return {
            "number": current.number, "stars": current.stars,
            "status": current.status_on(timezone.localdate()),
            "valid_until": current.valid_until.isoformat(),
            "decision_number": current.decision_number,
            "decision_date": current.decision_date.isoformat(),
            "authority_name": current.authority_name, "verification_url": current.verification_url,
        }  # fmt: skip


class ProducerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    legal_form = serializers.ChoiceField(choices=LegalForm.values)
    website = serializers.CharField()
    commune = UnitSerializer()
    province = UnitSerializer(source="commune.province")
    updated_at = serializers.DateTimeField()


class CertificateSerializer(serializers.Serializer):
    number = serializers.CharField()
    product_code = serializers.CharField(source="product.code")
    product_name = serializers.CharField(help_text="as printed on the certificate")
    producer_name = serializers.CharField(help_text="as printed on the certificate")
    stars = serializers.IntegerField()
    rules = serializers.CharField()
    authority_name = serializers.CharField()
    authority_level = serializers.CharField()
    decision_number = serializers.CharField()
    decision_date = serializers.DateField()
    issue_date = serializers.DateField()
    valid_until = serializers.DateField()
    status = serializers.ChoiceField(choices=CERTIFICATE_STATUSES, source="live_status")
    revocation = serializers.SerializerMethodField()
    verification_url = serializers.URLField()

    @extend_schema_field(RevocationSerializer(allow_null=True))
    def get_revocation(self, certificate):
        if certificate.status != Status.REVOKED:
            return None
        return RevocationSerializer(certificate).data

    def to_representation(self, instance):
        return super().to_representation(with_live_status(instance))


class DecisionProductSerializer(serializers.Serializer):
    certificate = serializers.CharField(source="number")
    product_code = serializers.CharField(source="product.code")
    product_name = serializers.CharField()
    stars = serializers.IntegerField()


class DecisionSerializer(serializers.Serializer):
    number = serializers.CharField(source="decision_number")
    date = serializers.DateField(source="decision_date")
    authority_name = serializers.CharField()
    authority_level = serializers.CharField()
    rules = serializers.CharField()
    products_count = serializers.IntegerField(source="products")
    products = DecisionProductSerializer(many=True, source="certificates")


class ProvinceSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    division_type = serializers.CharField()


class CommuneSerializer(ProvinceSerializer):
    province = UnitSerializer()


class ProductSetSerializer(serializers.Serializer):
    rules = serializers.CharField()
    number = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    type = serializers.CharField()
    type_name = serializers.CharField()
    group = serializers.CharField()
    group_name = serializers.CharField()


class StatsRowSerializer(serializers.Serializer):
    unit = UnitSerializer()
    year = serializers.IntegerField()
    stars = serializers.IntegerField()
    products = serializers.IntegerField()
