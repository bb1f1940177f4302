"""Scoring engine: score random valid sheets of 26-2026 against a plain loop summing the same
answers (goal ≤ 5×)."""

from bench.bench_scoring import baseline, random_cases, scoring
from bench.harness import Result, best_of


def run(context) -> list:
    cases = random_cases(2_000 if context.quick else 10_000)
    assert scoring(cases) == baseline(cases)
    ours, theirs = best_of(
        lambda: scoring(cases), lambda: baseline(cases), 15 if context.quick else 30
    )
    per = 1e6 / len(cases)
    return [Result("scoring engine, µs per sheet", ours * per, theirs * per, "µs", "≤ 5×")]
