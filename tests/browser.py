"""Browser-test fixtures: the real UI in headless Chromium (Debian's package), driven by Playwright.

No browser is downloaded: Playwright launches the system Chromium. Without Chromium the browser
tests skip on a developer's machine and FAIL in CI (CI=true), so a missing service is never green.

Every page a browser test opens through these fixtures (`phone_page`, `open_page`) is checked with
axe-core (npm package, test-only) when each document loads, at every `screenshot()` and at
`close_page()`: a serious or critical violation fails the test, naming the page, the rule and the
elements. The check on load runs beside the test, so a page the test leaves within a fraction of a
second may go unchecked; the checks at screenshot() and close_page() always complete.
"""

import contextlib
import functools
import json
import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1366, "height": 900}
# Runs axe after the previous run (if any) on HTML documents (not a PDF viewer). A document that has
# not changed since its last run (a MutationObserver watches it) returns that run's findings again.
AXE_RUN = """async () => {
  if (document.contentType !== "text/html" || !location.protocol.startsWith("http")) return null;
  const run = async () => {
    if (window.__ocopAxeClean) return window.__ocopAxeFound;
    window.__ocopAxeClean = true;
    const result = await axe.run(document, {resultTypes: ["violations"]});
    window.__ocopAxeFound = result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " " + n.html.slice(0, 100)),
    }));
    if (!window.__ocopAxeObserver) {
      window.__ocopAxeObserver = new MutationObserver(() => { window.__ocopAxeClean = false; });
      window.__ocopAxeObserver.observe(document.documentElement,
        {subtree: true, childList: true, attributes: true, characterData: true});
    }
    return window.__ocopAxeFound;
  };
  window.__ocopAxe = (window.__ocopAxe || Promise.resolve()).then(run, run);
  // Never wait forever (a test must fail, not hang the suite).
  const late = new Promise((_, refuse) =>
    setTimeout(() => refuse(new Error("axe-core did not finish in 60 s")), 60000));
  return await Promise.race([window.__ocopAxe, late]);
}"""


