"""The public product page and the published decisions."""

import json
import re
from datetime import date

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ocop.catalogue.testing import issue
from ocop.certificates.models import HistoricResult
from ocop.certificates.signing import verification_path
from ocop.evaluation.testing import png_bytes
from ocop.programme.models import Showroom
from ocop.registry.models import ProductImage
from ocop.registry.testing import make_producer, make_product

pytestmark = pytest.mark.django_db


def page(client, product):
    response = client.get(reverse("catalogue:product", args=[product.code]))
    assert response.status_code == 200
    return response.content.decode()


def test_product_page_shows_the_facts_and_links_the_signed_verification(client, catalogue):
    body = page(client, catalogue.honey)
    certificate = catalogue.honey_certificate
    assert 'data-status="valid"' in body
    assert 'data-stars="4"' in body
    for fact in (certificate.number, "UBND thành phố Hà Nội", "1234/QĐ-UBND", "30/06/2026",
                 "30/06/2029", "HTX Nông nghiệp Phú Xuyên", "Hợp tác xã", "Xã Phú Xuyên",
                 "Thành phố Hà Nội", "4. Mật ong, mật khác và nông sản thực phẩm khác",
                 "Ong nuôi bên vườn nhãn.", "Điểm bán OCOP, Thương mại điện tử"):  # fmt: skip
        assert fact in body, fact
    assert f'href="{verification_path(certificate.token)}"' in body
    assert body.count("<svg") == 1  # the QR code, inline


def test_json_ld_is_a_schema_org_product_that_cannot_close_its_block(client, catalogue):
    catalogue.honey.__class__.objects.filter(pk=catalogue.honey.pk).update(
        description="Ngọt </script><script>alert(1)</script> & thơm"
    )
    body = page(client, catalogue.honey)
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "Product"
    assert data["name"] == "Mật ong hoa nhãn Phú Xuyên"
    assert data["productID"] == catalogue.honey.code
    assert data["description"] == "Ngọt </script><script>alert(1)</script> & thơm"
    assert data["hasCertification"]["certificationIdentification"] == (
        catalogue.honey_certificate.number
    )
    assert data["manufacturer"] == {"@type": "Organization", "name": "HTX Nông nghiệp Phú Xuyên"}
    assert "<" not in blocks[0] and "&" not in blocks[0]


def test_stars_history_lists_certificates_and_results_before_the_system(client, catalogue):
    HistoricResult.objects.create(
        product=catalogue.honey, year=2020, rules="1048-2019", stars=3, total="62.50",
        authority_name="UBND thành phố Hà Nội", authority_level="province",
    )  # fmt: skip
    body = page(client, catalogue.honey)
    assert re.findall(r'data-history-year="(\d+)"', body) == ["2026", "2020"]


def test_showrooms_open_today_are_listed_where_it_is_sold(client, catalogue, territory):
    showroom = Showroom.objects.create(
        kind=Showroom._meta.get_field("kind").choices[0][0], name="Điểm bán OCOP Hồ Gươm",
        address="12 Lê Thái Tổ", location=territory.commune_x, operator="HTX",
        opened_on=date(2025, 1, 1), province=territory.province_p,
    )  # fmt: skip
    closed = Showroom.objects.create(
        kind=showroom.kind, name="Điểm bán đã đóng", address="1 Phố Cũ",
        location=territory.commune_x, operator="HTX", opened_on=date(2020, 1, 1),
        closed_on=date(2021, 1, 1), province=territory.province_p,
    )  # fmt: skip
    showroom.products.add(catalogue.honey)
    closed.products.add(catalogue.honey)
    body = page(client, catalogue.honey)
    assert "Điểm bán OCOP Hồ Gươm" in body and "12 Lê Thái Tổ" in body
    assert "Điểm bán đã đóng" not in body


def test_photos_of_public_products_only(client, catalogue, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    public = ProductImage(product=catalogue.honey, caption="Hũ mật")
    public.image.save("hu.png", ContentFile(png_bytes()))
    hidden = ProductImage(product=catalogue.unranked, caption="Dưa")
    hidden.image.save("dua.png", ContentFile(png_bytes()))
    url = reverse("catalogue:image", args=[catalogue.honey.code, public.pk])
    assert f'src="{url}"' in page(client, catalogue.honey)
    assert client.get(url).status_code == 200
    wrong = reverse("catalogue:image", args=[catalogue.honey.code, hidden.pk])
    assert client.get(wrong).status_code == 404


def test_decisions_page_groups_products_by_decision_newest_first(client, catalogue):
    body = client.get(reverse("catalogue:decisions")).content.decode()
    numbers = re.findall(r'data-decision="([^"]+)"', body)
    assert numbers == ["1234/QĐ-UBND", "55/QĐ-BNNMT", "800/QĐ-UBND", "300/QĐ-UBND"]
    first = body.split('data-decision="1234/QĐ-UBND"')[1].split("</article>")[0]
    # the revoked product was recognised by that decision too: the record stays
    assert re.findall(r"<li><a [^>]*>([^<]+)</a>", first) == [
        "Cà phê rang xay Sài Gòn", "Đường phèn Phú Xuyên", "Mật ong hoa nhãn Phú Xuyên"
    ]  # fmt: skip
    revoked = re.findall(r'data-revoked="([^"]+)"', body)
    assert len(revoked) == 1
    assert "Sử dụng sai biểu trưng OCOP" in body and "1520/QĐ-UBND" in body


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_and_product_page_make_the_same_number_of_queries_at_any_size(
    client, catalogue, territory
):
    cache.clear()
    product_url = reverse("catalogue:product", args=[catalogue.honey.code])
    before = (_queries(client, "/catalogue/?q=phu"), _queries(client, product_url))
    for n in range(6):
        owner = make_producer(territory.commune_y, f"HTX Phú số {n}", 100 + n * 5)
        issue(make_product(owner, f"Chè Phú {n}", 11), 3, date(2026, 7, 1), f"9{n}/QĐ-UBND")
        HistoricResult.objects.create(
            product=catalogue.honey, year=2010 + n, rules="1048-2019", stars=3,
            authority_name="UBND thành phố Hà Nội", authority_level="province",
        )  # fmt: skip
    cache.clear()
    after = (_queries(client, "/catalogue/?q=phu"), _queries(client, product_url))
    assert after == before


def test_the_two_pagers_of_the_decisions_page_keep_each_others_page(client, catalogue, monkeypatch):
    from ocop.accounts.models import User
    from ocop.catalogue import views
    from ocop.certificates.services import certificate_revoke

    certificate_revoke(
        actor=User.objects.get(username="province_p"), certificate=catalogue.honey_certificate, ground="mark_misuse",
        conclusion_date=date(2026, 11, 2), decision_number="1600/QĐ-UBND",
        decision_date=date(2026, 11, 21),
    )  # fmt: skip
    monkeypatch.setattr(views, "DECISIONS_PER_PAGE", 1)
    monkeypatch.setattr(views, "REVOCATIONS_PER_PAGE", 1)
    body = client.get(reverse("catalogue:decisions") + "?page=2&revoked=2").content.decode()
    links = re.findall(r'<a href="\?([^"]+)">', body)
    assert links == [
        "revoked=2&amp;page=1",
        "revoked=2&amp;page=3",  # decisions: the revocations stay on 2
        "page=2&amp;revoked=1",  # revocations (2 of 2): the decisions stay on page 2
    ]
    assert re.findall(r'data-decision="([^"]+)"', body) == ["55/QĐ-BNNMT"]
    assert re.findall(r'data-revoked="([^"]+)"', body) == [catalogue.honey_certificate.number]
