"""The public catalogue as an anonymous visitor sees it: search, filters, counts, look-ups."""

import re
import unicodedata

import pytest
from django.urls import reverse

from ocop.catalogue.testing import PRIVATE
from ocop.registry.models import Product

pytestmark = pytest.mark.django_db
LIST = "/catalogue/"


def shown(response) -> list[str]:
    """The codes of the products listed, in order."""
    return re.findall(r'data-product="([^"]+)"', response.content.decode())


def counts(response, facet: str) -> dict[str, int]:
    """value → count of one facet's options (checkboxes or select options)."""
    body = response.content.decode()
    block = re.search(rf'data-facet="{facet}">(.*?)</fieldset>', body, re.S)
    assert block is not None, facet
    found = re.findall(r'value="([^"]+)" data-count="(\d+)"', block[1])
    return {value: int(count) for value, count in found}


def total(response) -> int:
    return int(re.search(r"data-total>(\d+)<", response.content.decode())[1])


def test_default_list_is_every_product_in_force_by_name(client, catalogue):
    response = client.get(LIST)
    assert response.status_code == 200
    assert shown(response) == [
        catalogue.coffee.code,
        catalogue.rice.code,
        catalogue.rolls.code,
        catalogue.honey.code,
    ]
    assert total(response) == 4


def test_search_ignores_accents_case_and_finds_place_names(client, catalogue):
    assert shown(client.get(LIST, {"q": "mat ong"})) == [catalogue.honey.code]
    assert shown(client.get(LIST, {"q": "MẬT ONG"})) == [catalogue.honey.code]
    assert shown(client.get(LIST, {"q": "phuong duc gao"})) == [catalogue.rice.code]
    # the province's name, not in the product's name
    assert shown(client.get(LIST, {"q": "ho chi minh"})) == [catalogue.coffee.code]
    assert shown(client.get(LIST, {"q": unicodedata.normalize("NFD", "Mật ONG")})) == [
        catalogue.honey.code
    ]


def test_search_never_matches_a_tax_code(client, catalogue):
    response = client.get(LIST, {"q": catalogue.household_tax_code})
    assert response.status_code == 200
    assert shown(response) == []


def test_filters_narrow_and_facet_counts_add_up(client, catalogue):
    everything = client.get(LIST)
    stars = counts(everything, "stars")
    assert stars == {"5": 1, "4": 1, "3": 2}
    assert sum(stars.values()) == total(everything)
    provinces = counts(everything, "province")
    assert provinces == {"01": 3, "79": 1}
    assert counts(everything, "year") == {"2026": 3, "2025": 1}
    assert counts(everything, "legal_form") == {"cooperative": 1, "household": 1, "llc": 2}
    for facet in ("type", "set"):
        assert sum(counts(everything, facet).values()) == 4

    narrowed = client.get(LIST, {"province": "01"})
    assert total(narrowed) == 3
    assert counts(narrowed, "commune") == {"10273": 2, "10279": 1}
    # a facet's own counts ignore its own filter: the other province stays choosable
    assert counts(narrowed, "province") == {"01": 3, "79": 1}
    assert counts(narrowed, "stars") == {"5": 1, "4": 1, "3": 1}

    both = client.get(LIST, {"province": "01", "stars": ["3", "5"]})
    assert shown(both) == [catalogue.rice.code, catalogue.rolls.code]
    assert counts(both, "legal_form") == {"household": 1, "llc": 1}
    assert shown(client.get(LIST, {"year": "2025"})) == [catalogue.rolls.code]
    assert shown(client.get(LIST, {"legal_form": "llc", "sort": "stars"})) == [
        catalogue.rice.code,
        catalogue.coffee.code,
    ]
    assert shown(client.get(LIST, {"type": "II"})) == []


def test_active_filters_are_listed_with_links_that_remove_them(client, catalogue):
    body = client.get(LIST, {"q": "phu xuyen", "stars": ["3", "4"], "province": "01"}).content
    body = body.decode()
    chips = re.findall(r'<a href="\?([^"]*)" class="chip"', body)
    assert chips == [
        "stars=3&amp;stars=4&amp;province=01",  # the words removed
        "q=phu+xuyen&amp;stars=4&amp;province=01",  # 3★ removed
        "q=phu+xuyen&amp;stars=3&amp;province=01",  # 4★ removed
        "q=phu+xuyen&amp;stars=3&amp;stars=4",  # the province (and its commune) removed
    ]


def test_wrong_filter_values_are_ignored_not_errors(client, catalogue):
    response = client.get(LIST, {"stars": ["x", "9"], "set": "999", "year": "abc", "sort": "?"})
    assert response.status_code == 200
    assert total(response) == 4


def test_htmx_request_gets_only_the_results(client, catalogue):
    response = client.get(LIST, {"q": "gao"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="results"')
    assert "<html" not in body
    assert shown(response) == [catalogue.rice.code]


@pytest.mark.parametrize("kind", ["code", "number", "gtin"])
def test_exact_reference_goes_straight_to_the_product(client, catalogue, kind):
    product = catalogue.honey
    Product.objects.filter(pk=product.pk).update(gtin="8930000000019")
    reference = {
        "code": product.code.lower(),
        "number": catalogue.honey_certificate.number,
        "gtin": "08930000000019",
    }[kind]
    response = client.get(LIST, {"q": f" {reference} "})
    assert response.status_code == 302
    assert response["Location"] == reverse("catalogue:product", args=[product.code])


def test_expired_and_revoked_leave_the_list_but_keep_their_page(client, catalogue):
    listed = shown(client.get(LIST, {"q": "phu xuyen"}))
    assert catalogue.revoked.code not in listed and catalogue.expired.code not in listed
    revoked = client.get(reverse("catalogue:product", args=[catalogue.revoked.code]))
    assert 'data-status="revoked"' in revoked.content.decode()
    assert "Sử dụng sai biểu trưng OCOP" in revoked.content.decode()
    expired = client.get(reverse("catalogue:product", args=[catalogue.expired.code]))
    assert 'data-status="expired"' in expired.content.decode()


def test_a_product_never_recognised_has_no_page(client, catalogue):
    from ocop.registry.services import product_assign_code

    product_assign_code(product=catalogue.unranked, year=2026)
    catalogue.unranked.refresh_from_db()
    url = reverse("catalogue:product", args=[catalogue.unranked.code])
    assert client.get(url).status_code == 404
    assert client.get(LIST, {"q": catalogue.unranked.code}).status_code == 200


def test_no_private_fact_on_any_public_page(client, catalogue):
    urls = [
        LIST, f"{LIST}?q=gio+cha", reverse("catalogue:decisions"),
        reverse("catalogue:product", args=[catalogue.rolls.code]), "/",
    ]  # fmt: skip
    for url in urls:
        body = client.get(url).content.decode()
        for value in [*PRIVATE.values(), catalogue.household_tax_code]:
            assert value not in body, (url, value)
