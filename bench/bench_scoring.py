"""Benchmark: score 10,000 random valid sheets of 26-2026 and compare with a plain sum.

Run from the repository root: `.venv/bin/python bench/bench_scoring.py [count]`.
Standalone (no pytest, no Django settings): the engine and the loader are pure modules.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ocop.criteria.engine import score_sheet  # noqa: E402
from ocop.criteria.rules import Sheet, load_rule_set  # noqa: E402


def random_cases(count: int, seed: int = 2026) -> list[tuple[Sheet, dict[str, int]]]:
    rng = random.Random(seed)
    sheets = list(load_rule_set("26-2026").sheets.values())
    cases = []
    for _ in range(count):
        sheet = rng.choice(sheets)
        cases.append((sheet, {c.code: rng.choice(c.allowed) for c in sheet.criteria}))
    return cases


def baseline(cases: list[tuple[Sheet, dict[str, int]]]) -> int:
    grand = 0
    for _, answers in cases:
        total = 0
        for points in answers.values():
            total += points
        grand += total
    return grand


def scoring(cases: list[tuple[Sheet, dict[str, int]]]) -> int:
    grand = 0
    for sheet, answers in cases:
        grand += score_sheet(sheet, answers).total
    return grand


def timed(function, cases) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = function(cases)
    return time.perf_counter() - start, value


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    cases = random_cases(count)
    scoring(cases[:100])  # warm up
    base_seconds, base_total = timed(baseline, cases)
    seconds, total = timed(scoring, cases)
    assert total == base_total, "the engine and the plain sum disagree"
    print(f"sheets:            {count}")
    print(f"scoring:           {seconds:.4f} s  ({count / seconds:,.0f} sheets/s)")
    print(f"baseline (sum):    {base_seconds:.4f} s  ({count / base_seconds:,.0f} sheets/s)")
    print(f"ratio:             {seconds / base_seconds:.1f} × the plain sum")
    print(f"per sheet:         {seconds / count * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
