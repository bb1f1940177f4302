import json
from datetime import date

import pytest

from ocop.certificates.choices import Status
from ocop.registry.models import Product

from .conftest import GTIN14, issue

pytestmark = pytest.mark.django_db
SITE = "http://testserver.example"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


def page_of(product):
    return f"{SITE}/catalogue/{product.code}/"


def test_plain_get_redirects_307_to_the_product_page_with_its_links(client, product, certificate):
    response = client.get(f"/01/{GTIN14}")
    assert response.status_code == 307
    assert response["Location"] == page_of(product)
    assert response["Access-Control-Allow-Origin"] == "*"
    links = response["Link"].split(", ")
    assert links == [
        f'<{page_of(product)}>; rel="https://gs1.org/voc/defaultLink"; type="text/html"; hreflang="vi"',
        f'<{page_of(product)}>; rel="https://gs1.org/voc/pip"; type="text/html"; hreflang="vi"',
        f'<{certificate.verification_url}>; rel="https://gs1.org/voc/certificationInfo"; '
        'type="text/html"; hreflang="vi"',
        f'<{SITE}/01/{GTIN14}?linkType=linkset>; rel="linkset"; type="application/linkset+json"',
    ]


@pytest.mark.parametrize("gtin", ["8930000000019", "08930000000019"])
def test_gtin13_and_gtin14_forms_resolve_alike(client, product, gtin):
    response = client.get(f"/01/{gtin}")
    assert (response.status_code, response["Location"]) == (307, page_of(product))


def test_gtin8_and_gtin12_are_zero_padded(client, product):
    Product.objects.filter(pk=product.pk).update(gtin="12345670")
    assert client.get("/01/12345670")["Location"] == page_of(product)
    assert client.get("/01/00000012345670")["Location"] == page_of(product)
    Product.objects.filter(pk=product.pk).update(gtin="036000291452")
    assert client.get("/01/036000291452")["Location"] == page_of(product)
    assert client.get("/01/00036000291452").status_code == 307


def test_certification_info_goes_to_the_live_verification_page(client, product, certificate):
    response = client.get(f"/01/{GTIN14}?linkType=gs1:certificationInfo")
    assert response.status_code == 307
    assert response["Location"] == certificate.verification_url
    assert client.get(response["Location"].removeprefix(SITE)).status_code == 200


def test_a_superseding_certificate_is_the_one_linked(client, product, certificate):
    newer = issue(product, stars=4, issue_date=date(2027, 6, 30), supersedes=certificate)
    response = client.get(f"/01/{GTIN14}?linkType=gs1:certificationInfo")
    assert response["Location"] == newer.verification_url


def test_pip_and_an_unknown_link_type_go_to_the_product_page(client, product):
    for link_type in ("gs1:pip", "gs1:recipeInfo"):
        response = client.get(f"/01/{GTIN14}", {"linkType": link_type})
        assert (response.status_code, response["Location"]) == (307, page_of(product))


def test_lot_and_serial_are_accepted(client, product):
    response = client.get(f"/01/{GTIN14}/10/LOT.7/21/S-001")
    assert (response.status_code, response["Location"]) == (307, page_of(product))


def test_linkset_names_the_certification_link(client, product, certificate):
    response = client.get(f"/01/{GTIN14}/10/L1?linkType=linkset")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/linkset+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = json.loads(response.content)
    context = body["linkset"][0]
    assert context["anchor"] == f"{SITE}/01/{GTIN14}/10/L1"
    assert context["https://gs1.org/voc/certificationInfo"] == [
        {
            "href": certificate.verification_url,
            "title": f"Giấy chứng nhận OCOP số {certificate.number}",
            "type": "text/html",
            "hreflang": ["vi"],
        }
    ]
    assert context["https://gs1.org/voc/pip"][0]["href"] == page_of(product)
    assert sorted(context) == [
        "anchor",
        "https://gs1.org/voc/certificationInfo",
        "https://gs1.org/voc/defaultLink",
        "https://gs1.org/voc/pip",
    ]


def test_accept_linkset_json_answers_the_linkset(client, product):
    response = client.get(f"/01/{GTIN14}", HTTP_ACCEPT="application/linkset+json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/linkset+json"
    assert json.loads(response.content)["linkset"][0]["anchor"] == f"{SITE}/01/{GTIN14}"


@pytest.mark.parametrize(
    "path",
    [
        "/01/08930000000018",  # wrong check digit
        "/01/8930000000018",
        "/01/abc",
        "/01/123",
        "/01/0008930000000019",  # 16 digits
        "/01/930000000019",  # 12 digits whose check digit is wrong
        "/01/",
        "/01/08930000000019/99/x",  # not a qualifier of a GTIN
        "/01/08930000000019/21/S1/10/L1",  # qualifiers out of order
        "/01/08930000000019/22/V1",  # a qualifier the resolver does not serve
    ],
)
def test_malformed_paths_and_wrong_check_digits_answer_400(client, product, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Location" not in response


def test_wrong_check_digit_says_so(client, product):
    response = client.get("/01/08930000000018")
    assert response.content.decode() == "Mã GTIN sai chữ số kiểm tra GS1.\n"


def test_a_valid_gtin_no_product_carries_answers_404(client, product):
    response = client.get("/01/08930000000026")
    assert response.status_code == 404
    assert response.content.decode() == "Không có sản phẩm OCOP công khai nào mang mã GTIN này.\n"


def test_a_product_never_certified_is_not_resolved(client, producer):
    from ocop.registry.testing import make_product

    make_product(producer, "Chưa đánh giá", 4, gtin="8930000000026")
    assert client.get("/01/08930000000026").status_code == 404


def test_an_archived_product_is_not_resolved(client, product):
    from django.utils import timezone

    Product.objects.filter(pk=product.pk).update(archived_at=timezone.now())
    assert client.get(f"/01/{GTIN14}").status_code == 404


def test_a_revoked_product_still_resolves(client, product, certificate):
    Product.objects.filter(pk=product.pk).update(certificate_status="revoked")
    response = client.get(f"/01/{GTIN14}?linkType=gs1:certificationInfo")
    assert response["Location"] == certificate.verification_url
    assert certificate.status == Status.VALID  # the page itself shows the live status


def test_head_answers_like_get_without_a_body(client, product):
    response = client.head(f"/01/{GTIN14}")
    assert (response.status_code, response["Location"]) == (307, page_of(product))
    assert response.content == b""
    linkset = client.head(f"/01/{GTIN14}?linkType=linkset")
    assert (linkset.status_code, linkset["Content-Type"]) == (200, "application/linkset+json")
    assert client.head("/01/08930000000018").status_code == 400


def test_cors_preflight_and_post_refused(client, product):
    preflight = client.options(f"/01/{GTIN14}")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert client.post(f"/01/{GTIN14}").status_code == 405


def test_resolver_description(client, settings):
    settings.CONTACT_EMAIL = "ocop@example.gov.vn"
    response = client.get("/.well-known/gs1resolver")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = json.loads(response.content)
    assert body["resolverRoot"] == SITE
    assert body["supportedPrimaryKeys"] == ["01"]
    assert body["supportedLinkType"] == [{"namespace": "https://gs1.org/voc/", "prefix": "gs1:"}]
    assert body["linkTypes"] == [
        "gs1:defaultLink", "gs1:pip", "gs1:certificationInfo", "linkset",
    ]  # fmt: skip
    assert body["contact"] == {"email": "ocop@example.gov.vn"}
