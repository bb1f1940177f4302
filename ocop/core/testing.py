"""Test helper: the same request N times at once, for the "exactly one effect" checks (issue 9.2).

Each call runs in its own thread, hence on its own database connection (file SQLite with IMMEDIATE
transactions, or PostgreSQL); a barrier releases them together. Use in tests marked
`django_db(transaction=True)`, so the threads see the committed fixtures.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

REFUSALS = (ValidationError, PermissionDenied)


@dataclass
class Race:
    results: list[Any] = field(default_factory=list)  # what each accepted call returned
    refusals: list[Exception] = field(default_factory=list)  # ValidationError / PermissionDenied
    errors: list[BaseException] = field(default_factory=list)  # anything else: a bug


def run_at_once(call: Callable[[], Any], times: int = 10) -> Race:
    """Start `times` threads on a barrier, each calling `call` once. A refusal (ValidationError,
    PermissionDenied) is an expected outcome for the losers; any other exception is recorded in
    `errors` (and fails `assert_one_effect`)."""
    race, guard = Race(), threading.Lock()
    barrier = threading.Barrier(times)

    def worker() -> None:
        try:
            barrier.wait()
            result = call()
        except REFUSALS as refusal:
            with guard:
                race.refusals.append(refusal)
        except BaseException as error:  # reported to the test: a thread must not swallow it
            with guard:
                race.errors.append(error)
        else:
            with guard:
                race.results.append(result)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return race


def assert_one_effect(race: Race, times: int = 10, *, silent_repeats: bool = False) -> None:
    """Exactly one call was accepted and the others refused; with `silent_repeats` the repeats may
    instead return quietly (an idempotent action: the caller then counts the effect itself)."""
    assert race.errors == [], race.errors
    counts = (len(race.results), len(race.refusals))
    if silent_repeats:
        assert sum(counts) == times, counts
    else:
        assert counts == (1, times - 1), f"accepted, refused: {counts}; {race.refusals[:2]}"
