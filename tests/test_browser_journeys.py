"""Every role's main journey on the demo, at 375 px and 1366 px in Vietnamese and at 375 px in
English (through the language switch): home, its lists, a detail page, a form, its tasks. axe-core
checks every page (tests/browser.py) and a screenshot of each is kept in test-artifacts/screenshots/
as journey-<role>-<lang>-<width>-<page>.png.

The world is the demo itself: `ocop demo` seeds a database of its own (SQLite in a temporary data
directory, whatever DATABASE_URL says) and serves it once for the whole module, so the 24 journeys
share it and the test database is left alone. Detail pages are reached by following the first link
of the role's own list, as a user would.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

from ocop.accounts.demo import DEMO_PASSWORD
from tests.browser import DESKTOP, PHONE, check_a11y, close_page, open_page, screenshot

# One worker runs the whole module (bin/test uses --dist loadgroup): one demo server, not two.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("journeys")]

ROLES = ["producer", "commune", "province", "advisor", "member1", "central", "admin", "public"]
# The skip link, on every page: English once switched, Vietnamese before.
ENGLISH_MARK, VIETNAMESE_MARK = "Skip to main content", "Bỏ qua, tới nội dung chính"
MANAGE = [sys.executable, str(Path(__file__).resolve().parent.parent / "manage.py")]


@dataclass(frozen=True)
class Step:
    name: str
    path: str = ""  # a page, or…
    follow: str = ""  # …the first link in <main> whose path matches this regular expression


JOURNEYS = {
    "producer": [
        Step("home", "/"), Step("tasks", "/applications/tasks/"),
        Step("task-dossier", follow=r"^/applications/\d+/$"),
        Step("self-score", follow=r"/self-score/$"), Step("dossiers", "/applications/"),
        Step("products", "/products/"), Step("product", follow=r"^/products/\d+/$"),
        Step("product-form", follow=r"/edit/$"), Step("certificates", "/certificates/"),
        Step("ideas", "/programme/ideas/"), Step("idea", follow=r"^/programme/ideas/\d+/$"),
        Step("trainings", "/programme/courses/"),
    ],
    "commune": [
        Step("home", "/"), Step("tasks", "/applications/tasks/"),
        Step("task-dossier", follow=r"^/applications/\d+/$"), Step("dossiers", "/applications/"),
        Step("producers", "/producers/"), Step("producer", follow=r"^/producers/\d+/$"),
        Step("producer-form", "/producers/new/"), Step("changes", "/registry/changes/"),
        Step("cycle", "/programme/cycle/"), Step("ideas", "/programme/ideas/"),
        Step("idea", follow=r"^/programme/ideas/\d+/$"), Step("courses", "/programme/courses/"),
        Step("course", follow=r"^/programme/courses/\d+/$"), Step("course-form", "/programme/courses/new/"),
        Step("programme", "/reports/programme/10273/"),
    ],
    "province": [
        Step("home", "/"), Step("programme-units", "/reports/programme/"),
        Step("programme", "/reports/programme/280/?start=2018&end=2025"), Step("tasks", "/applications/tasks/"), Step("dossiers", "/applications/"),
        Step("councils", "/councils/"), Step("council", follow=r"^/councils/\d+/$"),
        Step("session", follow=r"^/sessions/\d+/$"), Step("decisions", "/decisions/"),
        Step("decision", follow=r"^/decisions/\d+/$"), Step("certificates", "/certificates/"),
        Step("certificate", follow=r"^/certificates/\d+/$"), Step("round-form", "/rounds/new/"),
        Step("showrooms", "/programme/showrooms/"), Step("showroom", follow=r"^/programme/showrooms/\d+/$"),
        Step("events", "/programme/events/"), Step("event", follow=r"^/programme/events/\d+/$"),
    ],
    "advisor": [
        Step("home", "/"), Step("tasks", "/applications/tasks/"), Step("dossiers", "/applications/"),
        Step("dossier", follow=r"^/applications/\d+/$"),
    ],
    "member1": [
        Step("home", "/"), Step("tasks", "/applications/tasks/"), Step("sheets", "/sheets/"),
        Step("councils", "/councils/"), Step("council", follow=r"^/councils/\d+/$"),
        Step("criteria", "/criteria/26-2026/1/"),
    ],
    "central": [
        Step("home", "/"), Step("tasks", "/applications/tasks/"), Step("products", "/products/"),
        Step("certificates", "/certificates/"), Step("decisions", "/decisions/"),
        Step("councils", "/councils/"),
    ],
    "admin": [
        Step("home", "/"), Step("tasks", "/applications/tasks/"), Step("producers", "/producers/"),
        Step("producer", follow=r"^/producers/\d+/$"), Step("audit", follow=r"^/audit/"),
    ],
    "public": [
        Step("home", "/"), Step("login", "/accounts/login/"),
        Step("password-reset", "/accounts/password_reset/"),
        # verify-valid and verify-revoked are added from `ocop certificates list --json`
    ],
}  # fmt: skip


@dataclass(frozen=True)
class World:
    url: str
    verify: dict[str, str]  # certificate status → the path of one such certificate's QR link


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_served(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"ocop demo stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"ocop demo did not answer on {url}:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    data = tmp_path_factory.mktemp("demo")
    env = {**os.environ, "OCOP_DATA_DIR": str(data), "OCOP_DEBUG": "0"}
    env.pop("DATABASE_URL", None)
    port = free_port()
    log = data / "demo.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [*MANAGE, "demo", "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_served(url + "/accounts/login/", server, log)
        listing = subprocess.run(
            [*MANAGE, "certificates", "list", "--json"], env=env, capture_output=True, check=True
        )
        verify = {}
        for certificate in json.loads(listing.stdout):
            verify.setdefault(certificate["status"], urlparse(certificate["verification_url"]).path)
        yield World(url, verify)
    finally:
        server.terminate()
        server.wait(timeout=30)


def steps_for(world: World, role: str) -> list[Step]:
    if role != "public":
        return JOURNEYS[role]
    return [
        *JOURNEYS["public"],
        Step("verify-valid", world.verify["valid"]),
        Step("verify-revoked", world.verify["revoked"]),
    ]


def log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")


def switch_to_english(page) -> None:
    with page.expect_navigation():
        page.get_by_label("Ngôn ngữ").select_option("en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text(ENGLISH_MARK).count() == 1
    assert page.get_by_role("button", name="Sign out").count() in (0, 1)


FIRST_LINK = """pattern => {
  const found = [...document.querySelectorAll("main a[href]")]
    .find(a => a.origin === location.origin && new RegExp(pattern).test(a.pathname));
  return found ? found.pathname : null;
}"""


def walk(page, role: str, steps: list[Step], label: str) -> None:
    width = page.viewport_size["width"]
    for step in steps:
        if step.follow:
            path = page.evaluate(FIRST_LINK, step.follow)
            assert path, (role, step.name, step.follow, page.url)
            page.goto(path)
        else:
            response = page.goto(step.path)
            assert response is not None and response.status == 200, (role, step.name, step.path)
        assert page.evaluate("document.documentElement.scrollWidth") <= max(width, 375), step.name
        screenshot(page, f"journey-{role}-{label}-{width}-{step.name}")


CASES = [
    *[pytest.param(role, "vi", PHONE, id=f"{role}-vi-375") for role in ROLES],
    *[pytest.param(role, "vi", DESKTOP, id=f"{role}-vi-1366") for role in ROLES],
    *[pytest.param(role, "en", PHONE, id=f"{role}-en-375") for role in ROLES],
]


@pytest.mark.parametrize(("role", "language", "viewport"), CASES)
def test_journey(world, browser, role, language, viewport):
    page = open_page(browser, world.url, viewport=viewport)
    try:
        if role != "public":
            log_in(page, role)
        else:
            page.goto("/")
        if language == "en":
            switch_to_english(page)
        else:
            assert page.locator("html").get_attribute("lang") == "vi"
            assert page.get_by_text(VIETNAMESE_MARK).count() == 1
        walk(page, role, steps_for(world, role), language)
    finally:
        close_page(page)


def test_failed_form_moves_focus_to_the_error_summary(world, browser):
    page = open_page(browser, world.url)
    try:
        log_in(page, "commune")
        page.goto("/producers/new/")
        page.locator("main button[type=submit]").click()
        summary = page.locator("[data-error-summary]")
        summary.wait_for()
        # static/js moves the focus once the page has run its deferred scripts.
        # A locator, not wait_for_function: a polled string predicate is eval'd in the page, which
        # the Content-Security-Policy (script-src 'self') refuses.
        page.locator("#form-error-summary:focus").wait_for()
        assert page.evaluate("document.activeElement.id") == "form-error-summary"
        check_a11y(page)
        first_link = summary.locator("a").first
        target = first_link.get_attribute("href").lstrip("#")
        first_link.click()
        page.locator(f"[id='{target}']:focus").wait_for()
        assert page.evaluate("document.activeElement.id") == target
        ring = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"
        )
        # --ocop-focus, ≥ 3:1 against its neighbours (tests/test_css_contrast.py)
        assert ring == ["solid", "3px", "rgb(10, 10, 10)"]
        field = page.locator(f"#{target}")
        assert field.get_attribute("aria-invalid") == "true"
        assert page.locator(f"#{target}_error").is_visible()
        screenshot(page, "journey-commune-vi-375-producer-form-errors")
    finally:
        close_page(page)
