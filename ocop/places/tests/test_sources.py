"""The source readers: pure, no database."""

import pytest

from ocop.places import sources


def test_official_units_have_zero_padded_codes():
    provinces = sources.official_provinces()
    communes = sources.official_communes()
    assert len(provinces) == 34
    assert len(communes) == 3321
    assert provinces[0] == sources.UnitRow("01", "Thành phố Hà Nội", "thành phố trung ương")
    phu_xuyen = next(row for row in communes if row.code == "10273")
    assert phu_xuyen == sources.UnitRow("10273", "Xã Phú Xuyên", "xã", "01")


def test_historic_units_file_lists_phu_xuyen_district_first():
    rows = sources.historic_units()
    assert len(rows) == 24
    assert (rows[0].level, rows[0].code, rows[0].name) == ("district", "280", "Huyện Phú Xuyên")
    assert {row.parent_code for row in rows[1:]} == {"280"}
    assert {row.valid_until.isoformat() for row in rows} == {"2025-06-30"}


def test_historic_units_file_rejects_unknown_parent(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "# comment\n"
        "level,code,name,division_type,parent_code,province_code,successor_code,valid_until\n"
        "commune,10270,Thị trấn Phú Minh,thị trấn,999,01,10273,2025-06-30\n",
        encoding="utf-8",
    )
    with pytest.raises(sources.SourceError, match="unknown parent 999"):
        sources.historic_units(path)


def test_historic_units_file_rejects_unknown_level(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "level,code,name,division_type,parent_code,province_code,successor_code,valid_until\n"
        "ward,10270,Thị trấn Phú Minh,thị trấn,,01,10273,\n",
        encoding="utf-8",
    )
    with pytest.raises(sources.SourceError, match="unknown level 'ward'"):
        sources.historic_units(path)
