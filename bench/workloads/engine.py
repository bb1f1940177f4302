"""Scoring engine: score random valid sheets of 26-2026 against a plain loop summing the same
answers (goal ≤ 5×).

Both are timed on chunks of 500 sheets, alternately, keeping each chunk's best: a chunk (a few
milliseconds) can run between two preemptions of this shared machine, a pass over 10,000 sheets
cannot, and the longer side would otherwise carry more of the other work's time."""

from bench.bench_scoring import baseline, random_cases, scoring
from bench.harness import Result, best_of

CHUNK = 500


def run(context) -> list:
    cases = random_cases(2_000 if context.quick else 10_000)
    assert scoring(cases) == baseline(cases)
    repeat = 15 if context.quick else 30
    ours = theirs = 0.0
    for start in range(0, len(cases), CHUNK):
        chunk = cases[start : start + CHUNK]
        best_ours, best_theirs = best_of(
            lambda c=chunk: scoring(c), lambda c=chunk: baseline(c), repeat
        )
        ours, theirs = ours + best_ours, theirs + best_theirs
    per = 1e6 / len(cases)
    return [Result("scoring engine, µs per sheet", ours * per, theirs * per, "µs", "≤ 5×",
                   f"{len(cases)} sheets, best of {repeat} per chunk of {CHUNK}")]  # fmt: skip
