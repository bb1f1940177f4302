"""A form that did not save ties every message to its field and opens with an error summary."""

from html.parser import HTMLParser

from django.urls import reverse

from ocop.accounts.testing import client_for
from ocop.registry.models import Producer


class Elements(HTMLParser):
    """Every element's attributes, in document order."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.elements if "id" in a}

    def by_id(self, element_id: str) -> dict[str, str]:
        return next(a for _, a in self.elements if a.get("id") == element_id)


def described_by_targets_exist(page: Elements) -> None:
    ids = page.ids()
    for tag, attrs in page.elements:
        for target in attrs.get("aria-describedby", "").split():
            assert target in ids, (tag, attrs.get("name"), target)


def test_failed_producer_create_links_errors_to_fields(personas, registry):
    client = client_for(personas["commune_x"])
    before = Producer.objects.count()
    response = client.post(reverse("registry:producer_create"), {"name": "", "tax_code": "12"})
    assert response.status_code == 200
    assert Producer.objects.count() == before
    html = response.content.decode()
    page = Elements(html)
    described_by_targets_exist(page)
    # The summary comes first, is focusable by script, and links each error to its field.
    summary = page.by_id("form-error-summary")
    assert summary["tabindex"] == "-1"
    assert "data-error-summary" in summary
    assert html.index('id="form-error-summary"') < html.index('name="name"')
    assert 'href="#id_name" data-error-link>' in html
    assert 'href="#id_tax_code" data-error-link>' in html
    assert "js/error-summary.js" in html
    name = page.by_id("id_name")
    assert name["aria-invalid"] == "true"
    assert name["aria-describedby"] == "id_name_error"
    assert page.by_id("id_name_error")
    commune = page.by_id("id_commune")
    assert commune["aria-describedby"] == "id_commune_helptext id_commune_error"
    # Messages are not each a live region any more: only the summary takes focus.
    assert 'role="alert"' not in html


def test_untouched_form_has_help_ids_and_no_summary(personas, registry):
    html = client_for(personas["commune_x"]).get(reverse("registry:product_create")).content
    page = Elements(html.decode())
    described_by_targets_exist(page)
    assert "form-error-summary" not in page.ids()
    assert not [a for _, a in page.elements if a.get("aria-invalid")]


def test_product_edit_errors_are_tied_to_fields(personas, registry):
    product = registry.product_x
    client = client_for(personas["commune_x"])
    response = client.post(reverse("registry:product_edit", args=[product.pk]), {"name": ""})
    assert response.status_code == 200
    product.refresh_from_db()
    assert product.name == "Gà Lạc Thủy"
    page = Elements(response.content.decode())
    described_by_targets_exist(page)
    invalid = [a["id"] for _, a in page.elements if a.get("aria-invalid") == "true"]
    assert "id_name" in invalid
    for field_id in invalid:
        assert f"{field_id}_error" in page.ids()
