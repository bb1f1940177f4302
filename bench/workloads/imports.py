"""Import of 10,000 product rows (read, check every row, write all in one transaction, one audit
entry) against openpyxl parsing the same file plus one bulk insert of the same products (goal
≤ 1.5×). Both write inside a transaction that is rolled back, so the data set stays as built."""

import io

from django.db import transaction
from openpyxl import Workbook, load_workbook

from bench.harness import Result, best_of
from ocop.registry.columns import PRODUCT_COLUMNS
from ocop.registry.excel import read_rows
from ocop.registry.imports import import_apply, import_check
from ocop.registry.models import Producer, Product


class _Rollback(Exception):
    pass


def run(context) -> list:
    count = 2_000 if context.quick else 10_000
    owners = list(Producer.objects.filter(commune__code="10273")[:50]) or list(
        Producer.objects.all()[:50]
    )
    content = _sheet(owners, count)
    user = context.dataset.users["bench_central"]

    def ocop():
        plan = import_check("products", read_rows("products", io.BytesIO(content)), user)
        assert plan.ok, plan.errors[:3]
        _rolled_back(lambda: import_apply(actor=user, plan=plan))

    by_tax = {p.tax_code: p for p in owners}

    def baseline():
        sheet = load_workbook(io.BytesIO(content), read_only=True).active
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        products = [Product(producer=by_tax[r[1]], name=r[2], rules="26-2026", set_number=int(r[4]),
                            search_key=r[2].lower()) for r in rows]  # fmt: skip
        _rolled_back(lambda: Product.objects.bulk_create(products, batch_size=1000))

    ours, theirs = best_of(ocop, baseline, 2 if context.quick else 3)
    return [Result(f"import {count:,} product rows, s", ours, theirs, "s", "≤ 1.5×",
                   "vs openpyxl parse + bulk insert")]  # fmt: skip


def _rolled_back(write) -> None:
    try:
        with transaction.atomic():
            write()
            raise _Rollback
    except _Rollback:
        pass


def _sheet(owners, count: int) -> bytes:
    book = Workbook(write_only=True)
    ws = book.create_sheet("Sản phẩm")
    ws.append([c.header for c in PRODUCT_COLUMNS])
    keys = [c.key for c in PRODUCT_COLUMNS]
    for n in range(count):
        values = {"producer_tax_code": owners[n % len(owners)].tax_code, "name": f"Sản phẩm nhập {n}",
                  "rules": "26-2026", "set_number": f"{n % 26 + 1}", "price": 1000 + n}  # fmt: skip
        ws.append([values.get(k) for k in keys])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
