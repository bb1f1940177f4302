"""SQLite's substring index for the search keys (ADR 0008, issue 14).

PostgreSQL answers `key LIKE '%word%'` from its trigram indexes (registry migration 0003). SQLite
has no such index, so every search walked all 50,000 keys once per query. Here each searched key
gets an FTS5 table with the trigram tokenizer, kept in step with its table by triggers (so
`save()`, `bulk_create()`, `update()` and deletes all reach it), and `contains_all()` asks it for
the rows that hold every word of three characters or more: a trigram phrase matches exactly the
keys that contain the word, as `LIKE` does. Shorter words (a trigram index cannot look them up)
stay `LIKE` conditions on the rows the index found.

The tables are external-content tables (they store the index, not a copy of the keys). They are
made, and their triggers checked, after every `migrate` (`ensure`, connected to post_migrate in
apps.py): Django remakes a SQLite table to alter it, which drops its triggers, so a later
migration of these tables is healed by the next `migrate`, which rebuilds the index.
"""

from typing import TypeVar

from django.db import OperationalError, connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

Rows = TypeVar("Rows", bound=QuerySet)

# (table, key column): every key that a list or the catalogue searches by substring.
INDEXED = (
    ("registry_product", "public_key"),
    ("registry_product", "search_key"),
    ("registry_producer", "search_key"),
)
SHORTEST = 3  # a trigram index finds words of three characters or more
# Up to this many keys found, the rows are read by the index's row ids and sorted; more, and
# walking the table's key index in order (testing each key) finds the first matches sooner. For
# a list that reads its first 1,001 matches (core.paging.SearchPaginator); the catalogue, which
# reads 2,501, passes its own (measured at 50,000 products: bench/README.md).
FEW_FOUND = 2000


def index_name(table: str, column: str) -> str:
    return f"{table}_{column}_fts"


def _statements(table: str, column: str) -> dict[str, str]:
    """The triggers that keep the index of table.column in step, by name."""
    fts = index_name(table, column)
    remove = f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
    add = f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column});"
    return {
        f"{fts}_insert": f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"{fts}_delete": f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"{fts}_update": f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {column} ON {table} "
        f"BEGIN {remove} {add} END",
    }


def ensure(using: str = "default") -> list[str]:
    """Makes each missing index (or its missing triggers) and rebuilds it from its table; returns
    the indexes rebuilt. Nothing to do on other databases."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return []
    rebuilt = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {row[0] for row in cursor.fetchall()}
        for table, column in INDEXED:
            if table not in present:
                continue
            fts = index_name(table, column)
            triggers = _statements(table, column)
            if fts in present and all(name in present for name in triggers):
                continue
            if fts not in present:
                cursor.execute(
                    f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', "
                    "content_rowid='id', tokenize='trigram')"
                )
            for name, statement in triggers.items():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
                cursor.execute(statement)
            cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
            rebuilt.append(fts)
    return rebuilt


def on_migrate(sender, using: str = "default", **kwargs) -> None:
    ensure(using)


def contains_all(
    queryset: Rows, column: str, terms: list[str], indexed: bool = True, few: int = 0
) -> Rows:
    """The rows whose `column` contains every term (search keys, see ocop.core.text): on SQLite
    through the index for the terms it can look up, when it finds at most `few` keys (default
    FEW_FOUND), as `LIKE` conditions for the rest. `indexed=False`: `LIKE` only (for rows
    already narrowed to a few thousand)."""
    table = queryset.model._meta.db_table
    indexed_terms = [term for term in terms if len(term) >= SHORTEST] if indexed else []
    if (table, column) in INDEXED and indexed_terms and connections[queryset.db].vendor == "sqlite":
        fts = index_name(table, column)
        phrase = " AND ".join('"' + term.replace('"', '""') + '"' for term in indexed_terms)
        if _few(queryset.db, fts, phrase, few or FEW_FOUND):
            found = RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [phrase])  # noqa: S611
            queryset = queryset.filter(pk__in=found)
            terms = [term for term in terms if len(term) < SHORTEST]
    for term in terms:
        queryset = queryset.filter(**{f"{column}__contains": term})
    return queryset


def _few(using: str, fts: str, phrase: str, few: int) -> bool:
    """Whether the index finds at most `few` keys for the phrase (it counts them in its own
    posting lists, without reading the table). False without the index (a database not yet
    migrated by this version, say): the search then tests every key, as before."""
    try:  # (SQLite only: a failed statement leaves its transaction as it was, no savepoint needed)
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH %s LIMIT %s)",
                [phrase, few + 1],
            )
            return cursor.fetchone()[0] <= few
    except OperationalError:
        return False
