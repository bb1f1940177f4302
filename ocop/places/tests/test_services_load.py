"""places_load() on the real sources: counts, idempotence, updates, refusal."""

import pytest

from ocop.places.models import Commune, HistoricUnit, Province
from ocop.places.services import LoadCount, places_load
from ocop.places.sources import SourceError


@pytest.mark.django_db
def test_load_twice_creates_once_then_changes_nothing():
    first = places_load()
    assert first.provinces == LoadCount(created=34)
    assert first.communes == LoadCount(created=3321)
    assert first.historic_units == LoadCount(created=24)
    assert first.changed is True

    second = places_load()
    assert second.provinces == LoadCount(unchanged=34)
    assert second.communes == LoadCount(unchanged=3321)
    assert second.historic_units == LoadCount(unchanged=24)
    assert second.changed is False
    assert (Province.objects.count(), Commune.objects.count(), HistoricUnit.objects.count()) == (
        34,
        3321,
        24,
    )


@pytest.mark.django_db
def test_load_restores_a_changed_name_and_its_search_key():
    places_load()
    Commune.objects.filter(code="10273").update(name="Xã Cũ", search_key="xa cu")

    report = places_load()

    assert report.communes == LoadCount(updated=1, unchanged=3320)
    commune = Commune.objects.get(code="10273")
    assert (commune.name, commune.search_key) == ("Xã Phú Xuyên", "xa phu xuyen")


@pytest.mark.django_db
def test_load_links_every_former_phu_xuyen_unit_to_a_commune_of_ha_noi():
    places_load()
    district = HistoricUnit.objects.get(level="district", code="280")
    communes = HistoricUnit.objects.filter(parent=district).select_related("successor__province")
    assert communes.count() == 23
    assert {unit.successor.province.code for unit in communes} == {"01"}
    assert {unit.successor.name for unit in communes} == {
        "Xã Phú Xuyên",
        "Xã Phượng Dực",
        "Xã Chuyên Mỹ",
        "Xã Đại Xuyên",
    }
    assert HistoricUnit.objects.get(code="10270").successor.code == "10273"


@pytest.mark.django_db
def test_load_refuses_a_bad_historic_file_and_writes_nothing(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "level,code,name,division_type,parent_code,province_code,successor_code,valid_until\n"
        "commune,10270,Thị trấn Phú Minh,thị trấn,,01,99999,2025-06-30\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="unknown code '99999'"):
        places_load(historic_csv=path)
    assert (Province.objects.count(), Commune.objects.count(), HistoricUnit.objects.count()) == (
        0,
        0,
        0,
    )
