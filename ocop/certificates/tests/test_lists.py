"""The certificate list's exports, and what the registry shows of a product's certificate."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from ocop.accounts.testing import client_for
from ocop.certificates.choices import IN_FORCE
from ocop.registry import exports
from ocop.registry.excel import export_workbook
from ocop.registry.models import Product


def test_certificate_list_exports_xlsx_with_the_csv_rows(personas, certificate_p, certificate_q):
    client = client_for(personas["province_p"])
    url = reverse("certificates:certificate_list")
    page = client.get(url).content.decode()
    assert "?format=xlsx" in page and "?format=csv" in page

    response = client.get(url, {"format": "xlsx"})
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == 'attachment; filename="giay-chung-nhan-ocop.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    csv_rows = list(
        csv.reader(io.StringIO(client.get(url, {"format": "csv"}).content.decode("utf-8-sig")))
    )
    assert rows[0] == csv_rows[0] == [
        "Số giấy chứng nhận", "Sản phẩm", "Chủ thể", "Số sao", "Tình trạng", "Hiệu lực đến",
        "Đường dẫn xác minh",
    ]  # fmt: skip
    # province P sees its own certificate only, in both formats
    assert rows[1:] == [[
        certificate_p.number, "Mật ong hoa nhãn Phú Xuyên", "HTX Nông nghiệp Phú Xuyên", 3,
        "Còn hiệu lực", certificate_p.valid_until.isoformat(), certificate_p.verification_url,
    ]]  # fmt: skip
    assert [r[0] for r in csv_rows[1:]] == [certificate_p.number]


def test_product_export_names_the_certificate_in_force(certificate_p, product_q):
    assert tuple(IN_FORCE) == exports.IN_FORCE_STATUSES
    rows = list(exports.product_rows(Product.objects.order_by("id")))
    sheet = load_workbook(io.BytesIO(export_workbook("products", iter(rows)))).active
    header = [c.value for c in sheet[1]]
    first = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    second = dict(zip(header, [c.value for c in sheet[3]], strict=True))
    assert (first["Số giấy chứng nhận (chỉ xem)"], first["Số sao (chỉ xem)"]) == (
        certificate_p.number, 3,
    )  # fmt: skip
    assert first["Tình trạng giấy chứng nhận (chỉ xem)"] == "Còn hiệu lực"
    assert second["Số giấy chứng nhận (chỉ xem)"] is None
    assert second["Tình trạng giấy chứng nhận (chỉ xem)"] == "Chưa có giấy chứng nhận"


def test_certified_product_page_shows_its_certificate_not_unverified(personas, certificate_p):
    page = (
        client_for(personas["province_p"])
        .get(reverse("registry:product_detail", args=[certificate_p.product_id]))
        .content.decode()
    )
    assert "Chưa được cán bộ xác minh" not in page
    assert f'data-certificate="{certificate_p.number}"' in page
    expected = (
        f'<span class="stars">3★</span> — giấy chứng nhận số '
        f'<a href="/certificates/{certificate_p.pk}/">{certificate_p.number}</a>, hiệu lực đến '
        f"{certificate_p.valid_until:%d/%m/%Y} (Còn hiệu lực)."
    )
    assert expected in page


def test_uncertified_product_page_still_says_it_is_unverified(personas, product_q):
    page = (
        client_for(personas["province_q"])
        .get(reverse("registry:product_detail", args=[product_q.pk]))
        .content.decode()
    )
    assert "Chưa được cán bộ xác minh." in page
    assert "data-certificate" not in page
