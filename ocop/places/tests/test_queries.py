"""Look-ups on the loaded units: search by code and name, former units to today's communes."""

import unicodedata

import pytest

from ocop.places.models import Commune, HistoricUnit
from ocop.places.queries import communes_of, current_commune_for, current_communes, search_units

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_places")]

PHU_XUYEN = [
    ("Commune", "05773"),
    ("Commune", "10273"),
    ("HistoricUnit", "280"),
    ("HistoricUnit", "10273"),
]


def _keys(units):
    return [(type(unit).__name__, unit.code) for unit in units]


@pytest.mark.parametrize(
    "query",
    [
        "phu xuyen",
        "PHÚ XUYÊN",
        "Phu Xuyen",
        unicodedata.normalize("NFD", "Phú Xuyên"),
        "  phú   xuyên ",
        "phu xuy",
    ],
)
def test_name_search_ignores_case_accents_and_unicode_form(query):
    assert _keys(search_units(query)) == PHU_XUYEN


def test_name_search_matches_d_and_dj():
    assert _keys(search_units("dai xuyen")) == _keys(search_units("Đại Xuyên"))
    assert _keys(search_units("dai xuyen")) == [("Commune", "10333"), ("HistoricUnit", "10336")]


def test_name_search_needs_whole_words_but_the_last():
    # "phu" is the start of "phuong": Phường Bá Xuyên must not match "phu xuyen".
    assert "05533" not in [unit.code for unit in search_units("phu xuyen")]
    assert [unit.code for unit in Commune.objects.search("phuong ba xuyen")] == ["05533"]


def test_code_search_is_exact_and_padded():
    assert _keys(search_units("10273")) == [("Commune", "10273"), ("HistoricUnit", "10273")]
    assert _keys(search_units("1")) == [("Province", "01")]
    assert _keys(search_units("280")) == [("HistoricUnit", "280")]
    assert search_units("1027") == []


def test_unknown_or_empty_query_finds_nothing():
    assert search_units("khong co xa nay") == []
    assert search_units("   ") == []


def test_former_units_lead_to_todays_communes():
    district = HistoricUnit.objects.get(level="district", code="280")
    town = HistoricUnit.objects.get(level="commune", code="10270")
    current = current_communes([district, town])
    assert [c.name for c in current[district.pk]] == [
        "Xã Phú Xuyên",
        "Xã Phượng Dực",
        "Xã Chuyên Mỹ",
        "Xã Đại Xuyên",
    ]
    assert [c.name for c in current[town.pk]] == ["Xã Phú Xuyên"]
    assert current_commune_for("10336").code == "10333"
    assert current_commune_for("99999") is None


def test_communes_of_a_province():
    communes = communes_of("01")
    assert len(communes) == 126
    assert "10273" in [c.code for c in communes]
    taken_over = HistoricUnit.objects.taken_over_by(communes[0])
    assert list(taken_over) == []
