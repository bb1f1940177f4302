"""Search at national scale: the public catalogue and the officers' lists over 50,000 products.

Standalone: `.venv/bin/python bench/search.py [PRODUCTS]` builds a temporary SQLite database (or
uses DATABASE_URL, e.g. PostgreSQL: its tables are filled, so use a scratch database), loads the
34 provinces and 3,321 communes, spreads producers and products over all communes, and prints the
server time (the view function, template included) per workload: median and p95.

For other code (bench/run): call `build(products)` once with Django set up and migrated, then
`measure_search(runs)` → [(workload, p50 ms, p95 ms)]. Goal (issue 14): p95 ≤ 50 ms per role.
"""

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

FIRST = ["Mật ong", "Gạo", "Chè", "Bánh", "Nem", "Miến", "Tương", "Rượu", "Giò", "Cốm",
         "Đường phèn", "Nước mắm", "Cà phê", "Hạt điều", "Bưởi", "Vải thiều", "Nhãn", "Tỏi"]  # fmt: skip
SECOND = ["hoa nhãn", "tám thơm", "búp", "đậu xanh", "chua", "dong", "bần", "nếp cẩm", "lụa",
          "làng Vòng", "Phú Quốc", "rang xay", "sấy", "da xanh", "cô đơn", "lý sơn"]  # fmt: skip
FORMS = ["cooperative", "llc", "household", "cooperative_group", "farm", "private_enterprise"]
QUERIES = ["mat ong", "GẠO TÁM", "nuoc mam phu quoc", "duong", "ha noi", "xa", "vai thieu bac",
           "cà phê", "khong co gi ca"]  # fmt: skip


def build(products: int = 50_000, producers: int = 20_000) -> None:
    """Producers over every commune, products with codes, about 80 % recognised (certificates)."""
    from ocop.places.models import Commune
    from ocop.registry.models import Producer, Product
    from ocop.registry.testing import valid_tax_code

    communes = list(Commune.objects.select_related("province").order_by("code"))
    owners = []
    for n in range(producers):
        commune = communes[(n * 7) % len(communes)]
        owner = Producer(legal_form=FORMS[n % len(FORMS)], name=f"HTX {SECOND[n % 16]} số {n}",
                         tax_code=valid_tax_code(500_000 + n * 3), commune=commune)  # fmt: skip
        owner.search_key = owner.make_search_key()
        owners.append(owner)
    owners = Producer.objects.bulk_create(owners, batch_size=2000)
    rows = []
    for n in range(products):
        owner = owners[n % len(owners)]
        recognised = n % 5 != 0
        product = Product(
            producer=owner, name=f"{FIRST[n % 18]} {SECOND[(n // 18) % 16]} {owner.commune.name}",
            set_number=n % 26 + 1, code=f"{owner.commune.province.code}-{owner.commune.code}-"
            f"{n:03d}-2025", current_stars=(3, 3, 4, 4, 5)[n % 5] if recognised else None,
            certificate_status=("valid", "expiring")[n % 2] if recognised else "",
        )  # fmt: skip
        product.refresh_keys(owner)
        rows.append(product)
    rows = Product.objects.bulk_create(rows, batch_size=2000)
    _certificates([p for p in rows if p.certificate_status])


def _certificates(products) -> None:
    from ocop.certificates.models import Certificate
    from ocop.certificates.signing import new_token

    rows = []
    for n, product in enumerate(products):
        day = date(2023 + n % 4, 6, 1) + timedelta(days=n % 150)
        rows.append(Certificate(
            number=f"{n:06d}/{day.year}/GCN-BENCH", product=product, product_name=product.name,
            producer_name="-", producer_address="-", stars=product.current_stars, rules="148-2023",
            authority_name="UBND tỉnh", authority_level="province" if product.current_stars < 5
            else "central", decision_number=f"{n % 400}/QĐ-UBND", decision_date=day,
            issue_date=day, valid_until=day + timedelta(days=1095),
            status="valid" if product.certificate_status == "valid" else "reevaluation",
            token=new_token(),
        ))  # fmt: skip
    Certificate.objects.bulk_create(rows, batch_size=2000)


