"""Every list page, per role, against the hello-world view through the same client and session
(goal: under 100 ms server time at 50,000 products; queries constant, counted here too)."""

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.harness import Result

PAGES = ["/applications/", "/applications/tasks/", "/products/", "/producers/", "/certificates/",
         "/products/?page=50"]  # fmt: skip
ROLES = ["bench_central", "bench_province", "bench_commune"]


def run(context) -> list:
    results = []
    for role in ROLES:
        client = Client()
        client.force_login(context.dataset.users[role])
        for url in PAGES:
            ms, hello, queries = _measure(client, url, 3 if context.quick else 7)
            results.append(Result(f"list {url} as {role[6:]}, ms", ms, hello, "ms", "< 100 ms",
                                  f"{queries} queries"))  # fmt: skip
    return results


def _measure(client, url: str, repeat: int) -> tuple[float, float, int]:
    page, hello = float("inf"), float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        client.get("/bench/hello/")
        hello = min(hello, time.perf_counter() - start)
        start = time.perf_counter()
        response = client.get(url)
        page = min(page, time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return page * 1000, hello * 1000, len(captured)
