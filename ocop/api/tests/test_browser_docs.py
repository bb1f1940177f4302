"""The API docs page in Chromium: Swagger UI starts from /static/ under the site's CSP (no inline
script, no eval, nothing from another host) and shows the operations."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_runs_within_the_csp(browser, live_server):
    # A plain context, not open_page: the page is Swagger UI's own markup (a third-party UI whose
    # accessibility we do not control); what is checked here is that it runs under our CSP.
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    problems, hosts = [], set()
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    try:
        page.goto(f"{live_server.url}/api/v1/docs/")
        page.wait_for_selector(".swagger-ui .opblock-tag", timeout=15000)
        tags = page.locator(".swagger-ui .opblock-tag").all_inner_texts()
        assert {t.split("\n")[0].strip() for t in tags} == {
            "index", "products", "producers", "certificates", "decisions", "places",
            "product-sets", "stats",
        }  # fmt: skip
        assert page.locator(".swagger-ui .info .title").inner_text().startswith("OCOP API")
    finally:
        context.close()
    assert problems == []
    assert hosts == {live_server.url.split("/")[2]}