def _users():
    from ocop.accounts.models import User
    from ocop.places.models import Commune
    from ocop.registry.models import Producer

    busiest = (Producer.objects.values("commune").order_by("commune").first() or {"commune": None})[
        "commune"
    ]
    commune = Commune.objects.select_related("province").get(pk=busiest)
    made = {}
    for role, extra in (("central", {}), ("province", {"province": commune.province}),
                        ("commune", {"province": commune.province, "commune": commune})):  # fmt: skip
        made[role], _ = User.objects.get_or_create(
            username=f"bench_search_{role}", defaults={"role": role, **extra}
        )
    producer_user, _ = User.objects.get_or_create(
        username="bench_search_producer", defaults={"role": "producer"}
    )
    Producer.objects.get(
        pk=Producer.objects.filter(commune=commune).first().pk
    ).representatives.add(producer_user)
    made["producer"] = producer_user
    return made


def _timed(view: Callable, path: str, user, params: dict) -> float:
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    request = RequestFactory().get(path, params)
    request.user = user or AnonymousUser()
    request.session = {}  # type: ignore[assignment]
    start = time.perf_counter()
    response = view(request)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code in (200, 302), (path, params, response.status_code)
    return elapsed


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _bare_like(runs: int) -> tuple[float, float]:
    """The floor of an unindexed substring search: one COUNT(*) with LIKE over every product."""
    from django.db import connection

    samples = []
    for _ in range(runs):
        for query in QUERIES:
            term = query.lower().replace("à", "a").replace("ê", "e").replace("ạ", "a")
            start = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT COUNT(*) FROM registry_product WHERE search_key LIKE %s", [f"%{term}%"]
                )
                cursor.fetchall()
            samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), _p95(samples)


def measure_search(runs: int = 3) -> list[tuple[str, float, float]]:
    """(workload, p50 ms, p95 ms) for the catalogue and each officer role's product and producer
    lists, over QUERIES (and the first and a deep page), each run `runs` times."""
    from ocop.catalogue.views import catalogue_list
    from ocop.registry.views import producer_list
    from ocop.registry.views_products import product_list

    users = _users()
    workloads: list[tuple[str, Callable, str, object, list[dict]]] = [
        ("catalogue search (anonymous)", catalogue_list, "/catalogue/", None,
         [{"q": q} for q in QUERIES]),
        ("catalogue filters, no words", catalogue_list, "/catalogue/", None,
         [{}, {"stars": ["4", "5"]}, {"province": "01"}, {"set": "4", "year": "2025"},
          {"page": "50"}, {"legal_form": "household", "sort": "stars"}]),
    ]  # fmt: skip
    for role, user in users.items():
        params = [{"q": q} for q in QUERIES] + [{}, {"page": "50"}]
        workloads.append((f"officer /products/ ({role})", product_list, "/products/", user, params))
        workloads.append((f"officer /producers/ ({role})", producer_list, "/producers/", user,
                          [{"q": q} for q in QUERIES[:5]] + [{}]))  # fmt: skip
    results = [("baseline: bare SQL LIKE count over all products", *_bare_like(runs))]
    for label, view, path, user, cases in workloads:
        for case in cases:  # warm the caches (statement, page cache) once
            _timed(view, path, user, case)
        samples = [_timed(view, path, user, c) for _ in range(runs) for c in cases]
        results.append((label, statistics.median(samples), _p95(samples)))
    return results


def prepare(count: int = 50_000) -> None:
    """Places, then `count` products (and 2/5 as many producers), then fresh statistics."""
    from django.core.management import call_command
    from django.db import connection

    call_command("places", "load", verbosity=0)
    build(count, max(1000, count * 2 // 5))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def measure_p95(runs: int = 3) -> list[tuple[str, float, float]]:
    """For bench/run: (workload, p95 ms, p95 ms of the bare LIKE count in the same run)."""
    measured = measure_search(runs)
    base = measured[0][2]
    return [(f"{label} p95", p95, base) for label, _p50, p95 in measured[1:]]


def main() -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ.setdefault("OCOP_DATA_DIR", tempfile.mkdtemp(prefix="ocop-bench-search-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from ocop.registry.models import Product

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    call_command("migrate", verbosity=0)
    call_command("places", "load", verbosity=0)
    if Product.objects.count() < count:
        started = time.perf_counter()
        build(count, max(1000, count * 2 // 5))
        print(f"built {count} products in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:  # fresh statistics (and PostgreSQL's visibility map)
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"{'workload':50} {'p50 ms':>8} {'p95 ms':>8} {'p95/base':>8}  {connection.vendor}")
    measured = measure_search()
    base = measured[0][2] or 1.0
    for label, p50, p95 in measured:
        print(f"{label:50} {p50:8.1f} {p95:8.1f} {p95 / base:8.1f}")


if __name__ == "__main__":
    main()
