"""Test helpers shared by the apps.

- `run_at_once` / `assert_one_effect`: the same request N times at once, for the "exactly one
  effect" checks (issue 9.2).
- `assert_styled_sheet`: what `ocop.core.spreadsheet_style` promises, read back from a saved file.

The concurrent calls each run in its own thread, hence on its own database connection (file SQLite with IMMEDIATE
transactions, or PostgreSQL); a barrier releases them together. Use in tests marked
`django_db(transaction=True)`, so the threads see the committed fixtures.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from ocop.core.spreadsheet_style import PAPER_A4

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


def assert_styled_sheet(ws, *, header_row: int = 1, validations: bool = False) -> None:
    """Frozen bold header, auto-filter from the header, A4 landscape one page wide with the header
    repeated, and (if `validations`) drop-downs that alert on other values."""
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.auto_filter.ref.startswith(f"A{header_row}:")
    assert all(cell.font.b for cell in ws[header_row] if cell.value not in (None, ""))
    setup = ws.page_setup
    assert (setup.orientation, int(setup.paperSize)) == ("landscape", PAPER_A4)
    # fitToWidth left out is the OOXML default, 1 (XlsxWriter writes only other values).
    assert (int(setup.fitToWidth or 1), int(setup.fitToHeight)) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    for cell in ws[header_row]:
        if cell.value not in (None, ""):
            longest = max(len(word) for word in str(cell.value).split())
            assert ws.column_dimensions[cell.column_letter].width >= longest, cell.value
            assert cell.alignment.wrap_text is True
    checks = ws.data_validations.dataValidation
    assert bool(checks) == validations
    for check in checks:
        assert (check.showErrorMessage, check.errorStyle) == (True, "stop")
        assert check.errorTitle and check.error
