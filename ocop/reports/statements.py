"""The programme report's aggregate queries as compiled SQL, kept per process.

A figure's query depends on the unit, the period and the database, never on the data: Django
builds and compiles it the first time a report of that unit and period asks for it, and later
reports run the same SQL with the same parameters. Every figure still reads the live rows; only
the building is saved (for a commune's dashboard on PostgreSQL, building and compiling its nested
querysets took longer than the database took to run them: issue 11).

The key must name everything the query is built from (the unit's kind and the primary keys in
it, the years, the date); the compiled parameters are primary keys, years and dates only.
"""

from collections import OrderedDict
from collections.abc import Callable, Sequence
from threading import Lock
from typing import Any

from django.db import connections, router
from django.db.models import Model, QuerySet

LIMIT = 2_000  # statements kept; the oldest used goes first

_compiled: OrderedDict[tuple, tuple[str, tuple]] = OrderedDict()
_lock = Lock()


def sql_of(queryset: QuerySet) -> tuple[str, Sequence[Any]]:
    """The SQL and parameters Django would run for this queryset on its database."""
    return queryset.query.get_compiler(using=queryset.db).as_sql()


def fetch(key: tuple, using: str, build: Callable[[], tuple[str, Sequence[Any]]]) -> list[tuple]:
    """The rows of the statement `build` makes (called once per key and database)."""
    sql, params = compiled(key, using, build)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def instances(key: tuple, model: type[Model], build: Callable[[], QuerySet]) -> list[Any]:
    """The model instances of the queryset `build` makes (its extra columns, such as
    annotations, become attributes; it must select no related table's columns)."""
    using = router.db_for_read(model)
    sql, params = compiled(key, using, lambda: sql_of(build()))
    return list(model._default_manager.db_manager(using).raw(sql, params))


def compiled(
    key: tuple, using: str, build: Callable[[], tuple[str, Sequence[Any]]]
) -> tuple[str, tuple]:
    full = (using, *key)
    with _lock:
        found = _compiled.get(full)
        if found is not None:
            _compiled.move_to_end(full)
    if found is None:
        sql, params = build()
        found = (sql, tuple(params))
        with _lock:
            _compiled[full] = found
            while len(_compiled) > LIMIT:
                _compiled.popitem(last=False)
    return found


def clear() -> None:
    with _lock:
        _compiled.clear()
