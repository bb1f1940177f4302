"""One search box over product names, producer names, tax codes and product codes."""

import unicodedata

import pytest
from django.urls import reverse

from ocop.accounts.testing import client_for
from ocop.registry import services


def found(personas, query, **params):
    response = client_for(personas["central"]).get(
        reverse("registry:product_list"), {"q": query, **params}
    )
    assert response.status_code == 200
    return sorted(p.name for p in response.context["page"])


@pytest.mark.parametrize(
    "query",
    ["ga lac thuy", "GÀ LẠC THỦY", unicodedata.normalize("NFD", "Gà Lạc Thủy"), "  lac   GA "],
)
def test_spellings_find_the_product(personas, registry, query):
    assert found(personas, query) == ["Gà Lạc Thủy"]


def test_duong_finds_duong_with_stroke(personas, registry):
    assert found(personas, "duong") == ["Đường phèn Phượng Dực"]


def test_search_by_producer_name_tax_code_and_code(personas, registry):
    assert found(personas, "htx nong nghiep") == ["Gà Lạc Thủy"]
    assert found(personas, registry.producer_z.tax_code) == ["Cà phê Sài Gòn"]
    code = services.product_assign_code(product=registry.product_y, year=2026)
    assert found(personas, code) == ["Đường phèn Phượng Dực"]


def test_filters_and_archived(personas, registry, territory):
    assert found(personas, "", set="13") == ["Cà phê Sài Gòn"]
    assert found(personas, "", commune=territory.commune_y.code) == ["Đường phèn Phượng Dực"]
    assert found(personas, "", legal_form="household") == ["Cà phê Sài Gòn"]
    registry.product_x.current_stars = 4
    registry.product_x.certificate_status = "valid"
    registry.product_x.save()
    assert found(personas, "", stars="4") == ["Gà Lạc Thủy"]
    assert found(personas, "", certificate="valid") == ["Gà Lạc Thủy"]
    assert found(personas, "", stars="none") == ["Cà phê Sài Gòn", "Đường phèn Phượng Dực"]
    services.product_set_archived(
        actor=personas["admin"], product=registry.product_z, archived=True
    )
    assert found(personas, "") == ["Gà Lạc Thủy", "Đường phèn Phượng Dực"]
    assert found(personas, "", archived="1") == ["Cà phê Sài Gòn"]


def test_sorting_and_producer_search(personas, registry):
    response = client_for(personas["central"]).get(
        reverse("registry:product_list"), {"sort": "-name"}
    )
    assert [p.name for p in response.context["page"]] == [
        "Gà Lạc Thủy", "Đường phèn Phượng Dực", "Cà phê Sài Gòn"
    ]  # fmt: skip
    response = client_for(personas["central"]).get(
        reverse("registry:producer_list"), {"q": "DUONG"}
    )
    assert [p.name for p in response.context["page"]] == ["Công ty TNHH Đường Phượng Dực"]
