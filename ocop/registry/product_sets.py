"""Product sets by rule set: (rules code, set number) → code, name, type. No Django.

Reads the criteria app's loader; while that loader refuses a rule set (its data is still being
repaired), falls back to the rule set's classification.toml, which is all the registry needs.
"""

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

CURRENT_RULES = "26-2026"
DATA_DIR = Path(__file__).resolve().parent.parent / "criteria" / "data"


@dataclass(frozen=True)
class SetInfo:
    rules: str
    number: int
    code: str
    name: str
    type: str

    @property
    def label(self) -> str:
        return f"{self.number}. {self.name}"


def sets_of(rules: str) -> dict[int, SetInfo]:
    """The product sets of a rule set by number; empty when the rule set has none. The code is
    checked against the rule set folders before it touches a path or the cache, so the cache
    holds at most one entry per rule set."""
    if rules not in _codes_in(DATA_DIR):
        return {}
    return _sets_of_known(rules)


@functools.cache
def _sets_of_known(rules: str) -> dict[int, SetInfo]:
    try:
        from ocop.criteria.rules import load_rule_set

        rule_set = load_rule_set(rules)
        return {s.number: SetInfo(rules, s.number, s.code, s.name, s.type) for s in rule_set.sets}
    except Exception:  # the loader is optional here: any failure means "read the TOML"
        return _sets_from_toml(rules)


def _sets_from_toml(rules: str) -> dict[int, SetInfo]:
    path = DATA_DIR / rules / "classification.toml"
    if not path.is_file():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        int(s["number"]): SetInfo(rules, int(s["number"]), s["code"], s["name"], s["type"])
        for s in data.get("sets", [])
    }


@functools.cache
def types_of(rules: str) -> dict[str, str]:
    """The product types (I … VI) of a rule set: code → name; empty when it has none."""
    if rules not in _codes_in(DATA_DIR):
        return {}
    data = tomllib.loads((DATA_DIR / rules / "classification.toml").read_text(encoding="utf-8"))
    return {str(t["code"]): str(t["name"]) for t in data.get("types", [])}


def rules_with_sets() -> list[str]:
    """Rule set codes that classify products, newest first by code year."""
    return sorted(_codes_in(DATA_DIR), key=lambda c: c.split("-")[-1], reverse=True)


def is_rule_set(code: object) -> bool:
    return isinstance(code, str) and code in _codes_in(DATA_DIR)


@functools.cache
def _codes_in(folder: Path) -> frozenset[str]:
    return frozenset(p.name for p in folder.iterdir() if (p / "classification.toml").is_file())


def find_set(rules: str, number: int | None) -> SetInfo | None:
    if number is None:
        return None
    return sets_of(rules).get(number)


def set_choices(rules: str = CURRENT_RULES) -> list[tuple[int, str]]:
    return [(n, s.label) for n, s in sorted(sets_of(rules).items())]
