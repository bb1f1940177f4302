"""Registry benchmarks: importing 10,000 product rows, and searching 50,000 products.

Standalone: `.venv/bin/python bench/bench_registry.py`. Uses a temporary SQLite database (through
OCOP_DATA_DIR), runs the migrations, prints figures and their ratio to a baseline in the same run.
Targets (issue 4): import under 30 s; search under 100 ms server time.
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["OCOP_DATA_DIR"] = tempfile.mkdtemp(prefix="ocop-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from ocop.accounts.testing import make_territory, make_user  # noqa: E402
from ocop.registry.columns import PRODUCT_COLUMNS  # noqa: E402
from ocop.registry.excel import read_rows  # noqa: E402
from ocop.registry.imports import import_apply, import_check  # noqa: E402
from ocop.registry.models import Producer, Product  # noqa: E402
from ocop.registry.testing import valid_tax_code  # noqa: E402
from ocop.registry.views_products import product_list  # noqa: E402

WORDS = ["Gà", "Miến", "Bánh", "Chè", "Mật ong", "Nem", "Tương", "Rượu", "Giò", "Cốm", "Đường"]
PLACES = ["Phú Xuyên", "Phượng Dực", "Chuyên Mỹ", "Đại Xuyên", "Nam Triều", "Lạc Thủy"]


def producers(count: int, communes) -> list[Producer]:
    rows = []
    for n in range(count):
        producer = Producer(
            legal_form="cooperative", name=f"HTX số {n} {PLACES[n % len(PLACES)]}",
            tax_code=valid_tax_code(10_000 + n * 3), commune=communes[n % len(communes)],
        )  # fmt: skip
        producer.search_key = producer.make_search_key()
        rows.append(producer)
    return Producer.objects.bulk_create(rows)


def product_name(n: int) -> str:
    return f"{WORDS[n % len(WORDS)]} {PLACES[(n // 11) % len(PLACES)]} loại {n}"


def sheet(owners: list[Producer], count: int, bad_row: int | None = None) -> bytes:
    book = Workbook(write_only=True)
    ws = book.create_sheet("Sản phẩm")
    ws.append([c.header for c in PRODUCT_COLUMNS])
    for n in range(count):
        values = {"producer_tax_code": owners[n % len(owners)].tax_code, "name": product_name(n),
                  "rules": "26-2026", "set_number": f"{n % 26 + 1}", "price": 1000 + n,
                  "gtin": "8934567890120", "bilingual_label": "Có"}  # fmt: skip
        if n == bad_row:
            values["gtin"] = "8934567890121"
        ws.append([values.get(c.key) for c in PRODUCT_COLUMNS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def bench_import(owners) -> None:
    content = sheet(owners, 10_000)
    seconds, (created, _updated) = timed(
        lambda: import_apply(
            actor=None, plan=import_check("products", read_rows("products", io.BytesIO(content)))
        )
    )
    print(f"import 10,000 product rows (read + check + write): {seconds:.2f} s  (target < 30 s)")
    assert created == 10_000
    before = Product.objects.count()
    bad = sheet(owners, 10_000, bad_row=7_777)
    seconds_bad, plan = timed(
        lambda: import_check("products", read_rows("products", io.BytesIO(bad)))
    )
    assert [e.row for e in plan.errors] == [7_779] and Product.objects.count() == before
    print(
        f"check of 10,000 rows with one bad row: {seconds_bad:.2f} s, database unchanged ({before} rows)"
    )


def fill_to(total: int, owners) -> None:
    extra = []
    for n in range(Product.objects.count(), total):
        product = Product(
            producer=owners[n % len(owners)], name=product_name(n), set_number=n % 26 + 1
        )
        product.search_key = product.make_search_key(owners[n % len(owners)])
        extra.append(product)
    Product.objects.bulk_create(extra, batch_size=2000)


def server_ms(request_factory, user, params: dict, runs: int = 15) -> float:
    samples = []
    for _ in range(runs):
        request = request_factory.get("/products/", params)
        request.user = user
        seconds, response = timed(lambda: product_list(request))  # noqa: B023
        assert response.status_code == 200
        samples.append(seconds * 1000)
    return statistics.median(samples)


def main() -> None:
    call_command("migrate", verbosity=0)
    territory = make_territory()
    owners = producers(500, [territory.commune_x, territory.commune_y])
    bench_import(owners)
    fill_to(50_000, owners)
    central = make_user("bench_central", "central")
    commune = make_user(
        "bench_commune", "commune", province=territory.province_p, commune=territory.commune_x
    )
    factory = RequestFactory()
    count_ms = timed(lambda: Product.objects.count())[0] * 1000
    base = server_ms(factory, central, {})
    print(f"products: {Product.objects.count()}; Product.objects.count(): {count_ms:.1f} ms")
    print(f"list, first page, no search (baseline): {base:.1f} ms")
    for user, label in ((central, "central"), (commune, "commune officer")):
        for query in ("ga lac thuy", "GÀ PHÚ XUYÊN", "duong", valid_tax_code(10_000)):
            ms = server_ms(factory, user, {"q": query})
            print(
                f"search {query!r} as {label}: {ms:.1f} ms (×{ms / base:.2f} baseline; target < 100 ms)"
            )


if __name__ == "__main__":
    main()
