from dataclasses import dataclass

import pytest

from ocop.evaluation.models import Round
from ocop.evaluation.testing import make_producer, make_product, make_round
from ocop.registry.models import Producer, Product


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@dataclass
class World:
    producer_a: Producer
    producer_b: Producer
    product_a: Product
    product_b: Product
    round: Round


@pytest.fixture
def world(personas, territory) -> World:
    """Producer A (commune X, user producer_a) and producer B (commune Y, user producer_b), both in
    province P, one product each, and round 1/2027 of province P."""
    a = make_producer(personas["producer_a"], territory.commune_x, "HTX Phú Xuyên", "0100109106")
    b = make_producer(personas["producer_b"], territory.commune_y, "HTX Phượng Dực", "0300588569")
    return World(
        a, b, make_product(a, "Rau cải Phú Xuyên"), make_product(b, "Rau muống Phượng Dực"),
        make_round(territory.province_p),
    )  # fmt: skip
