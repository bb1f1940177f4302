from collections import Counter

import pytest

from ocop.certificates.demo import seed_certificates
from ocop.certificates.models import Certificate, HistoricResult
from ocop.certificates.pdf import certificate_data, certificate_pdf
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


def test_pdf_carries_the_qr_code_of_the_verification_url(certificate_p):
    data = certificate_data(certificate_p)
    assert data["verification_url"] == certificate_p.verification_url
    assert data["qr_svg"].startswith("<svg")
    assert data["product"] == "Mật ong hoa nhãn Phú Xuyên"
    assert certificate_pdf(certificate_p).startswith(b"%PDF")
