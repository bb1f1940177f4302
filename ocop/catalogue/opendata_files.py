"""Open data files: CSV (UTF-8 with BOM), JSON Lines and .xlsx of one table, byte-identical for
the same rows, written whole or not at all. Pure, no Django.

Byte-identical: rows come sorted from the caller; the .xlsx has its document dates and its zip
entries' times fixed (openpyxl stamps "now" into docProps/core.xml and zipfile into every entry).
Whole or not at all: every file is written under a temporary name in the same folder and only
`os.replace`d over the previous one once every file of the build is complete.
"""

import csv
import hashlib
import io
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ocop.core.spreadsheet import safe_row
from ocop.core.spreadsheet_style import table_workbook

FORMATS = ("csv", "jsonl", "xlsx")
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
FIXED_DOC_TIME = "1980-01-01T00:00:00Z"
_DOC_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
Row = Sequence[object]


@dataclass(frozen=True)
class Table:
    name: str  # file stem: "products"
    title: str  # sheet title
    headers: Sequence[str]
    rows: Sequence[Row]


def csv_bytes(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows(safe_row(list(row)) for row in table.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def jsonl_bytes(table: Table) -> bytes:
    lines = [
        json.dumps(dict(zip(table.headers, row, strict=True)), ensure_ascii=False, sort_keys=False)
        for row in table.rows
    ]
    return "".join(line + "\n" for line in lines).encode("utf-8")


def steady_zip(data: bytes) -> bytes:
    """The same zip with fixed entry times and fixed document dates."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _DOC_TIMES.sub(rb"\g<1>" + FIXED_DOC_TIME.encode() + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)
    return out.getvalue()


def xlsx_bytes(table: Table) -> bytes:
    rows = (safe_row(list(row)) for row in table.rows)
    return steady_zip(table_workbook(table.title, list(table.headers), rows))


WRITERS = {"csv": csv_bytes, "jsonl": jsonl_bytes, "xlsx": xlsx_bytes}


@dataclass(frozen=True)
class Written:
    filename: str
    rows: int
    sha256: str
    size: int
    changed: bool  # False when the previous file had the same bytes (left as it was)


@contextmanager
def staged() -> Iterator[dict[str, Path]]:
    """Temporary files to fill (final name → temp path); removed if the block fails."""
    temps: dict[str, Path] = {}
    try:
        yield temps
    finally:
        for temp in temps.values():
            temp.unlink(missing_ok=True)


def stage(folder: Path, filename: str, content: bytes, temps: dict[str, Path]) -> None:
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{filename}.", suffix=".tmp")
    temps[filename] = Path(name)
    with os.fdopen(handle, "wb") as out:
        out.write(content)
        out.flush()
        os.fsync(out.fileno())


def same_bytes(path: Path, digest: str) -> bool:
    return path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == digest


def write_tables(folder: Path, tables: Sequence[Table]) -> list[Written]:
    """Every table in every format: staged first, then each moved into place (a file whose bytes
    did not change is left untouched). Nothing is replaced if any file fails to be made."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Written] = []
    with staged() as temps:
        for table in tables:
            for kind in FORMATS:
                content = WRITERS[kind](table)
                filename = f"{table.name}.{kind}"
                digest = hashlib.sha256(content).hexdigest()
                changed = not same_bytes(folder / filename, digest)
                if changed:
                    stage(folder, filename, content, temps)
                written.append(Written(filename, len(table.rows), digest, len(content), changed))
        for filename, temp in list(temps.items()):
            os.replace(temp, folder / filename)
            del temps[filename]
    return written


def write_json(path: Path, payload: object) -> None:
    """A JSON file replaced whole."""
    with staged() as temps:
        content = json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        stage(path.parent, path.name, content.encode(), temps)
        os.replace(temps.pop(path.name), path)
