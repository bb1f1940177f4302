"""A small programme world: former district 280 of province P whose communes became X (and only
X); producer A in X, producer B in Y (outside 280); a 2021–2025 plan of 280."""

from dataclasses import dataclass
from datetime import date

import pytest

from ocop.evaluation.testing import make_producer, make_product
from ocop.places.models import HistoricUnit
from ocop.programme.models import Plan
from ocop.registry.models import Producer, Product


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@dataclass
class ProgrammeWorld:
    district: HistoricUnit
    producer_a: Producer
    producer_b: Producer
    product_a: Product
    product_b: Product
    plan: Plan


@pytest.fixture
def pw(personas, territory) -> ProgrammeWorld:
    district = HistoricUnit.objects.create(
        code="280", name="Huyện Phú Xuyên", level="district", division_type="huyện",
        province=territory.province_p,
    )  # fmt: skip
    HistoricUnit.objects.create(
        code="10300", name="Xã Hồng Thái", level="commune", division_type="xã",
        province=territory.province_p, parent=district, successor=territory.commune_x,
    )  # fmt: skip
    a = make_producer(personas["producer_a"], territory.commune_x, "HTX Phú Xuyên", "0100109106")
    b = make_producer(personas["producer_b"], territory.commune_y, "HTX Phượng Dực", "0300588569")
    plan = Plan.objects.create(
        province=territory.province_p, historic_unit=district, name="Đề án OCOP 2021–2025",
        start_year=2021, end_year=2025, document_date=date(2021, 3, 1),
    )  # fmt: skip
    return ProgrammeWorld(
        district, a, b, make_product(a, "Bưởi Phú Xuyên"), make_product(b, "Rau Phượng Dực"), plan
    )
