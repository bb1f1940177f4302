from datetime import date

import pytest

from ocop.inspections.testing import issue, make_plan
from ocop.registry.testing import make_producer, make_product


@pytest.fixture
def products(territory, personas):
    """Three products of producer A in commune X (province P) and one of producer B in Z (Q)."""
    a = make_producer(territory.commune_x, "HTX Phú Xuyên", 1, personas["producer_a"])
    b = make_producer(territory.commune_z, "Công ty Sài Gòn Xanh", 2, personas["producer_b"])
    return {
        "honey": make_product(a, "Mật ong hoa nhãn Phú Xuyên", 4),
        "tea": make_product(a, "Trà sen Phú Xuyên", 5),
        "rice": make_product(a, "Gạo nếp cái hoa vàng", 6),
        "coffee": make_product(b, "Cà phê rang xay Sài Gòn", 13),
    }


@pytest.fixture
def certs(products):
    """4★ honey, 3★ tea, 5★ rice in P; 4★ coffee in Q, all in force from 30 Jun 2026."""
    return {
        "honey": issue(products["honey"], stars=4, number="11/QĐ-UBND"),
        "tea": issue(products["tea"], stars=3, number="12/QĐ-UBND"),
        "rice": issue(products["rice"], stars=5, number="13/QĐ-BNNMT"),
        "coffee": issue(products["coffee"], stars=4, number="14/QĐ-UBND"),
    }


@pytest.fixture
def plan_p(personas, territory):
    return make_plan(personas["province_p"], territory.province_p)


CONCLUDED_ON = date(2026, 11, 3)
