from collections import Counter

import pytest

from ocop.certificates.demo import seed_certificates
from ocop.certificates.models import Certificate, HistoricResult
from ocop.certificates.pdf import certificate_data, certificate_pdf
from ocop.certificates.rules import recognition_errors
from ocop.registry.testing import make_producer, make_product

pytestmark = pytest.mark.django_db


def test_demo_seed_tells_the_story_and_is_idempotent(territory, personas):
    producer = make_producer(territory.commune_x, "HTX Phú Xuyên", 5)
    for n in range(20):
        make_product(producer, f"Sản phẩm {n:02d}")
    seed_certificates()
    assert Counter(HistoricResult.objects.values_list("year", flat=True)) == {2019: 13, 2020: 7}
    statuses = Counter(Certificate.objects.values_list("status", flat=True))
    assert statuses == {"valid": 3, "reevaluation": 2, "expired": 1, "revoked": 1, "superseded": 1}
    assert Certificate.objects.filter(authority_name="UBND huyện Phú Xuyên").exists()
    assert seed_certificates() == "Giấy chứng nhận trình diễn: đã có, bỏ qua."
    assert Certificate.objects.count() == 8


def test_demo_1048_results_are_recognised_by_the_province_and_scored_by_the_district(
    territory, personas
):
    from ocop.places.models import HistoricUnit

    district = HistoricUnit.objects.create(
        code="280", name="Huyện Phú Xuyên", level="district", division_type="huyện",
        province=territory.province_p,
    )  # fmt: skip
    producer = make_producer(territory.commune_x, "HTX Phú Xuyên", 5)
    for n in range(20):
        make_product(producer, f"Sản phẩm {n:02d}")
    seed_certificates()
    results = HistoricResult.objects.all()
    assert set(
        results.values_list("rules", "authority_name", "authority_level", "historic_unit")
    ) == {("1048-2019", "UBND thành phố Hà Nội", "province", district.pk)}
    assert set(results.values_list("stars", flat=True)) == {3, 4}
    for certificate in Certificate.objects.all():
        assert (
            recognition_errors(
                stars=certificate.stars,
                level=certificate.authority_level,
                rules=certificate.rules,
                first=certificate.decision_date,
            )
            == []
        ), certificate.number
    assert seed_certificates() == "Giấy chứng nhận trình diễn: đã có, bỏ qua."


def test_pdf_carries_the_qr_code_of_the_verification_url(certificate_p):
    data = certificate_data(certificate_p)
    assert data["verification_url"] == certificate_p.verification_url
    assert data["qr_svg"].startswith("<svg")
    assert data["product"] == "Mật ong hoa nhãn Phú Xuyên"
    assert certificate_pdf(certificate_p).startswith(b"%PDF")
