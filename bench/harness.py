"""What every workload module shares: its result line, and timing against a baseline.

A workload module in bench/workloads/ exposes `run(context) -> list[Result]`; bench/main.py finds
every module there, so a new workload is a new file. Timings interleave the measured function and
its baseline and keep the best of each (a 2-core machine shared with other work is noisy; the best
run is the one least disturbed), and report their ratio, never a pass/fail.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Result:
    workload: str
    ocop: float
    baseline: float
    unit: str  # "ms", "req/s"…
    goal: str = ""  # e.g. "≤ 5×", "≥ 0.60×"
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ocop / self.baseline if self.baseline else float("inf")


@dataclass
class Context:
    database: str  # "sqlite" or "postgresql"
    quick: bool
    dataset: Any  # bench.dataset.Dataset
    log: Callable[[str], None]
    extra: dict = field(default_factory=dict)


def best_of(
    measured: Callable[[], object], baseline: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Best seconds of each, run alternately `repeat` times."""
    ours, theirs = float("inf"), float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        baseline()
        theirs = min(theirs, time.perf_counter() - start)
        start = time.perf_counter()
        measured()
        ours = min(ours, time.perf_counter() - start)
    return ours, theirs


def line(result: Result, database: str) -> str:
    digits = 0 if result.unit == "req/s" else 2
    note = f"  ({result.note})" if result.note else ""
    goal = f" goal {result.goal}" if result.goal else ""
    return (
        f"{result.workload:<34} | {result.ocop:>10,.{digits}f} {result.unit:<5} | "
        f"{result.baseline:>10,.{digits}f} {result.unit:<5} | {result.ratio:>6.2f}×{goal} | {database}{note}"
    )
