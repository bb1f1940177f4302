"""The catalogue's count without words is kept like its facets (ADR 0008, issue 14): a second
shopper's same request counts nothing; a new certificate shows at once; a revocation or an archived
product within a minute (the product and verification pages stay live)."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ocop.registry.models import Product
from ocop.registry.testing import make_product

from .conftest import issue


def _total(client, params=None) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/catalogue/", params or {}).content.decode()
    start = html.index("<span data-total>") + len("<span data-total>")
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    return html[start : html.index("</span>", start)], counts


def test_the_same_filters_are_counted_once_a_minute(client, product, plain_product):
    first, counted = _total(client, {"stars": "4"})
    assert first == "1" and counted  # the count and the facets' counts
    again, counted_again = _total(client, {"stars": "4"})
    assert again == "1" and counted_again == []
    assert _total(client)[0] == "2"  # other filters: their own count


def test_a_new_certificate_counts_at_once(client, product, producer):
    assert _total(client)[0] == "1"
    issue(make_product(producer, "Miến dong Phú Xuyên", 3), stars=3)
    assert _total(client)[0] == "2"


def test_an_archived_product_leaves_the_count_when_the_minute_is_over(
    client, product, plain_product
):
    assert _total(client)[0] == "2"
    Product.objects.filter(pk=plain_product.pk).update(archived_at=timezone.now())
    assert _total(client)[0] == "2"  # kept, as the facets are
    cache.clear()  # the minute is over
    assert _total(client)[0] == "1"
