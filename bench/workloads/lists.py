"""Every list page, per role, against the hello-world view through the same client and session
(goal: under 100 ms server time at 50,000 products; queries constant, counted here too)."""

import logging
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.harness import Result

PAGES = ["/applications/", "/applications/tasks/", "/products/", "/producers/", "/certificates/",
         "/products/?page=50"]  # fmt: skip
# Every other list page of an officer, timed once per role (those a role may not open are left
# out of its lines, and said so in the note of the first line).
MORE = ["/rounds/", "/councils/", "/decisions/", "/five-star/", "/notices/", "/registry/changes/",
        "/inspections/", "/inspections/plans/", "/programme/plans/", "/programme/budget/",
        "/programme/ideas/", "/programme/courses/", "/programme/events/", "/programme/showrooms/",
        "/catalogue/decisions/", "/accounts/notifications/"]  # fmt: skip
ROLES = ["bench_central", "bench_province", "bench_commune"]


def run(context) -> list:
    results = []
    repeat = 3 if context.quick else 7
    for role in ROLES:
        client = Client()
        client.force_login(context.dataset.users[role])
        for url in PAGES:
            ms, hello, queries = _measure(client, url, repeat)
            results.append(Result(f"list {url} as {role[6:]}, ms", ms, hello, "ms", "< 100 ms",
                                  f"{queries} queries"))  # fmt: skip
        logging.disable(logging.WARNING)  # the refusals below are expected, not errors
        closed = [url for url in MORE if client.get(url).status_code != 200]
        logging.disable(logging.NOTSET)
        for url in (url for url in MORE if url not in closed):
            ms, hello, queries = _measure(client, url, repeat)
            results.append(Result(f"list {url} as {role[6:]}, ms", ms, hello, "ms", "< 100 ms",
                                  f"{queries} queries"))  # fmt: skip
        if closed:
            context.log(f"  {role[6:]} may not open {', '.join(closed)} (not timed)")
    members = Client()
    members.force_login(context.dataset.users["bench_member7"])  # council B: 9,500 products
    ms, hello, queries = _measure(members, "/sheets/", repeat)
    results.append(Result("list /sheets/ as council member, ms", ms, hello, "ms", "< 100 ms",
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
