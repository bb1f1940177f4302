"""Catalogue and officer search at national scale (issue 14: p95 ≤ 50 ms for every role) against
the bare unindexed LIKE count over the same products, on its own data set (bench/search.py)."""

from bench.harness import Result
from bench.isolated import run_isolated


def run(context) -> list:
    count = 5_000 if context.quick else 50_000
    spec = {"module": "bench.search", "setup": [["prepare", [count]]], "measure": "measure_p95",
            "kwargs": {"runs": 1 if context.quick else 3}}  # fmt: skip
    return [
        Result(f"{name}, ms", ours, base, "ms", "p95 ≤ 50 ms", f"{count:,} products")
        for name, ours, base in run_isolated(spec, context.log)
    ]
