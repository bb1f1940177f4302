"""The REST API's product list against the bare query behind it (issue 12: ≤ 2×), on its own
data set of public products (bench/api.py)."""

from bench.api import WORKLOADS
from bench.harness import Result
from bench.isolated import run_isolated


def run(context) -> list:
    count = 5_000 if context.quick else 50_000
    spec = {"module": "bench.api", "setup": [["populate", [count]]], "measure": "measure",
            "kwargs": {"repeat": 5 if context.quick else 15}}  # fmt: skip
    if context.quick:  # 4,000 in force: 80 pages of 50, so a deep page is page 50, not 200
        spec["attrs"] = {"WORKLOADS": [
            [name.replace("page=200", "page=50"), path.replace("page=200", "page=50"), filters]
            for name, path, filters in WORKLOADS
        ]}  # fmt: skip
    return [
        Result(f"{name[4:]}, ms", ours, base, "ms", "≤ 2×", f"{count:,} public products")
        for name, ours, base in run_isolated(spec, context.log)
    ]
