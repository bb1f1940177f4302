from pathlib import Path

import pytest

from ocop.criteria import rules

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "data"


@pytest.fixture
def fixture_rules() -> rules.RuleSet:
    return rules.read_rule_set(FIXTURES / "fixture")


@pytest.fixture
def fixture_sheet(fixture_rules: rules.RuleSet) -> rules.Sheet:
    return fixture_rules.sheets[1]


@pytest.fixture
def fixture_data(monkeypatch: pytest.MonkeyPatch):
    """Point the loader at the fixture rule sets ("fixture", "totals") for CLI and page tests."""
    monkeypatch.setattr(rules, "DATA_DIR", FIXTURES)
    rules.load_rule_set.cache_clear()
    yield FIXTURES
    rules.load_rule_set.cache_clear()