def find_chromium() -> str | None:
    explicit = os.environ.get("OCOP_CHROMIUM")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium không có trên máy CI: cài gói Debian 'chromium' (xem .ci/run).")
        pytest.skip("Chromium chưa được cài: bỏ qua kiểm thử trình duyệt trên máy này.")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@functools.cache
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"axe-core chưa được cài ({AXE}): chạy bin/install (npm ci).")
    return AXE.read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now."""
    from playwright.sync_api import Error

    if getattr(page, "_ocop_no_js", False):
        return _mirror_violations(page)
    # page.evaluate is not subject to the page's Content-Security-Policy (a <script> tag would be).
    try:
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(axe_source())
        found = page.evaluate(AXE_RUN)
    except Error as exc:
        if "context was destroyed" in str(exc) or "navigat" in str(exc):
            return []  # the page moved on while axe ran: the next document is checked on its load
        raise
    return [v for v in found or [] if v["impact"] in BLOCKING]


def _mirror_violations(page) -> list[dict]:
    """A page with JavaScript switched off cannot run axe (its timers never fire): check the same
    document, with its styles, in a JavaScript-enabled page of the same size."""
    html = page.content()
    base = f'<base href="{page.url}">'
    base += (
        "<style>*,*::before,*::after{transition:none!important;animation:none!important}</style>"
    )
    html = html.replace("<head>", "<head>" + base, 1) if "<head>" in html else base + html
    # The copy prefers reduced motion as the test contexts do (Pico then drops its transitions),
    # and transitions are switched off outright: axe must read colours at rest, never mid-fade.
    context = page.context.browser.new_context(viewport=page.viewport_size, reduced_motion="reduce")
    try:
        mirror = context.new_page()
        mirror.set_default_timeout(15000)
        mirror.set_content(html, wait_until="load")
        mirror.evaluate(axe_source())
        run = AXE_RUN.replace('!location.protocol.startsWith("http")', "false")
        found = mirror.evaluate(run)
        if any(v["impact"] in BLOCKING for v in found or []):
            # A copy is checked the moment it loads; colours can still be settling (a contrast
            # finding came and went between two CI runs). A real violation is there a moment later.
            mirror.evaluate("document.fonts.ready")
            mirror.wait_for_timeout(500)
            again = {v["id"] for v in mirror.evaluate(run) or []}
            found = [v for v in found if v["id"] in again]
    finally:
        context.close()
    return [v for v in found or [] if v["impact"] in BLOCKING]


def _describe(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core: {len(violations)} vi phạm nghiêm trọng trên {url}"]
    lines += [
        f"  {v['impact']} {v['id']} ({v['help']}): {json.dumps(v['nodes'])}" for v in violations
    ]
    return "\n".join(lines)


def _record(page, url: str, violations: list[dict]) -> None:
    """Remember a finding once per page object, whichever check (on load or explicit) saw it."""
    if not violations:
        return
    message = _describe(url, violations)
    if message not in page._ocop_a11y_seen:
        page._ocop_a11y_seen.add(message)
        page._ocop_a11y_failures.append(message)


def _fail_on_findings(page) -> None:
    failures = page._ocop_a11y_failures
    if failures:
        message = "\n".join(failures)
        failures.clear()
        pytest.fail(message, pytrace=False)


def check_a11y(page) -> None:
    """Fail on any serious or critical axe-core violation on the page now (and any found earlier)."""
    if not hasattr(page, "_ocop_a11y_failures"):
        watch_a11y(page, watch_loads=False)
    _record(page, page.url, axe_violations(page))
    _fail_on_findings(page)


def watch_a11y(page, watch_loads: bool = True) -> None:
    """Check every document the page loads, collecting failures for check_a11y/close_page."""
    page._ocop_a11y_failures = []
    page._ocop_a11y_seen = set()
    page._ocop_a11y_closing = False
    if not watch_loads:
        return

    def on_load(loaded) -> None:
        if page._ocop_a11y_closing:
            return
        from playwright.sync_api import Error

        try:
            violations = axe_violations(loaded)
        except Error:
            return  # the page or its context closed meanwhile
        _record(page, loaded.url, violations)

    page.on("load", on_load)


def open_page(
    browser, base_url: str, viewport=PHONE, locale: str = "vi-VN", javascript: bool = True
):
    """A new browser context and page on base_url, watched by axe-core (close it with close_page).
    Without JavaScript, axe checks a copy of the document at screenshot() and close_page()."""
    # Reduced motion: pico then runs no transition, so axe never reads a button's colour halfway
    # through one (a colour-contrast finding on the confirm buttons came and went under CI load).
    context = browser.new_context(
        viewport=viewport, locale=locale, base_url=base_url, java_script_enabled=javascript,
        reduced_motion="reduce",
    )  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(30000)  # a loaded 2-core CI machine
    page._ocop_no_js = not javascript
    watch_a11y(page, watch_loads=javascript)
    return page


def close_page(page) -> None:
    """Close the page's context, failing on any violation found on its pages and not yet reported."""
    if not page.is_closed() and page.url.startswith("http"):
        from playwright.sync_api import Error

        with contextlib.suppress(Error):  # the page closed meanwhile
            _record(page, page.url, axe_violations(page))
    page._ocop_a11y_closing = True
    page.context.close()
    _fail_on_findings(page)


@pytest.fixture
def phone_page(browser, live_server):
    """A page at phone width (375 px), Vietnamese locale, pointed at the live test server."""
    page = open_page(browser, live_server.url)
    yield page
    close_page(page)


def log_in(page, username: str, password: str | None = None) -> None:
    """Sign in through the real login page (Vietnamese labels); the test password by default."""
    from ocop.accounts.testing import PASSWORD

    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password or PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")


def screenshot(page, name: str) -> Path:
    """Check the page with axe-core, then keep a screenshot (test-artifacts/screenshots/NAME.png)."""
    check_a11y(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
