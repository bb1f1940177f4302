"""REST API benchmark: the product list of /api/v1/ at 50,000 products against the bare query.

Standalone: `.venv/bin/python bench/api.py [COUNT]` (a temporary SQLite database through
OCOP_DATA_DIR, or the PostgreSQL of DATABASE_URL: it then creates and drops a test database).
Importable: `populate(count)` fills the current database, `measure()` returns
[(workload, ocop_ms, baseline_ms)], medians of several runs. Target (issue 12): the API list at most
2× the bare query, i.e. the same page read with a plain queryset (count + rows + certificates).
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

WORKLOADS = [
    ("GET /api/v1/products/ (50 per page)", "/api/v1/products/", {}),
    ("GET /api/v1/products/?stars=4&province=01", "/api/v1/products/?stars=4&province=01",
     {"current_stars__in": [4], "producer__commune__province__code": "01"}),
    ("GET /api/v1/products/?page=200", "/api/v1/products/?page=200", {}),
]  # fmt: skip


def populate(count: int = 50_000) -> None:
    """`count` public products (4 in 5 in force), each with its certificate, over a few communes."""
    from ocop.accounts.testing import make_territory
    from ocop.certificates.models import Certificate
    from ocop.registry.models import Producer, Product

    territory = make_territory()
    communes = [territory.commune_x, territory.commune_y, territory.commune_z]
    producers = Producer.objects.bulk_create(
        Producer(
            legal_form="cooperative",
            name=f"HTX số {n}",
            tax_code=f"9{n:09d}",
            commune=communes[n % 3],
            search_key=f"htx so {n}",
        )  # fmt: skip
        for n in range(count // 10)
    )
    statuses = ["valid", "valid", "expiring", "valid", "expired"]
    products = Product.objects.bulk_create(
        (
            Product(
                producer=producers[n % len(producers)],
                name=f"Mật ong loại {n}",
                set_number=4,
                code=f"01-10273-{n:06d}-2026",
                current_stars=None if n % 5 == 4 else 3 + n % 3,
                certificate_status=statuses[n % 5],
                search_key=f"mat ong loai {n}",
            )  # fmt: skip
            for n in range(count)
        ),
        batch_size=2000,
    )
    Certificate.objects.bulk_create(
        (
            Certificate(
                number=f"{n:06d}/2026/GCN-01",
                product=p,
                product_name=p.name,
                producer_name="HTX",
                producer_address="Hà Nội",
                stars=p.current_stars or 3,
                rules="26-2026",
                authority_name="UBND thành phố Hà Nội",
                authority_level="province",
                decision_number=f"{n % 40}/QĐ-UBND",
                decision_date=date(2026, 6, 30),
                issue_date=date(2026, 6, 30),
                valid_until=date(2029, 6, 30),
                status="expired" if n % 5 == 4 else "valid",
                token=f"t{n:031d}",
            )  # fmt: skip
            for n, p in enumerate(products)
        ),
        batch_size=2000,
    )


def _median_ms(run, repeat: int) -> float:
    run()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _bare(filters: dict, page: int):
    """The same page read straight: count, 50 rows with producer and places, their certificates."""
    from ocop.certificates.models import Certificate
    from ocop.registry.models import Product

    def run():
        rows = Product.objects.filter(
            archived_at__isnull=True, certificate_status__in=["valid", "expiring"], **filters
        ).exclude(code="")
        rows.count()
        found = list(
            rows.select_related("producer__commune__province").order_by("code")[
                (page - 1) * 50 : page * 50
            ]
        )
        list(Certificate.objects.filter(product__in=found))

    return run


def measure(repeat: int = 15) -> list[tuple[str, float, float]]:
    from django.test import Client, override_settings

    client = Client(HTTP_HOST="localhost")  # an allowed host outside the test runner
    figures = []
    with override_settings(API_THROTTLE_RATE="1000000/minute"):
        for name, path, filters in WORKLOADS:
            page = int(path.split("page=")[1]) if "page=" in path else 1

            def call(path=path):
                response = client.get(path)
                assert response.status_code == 200, response.content[:200]

            figures.append(
                (name, _median_ms(call, repeat), _median_ms(_bare(filters, page), repeat))
            )
    return figures


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("OCOP_DATA_DIR", tempfile.mkdtemp(prefix="ocop-bench-api-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("OCOP_SECRET_KEY", "bench")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import get_runner

    runner = get_runner(django.conf.settings)(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        start = time.perf_counter()
        populate(count)
        print(f"{count:,} products in {time.perf_counter() - start:.1f} s ({connection.vendor})")
        for name, ocop, baseline in measure():
            print(
                f"{name:45} {ocop:8.2f} ms  bare {baseline:7.2f} ms  ratio {ocop / baseline:4.2f}"
            )
    finally:
        runner.teardown_databases(old)


if __name__ == "__main__":
    main()
