from dataclasses import dataclass

import pytest

from ocop.registry.models import Producer, Product
from ocop.registry.testing import make_producer, make_product


@dataclass
class Registry:
    producer_x: Producer  # in commune X, represented by producer_a
    producer_y: Producer  # in commune Y, represented by producer_b
    producer_z: Producer  # in commune Z (province Q), nobody's
    product_x: Product
    product_y: Product
    product_z: Product


@pytest.fixture
def registry(territory, personas) -> Registry:
    px = make_producer(territory.commune_x, "HTX Nông nghiệp Phú Xuyên", 1, personas["producer_a"])
    py = make_producer(
        territory.commune_y, "Công ty TNHH Đường Phượng Dực", 2, personas["producer_b"]
    )
    pz = make_producer(territory.commune_z, "Hộ kinh doanh Sài Gòn", 3, legal_form="household")
    return Registry(
        px, py, pz,
        make_product(px, "Gà Lạc Thủy", 2),
        make_product(py, "Đường phèn Phượng Dực", 4),
        make_product(pz, "Cà phê Sài Gòn", 13),
    )  # fmt: skip
