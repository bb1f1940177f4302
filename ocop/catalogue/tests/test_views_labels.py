import io
import xml.etree.ElementTree as ET

import pytest
import segno
from PIL import Image

from ocop.catalogue.labels import SCALE, Label, label_svg
from ocop.registry.models import Product

from .conftest import GTIN14

pytestmark = pytest.mark.django_db
SITE = "https://ocop.example.gov.vn"
NS = {"svg": "http://www.w3.org/2000/svg"}


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


def qr_path(url: str) -> str:
    """The path segno draws for `url`: a label whose QR path is this encodes exactly `url`."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=SCALE, border=2, xmldecl=False)
    return ET.fromstring(out.getvalue()).find("svg:path", NS).get("d")


def parsed(response):
    root = ET.fromstring(response.content)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    return root.find(".//svg:g/svg:svg/svg:path", NS).get("d"), texts


def test_product_label_svg_encodes_its_digital_link(client, product, certificate):
    response = client.get(f"/labels/products/{product.code}.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    path, texts = parsed(response)
    assert path == qr_path(f"{SITE}/01/{GTIN14}")
    assert texts == [
        "★★★★ OCOP",
        "Mật ong hoa nhãn Phú Xuyên",
        f"Giấy chứng nhận số {certificate.number}",
        f"GTIN (01) {GTIN14}",
    ]


def test_without_a_gtin_the_label_encodes_the_signed_verification_url(client, plain_product):
    certificate = plain_product.certificates.get()
    response = client.get(f"/labels/certificates/{certificate.pk}.svg")
    path, texts = parsed(response)
    assert path == qr_path(certificate.verification_url)
    assert texts == ["★★★ OCOP", "Gạo nếp cái hoa vàng Phú Xuyên",
                     f"Giấy chứng nhận số {certificate.number}"]  # fmt: skip
    product_label = client.get(f"/labels/products/{plain_product.code}.svg")
    assert parsed(product_label)[0] == qr_path(certificate.verification_url)


def test_a_revoked_certificate_says_so_on_its_label(client, certificate):
    type(certificate).objects.filter(pk=certificate.pk).update(
        status="revoked",
        revocation_ground="criteria_not_met",
        revocation_decision_date="2027-01-05",
    )
    _path, texts = parsed(client.get(f"/labels/certificates/{certificate.pk}.svg"))
    assert texts[3] == "Đã bị thu hồi"


@pytest.mark.parametrize("url", ["/labels/products/{code}.png", "/labels/certificates/{pk}.png"])
def test_png_labels_are_images_with_room_for_the_text(client, certificate, url):
    response = client.get(url.format(code=certificate.product.code, pk=certificate.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    width, height = image.size
    assert height > width >= 360


def test_labels_of_products_that_are_not_public_are_404(client, product, certificate, producer):
    from ocop.registry.testing import make_product

    hidden = make_product(producer, "Chưa công nhận", 2, code="01-10273-099-2026")
    assert client.get(f"/labels/products/{hidden.code}.svg").status_code == 404
    assert client.get("/labels/products/khong-co.png").status_code == 404
    Product.objects.filter(pk=product.pk).update(archived_at="2027-01-01T00:00:00Z")
    assert client.get(f"/labels/products/{product.code}.svg").status_code == 404
    assert client.get(f"/labels/certificates/{certificate.pk}.svg").status_code == 404
    assert client.get(f"/labels/products/{product.code}.pdf").status_code == 404


def test_text_is_escaped_in_the_svg():
    svg = label_svg(Label("https://x/1", 3, 'Bánh <b>&"ngon"</b>', ["a & b"]))
    texts = [t.text for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["★★★ OCOP", 'Bánh <b>&"ngon"</b>', "a & b"]


def test_long_names_wrap(client):
    svg = label_svg(
        Label("https://x/1", 5, "Rượu nếp cái hoa vàng ngâm thuốc nam truyền thống làng Văn Hoàng")
    )
    texts = [t.text for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert texts == [
        "★★★★★ OCOP",
        "Rượu nếp cái hoa vàng ngâm thuốc",
        "nam truyền thống làng Văn Hoàng",
    ]


def test_the_officer_pages_link_to_the_labels(client, personas, product, certificate):
    client.force_login(personas["province_p"])
    page = client.get(f"/products/{product.pk}/").content.decode()
    assert f'href="/labels/products/{product.code}.svg"' in page
    assert "In nhãn QR" in page
    detail = client.get(f"/certificates/{certificate.pk}/").content.decode()
    assert f'href="/labels/certificates/{certificate.pk}.png"' in detail
