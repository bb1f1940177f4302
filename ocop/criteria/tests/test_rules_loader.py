"""The loader: the good fixture loads with its precomputed minima; each broken invariant fails
with the file, the criterion and the reason."""

import shutil
from pathlib import Path

import pytest

from ocop.criteria.rules import (
    CriteriaDataError,
    compute_minima,
    load_rule_set,
    read_rule_set,
    rule_set_codes,
)

from .conftest import FIXTURES


def test_fixture_loads_with_allowed_points_and_minima(fixture_rules):
    sheet = fixture_rules.sheets[1]
    assert [c.code for c in sheet.criteria] == ["1.1", "1.2", "1.10", "2.1", "2.2", "3"]
    assert {c.code: c.allowed for c in sheet.criteria} == {
        "1.1": (0, 2, 5, 10),
        "1.2": (0, 4, 10),
        "1.10": (0, 5, 10, 20),
        "2.1": (0, 5),
        "2.2": (0, 10, 20),
        "3": (0, 15, 25, 35),
    }
    assert {c.code: c.minima for c in sheet.criteria} == {
        "1.1": (5, 10, 10),
        "1.2": (0, 0, 10),
        "1.10": (0, 5, 5),  # marker 4 on the criterion: its lowest option from 4★ up
        "2.1": (0, 0, 0),
        "2.2": (10, 10, 10),
        "3": (0, 25, 25),
    }
    assert [c.code for c in sheet.marked] == ["1.1", "1.2", "1.10", "2.2", "3"]
    assert fixture_rules.product_set(1).code == "I.1.a"


def test_totals_only_rule_set_has_no_sheets():
    totals = read_rule_set(FIXTURES / "totals")
    assert (totals.has_sheets, totals.sets, dict(totals.sheets)) == (False, (), {})


def test_yes_no_criterion_with_a_marker_requires_its_maximum():
    assert compute_minima((), 3, 1) == (1, 1, 1)


def test_unknown_code_is_a_key_error():
    with pytest.raises(KeyError):
        load_rule_set("9999-0000")


def _broken(tmp_path: Path, file: str, old: str, new: str) -> Path:
    folder = tmp_path / "fixture"
    shutil.copytree(FIXTURES / "fixture", folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


BROKEN = [
    # (file, old text, new text, criterion named, reason)
    (
        "ruleset.toml",
        'code = "C", name = "Chất lượng sản phẩm", max = 35',
        'code = "C", name = "Chất lượng sản phẩm", max = 36',
        "",
        "parts add up to 101, not 100",
    ),
    (
        "set-01.toml",
        'part = "C"',
        'part = "B"',
        "",
        "groups of part B add up to 60, not 25",
    ),
    (
        "set-01.toml",
        'name = "Tiếp thị"\nmax = 25',
        'name = "Tiếp thị"\nmax = 26',
        "2.1",
        "criteria of group 2 add up to 25, not 26",
    ),
    (
        "set-01.toml",
        'text = "Nguồn gốc sản phẩm"\nmax = 10',
        'text = "Nguồn gốc sản phẩm"\nmax = 12',
        "1.1",
        "max is 12 but the highest option gives 10",
    ),
    (
        "set-01.toml",
        'code = "1.2"',
        'code = "1.1"',
        "1.1",
        "criterion code is not unique in the sheet",
    ),
    (
        "set-01.toml",
        "  points = 4\n",
        "  points = 0\n",
        "1.2",
        "option points are not unique: [0, 0, 10]",
    ),
    (
        "set-01.toml",
        "  points = 5\n  marker = 3",
        "  points = 5\n  marker = 2",
        "1.1",
        "option marker 2 is not 0, 3, 4 or 5",
    ),
    (
        "set-01.toml",
        "  points = 5\n  marker = 3",
        "  points = 5\n  marker = 5",
        "1.1",
        "markers decrease as points rise: [5, 4]",
    ),
    (
        "set-01.toml",
        'text = "Sở hữu trí tuệ"\nmax = 20\nmarker = 4',
        'text = "Sở hữu trí tuệ"\nmax = 20\nmarker = 1',
        "1.10",
        "marker 1 is not 0, 3, 4 or 5",
    ),
    (
        "set-01.toml",
        "yes_no = true",
        "yes_no = false",
        "2.1",
        "no options and not yes_no",
    ),
    (
        "set-01.toml",
        'code = "3"\ngroup = 3',
        'code = "3"\ngroup = 4',
        "3",
        "group 4 is not defined",
    ),
    (
        "set-01.toml",
        'kind = "stop"',
        'kind = "halt"',
        "3",
        "rules_text kind 'halt' is unknown",
    ),
    (
        "set-01.toml",
        "  points = 15\n",
        '  points = "mười lăm"\n',
        "3",
        "bad value: ValueError(\"invalid literal for int() with base 10: 'mười lăm'\")",
    ),
    ("set-01.toml", "set = 1", "set = 2", "", "set is 2, expected 1"),
]


@pytest.mark.parametrize(("file", "old", "new", "criterion", "reason"), BROKEN)
def test_each_broken_invariant_names_file_criterion_and_reason(
    tmp_path, file, old, new, criterion, reason
):
    folder = _broken(tmp_path, file, old, new)
    with pytest.raises(CriteriaDataError) as caught:
        read_rule_set(folder)
    assert (caught.value.file, caught.value.criterion, caught.value.reason) == (
        str(folder / file),
        criterion,
        reason,
    )
    assert str(caught.value) == f"{folder / file}: criterion {criterion or '-'}: {reason}"


def test_equal_option_points_pass_when_a_correction_explains_them(tmp_path):
    # 26-2026 set 7, 3.1 keeps two options at 1 point as printed, with a [[corrections]] entry.
    folder = _broken(tmp_path, "set-01.toml", "  points = 4\n", "  points = 0\n")
    text = (folder / "set-01.toml").read_text(encoding="utf-8")
    text = text.replace('criterion = "1.1"\nwhat', 'criterion = "1.2"\nwhat')
    (folder / "set-01.toml").write_text(text, encoding="utf-8")
    assert read_rule_set(folder).sheets[1].criterion("1.2").allowed == (0, 10)


def test_invalid_toml_names_the_file(tmp_path):
    folder = _broken(tmp_path, "set-01.toml", 'name = "Rau', "name = Rau")
    with pytest.raises(CriteriaDataError) as caught:
        read_rule_set(folder)
    assert caught.value.file == str(folder / "set-01.toml")
    assert caught.value.reason.startswith("not valid TOML: ")


@pytest.mark.parametrize("code", ["../data/26-2026", "./26-2026", "x" * 5000, "26-2026/"])
def test_a_code_is_checked_against_the_folders_before_any_path(code):
    with pytest.raises(KeyError):
        load_rule_set(code)


def test_the_cache_holds_only_known_rule_sets():
    for index in range(50):
        with pytest.raises(KeyError):
            load_rule_set("./" * index + "../data/26-2026")
    load_rule_set("26-2026")
    assert load_rule_set.cache_info().currsize <= len(rule_set_codes())
