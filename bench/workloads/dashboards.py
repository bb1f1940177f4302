"""The programme dashboard and report against their bare SQL aggregates (issue 11: ≤ 1.5×), on
their own data set (bench/dashboards.py: products, producers, disbursements, courses)."""

from bench.harness import Result
from bench.isolated import run_isolated

QUICK = {"PRODUCTS": 5_000, "PRODUCERS": 2_000, "DISBURSEMENTS": 1_000, "COURSES": 200,
         "CERTIFICATES": 1_500, "HISTORIC": 1_000, "RUNS": 3}  # fmt: skip


def run(context) -> list:
    spec = {"module": "bench.dashboards", "measure": "measure",
            "attrs": QUICK if context.quick else {}}  # fmt: skip
    size = "5,000" if context.quick else "50,000"
    return [  # fmt: skip
        Result(
            f"{name}, ms",
            ours * 1000,
            base * 1000,
            "ms",
            "≤ 1.5×",
            f"{size} products, {queries} queries",
        )
        for name, ours, base, queries in run_isolated(spec, context.log)
    ]
