"""Checks on historic results: stars within the band of the total, and an authority level and
rule set that fit the stars and the decision date or year."""

import pytest

from ocop.certificates import history

pytestmark = pytest.mark.django_db


def row(product, **values):
    base = {
        "product_id": str(product.pk),
        "year": "2020",
        "rules": "1048-2019",
        "total": "",
        "stars": "3",
        "authority_name": "UBND thành phố Hà Nội",
        "authority_level": "province",
        "decision_date": "20/12/2020",
    }
    return base | values


def errors_of(*rows):
    return [str(error) for error in history.validate(list(rows))[1]]


def test_stars_above_the_band_of_the_total_are_refused(product_p):
    assert errors_of(
        row(product_p, total="85", stars="5", authority_level="central", authority_name="Bộ"),
        row(product_p, year="2019", total="89.99", stars="5", authority_level="central",
            authority_name="Bộ", decision_date="20/12/2019"),
        row(product_p, year="2018", total="49.5", stars="3", decision_date="20/12/2018"),
    ) == [
        "Dòng 2, cột stars: tổng điểm 85 chỉ đạt hạng 4 sao, không thể xếp 5 sao.",
        "Dòng 3, cột stars: tổng điểm 89.99 chỉ đạt hạng 4 sao, không thể xếp 5 sao.",
        "Dòng 4, cột stars: tổng điểm 49.5 chỉ đạt hạng 2 sao, không thể xếp 3 sao.",
    ]  # fmt: skip


def test_stars_below_the_band_are_accepted_minima_lower_the_class(product_p):
    clean, errors = history.validate([row(product_p, total="85", stars="3")])
    assert errors == []
    assert (clean[0]["stars"], str(clean[0]["total"])) == (3, "85")


def test_authority_level_and_rules_must_fit_the_stars_and_date(product_p):
    assert errors_of(
        row(product_p, authority_name="UBND huyện Phú Xuyên", authority_level="district_historic"),
        row(product_p, year="2019", stars="5", decision_date="20/12/2019"),
        row(product_p, year="2024", rules="148-2023", stars="4", decision_date="",
            authority_level="district_historic"),
        row(product_p, year="2023", stars="4", decision_date="01/03/2023"),
        row(product_p, year="2021", total="60", stars="3", authority_level="central"),
    ) == [
        "Dòng 2, cột authority_level: Cấp huyện chỉ công nhận sản phẩm 3 sao theo quyết định từ "
        "24/02/2023 đến 30/06/2025 (Quyết định 148/QĐ-TTg), không phải ngày 20/12/2020.",
        "Dòng 3, cột authority_level: Sản phẩm 5 sao do cấp trung ương công nhận, không phải "
        "cấp “Tỉnh/thành phố”.",
        "Dòng 4, cột authority_level: Cấp huyện chỉ công nhận sản phẩm 3 sao, không công nhận "
        "sản phẩm 4 sao.",
        "Dòng 5, cột rules: Bộ tiêu chí 1048-2019 không có hiệu lực ngày 01/03/2023; bộ tiêu "
        "chí có hiệu lực: 148-2023.",
        "Dòng 6, cột authority_level: Cấp trung ương chỉ công nhận sản phẩm 5 sao, không công "
        "nhận sản phẩm 3 sao.",
    ]  # fmt: skip


def test_without_a_decision_date_the_year_decides(product_p):
    district = {"authority_name": "UBND huyện Phú Xuyên", "authority_level": "district_historic"}
    assert errors_of(
        row(product_p, year="2023", rules="1048-2019", decision_date="", **district),
        row(product_p, year="2022", rules="148-2023", decision_date="", **district),
        row(product_p, year="2025", rules="148-2023", decision_date="", stars="2",
            authority_level="central"),
    ) == [
        "Dòng 3, cột authority_level: Cấp huyện chỉ công nhận sản phẩm 3 sao theo quyết định từ "
        "24/02/2023 đến 30/06/2025 (Quyết định 148/QĐ-TTg), không phải năm 2022.",
        "Dòng 3, cột rules: Bộ tiêu chí 148-2023 không có hiệu lực năm 2022; bộ tiêu chí có "
        "hiệu lực: 1048-2019.",
    ]  # fmt: skip
