"""What the product pages and the product export show: words, not codes; the columns officers need."""

import io
import re

from django.urls import reverse
from openpyxl import load_workbook

from ocop.accounts.testing import client_for
from ocop.registry.excel import export_workbook, read_rows
from ocop.registry.exports import product_rows
from ocop.registry.imports import import_check
from ocop.registry.models import Product


def test_product_page_names_sales_channels_in_words(personas, registry):
    Product.objects.filter(pk=registry.product_x.pk).update(
        sales_channels=["shop", "ocop_showroom"]
    )
    page = (
        client_for(personas["producer_a"])
        .get(reverse("registry:product_detail", args=[registry.product_x.pk]))
        .content.decode()
    )
    assert "<dd>Cửa hàng, điểm bán, Điểm bán OCOP</dd>" in page
    assert "ocop_showroom" not in page


def test_product_form_puts_the_channel_legend_above_its_boxes(personas, registry):
    page = (
        client_for(personas["producer_a"])
        .get(reverse("registry:product_edit", args=[registry.product_x.pk]))
        .content.decode()
    )
    group = re.search(r'<fieldset class="choice-group">(.*?)</fieldset>', page, re.S)
    assert group is not None
    inside = group.group(1)
    assert inside.strip().startswith("<legend>Kênh bán hàng</legend>")
    assert inside.count('type="checkbox" name="sales_channels"') == 7
    assert (
        '<label for="id_sales_channels_2"><input type="checkbox" name="sales_channels" value="ocop_showroom"'
        in inside
    )


def test_product_export_adds_stars_producer_and_commune_and_still_reimports(registry):
    Product.objects.filter(pk=registry.product_x.pk).update(
        current_stars=4, certificate_status="valid"
    )
    content = export_workbook("products", product_rows(Product.objects.order_by("id")))
    sheet = load_workbook(io.BytesIO(content)).active
    header = [c.value for c in sheet[1]]
    assert header[-5:] == [
        "Số sao (chỉ xem)", "Số giấy chứng nhận (chỉ xem)", "Tình trạng giấy chứng nhận (chỉ xem)",
        "Tên chủ thể (chỉ xem)", "Xã/phường (chỉ xem)",
    ]  # fmt: skip
    assert [c.value for c in sheet[2]][-5:] == [
        4, None, "Còn hiệu lực", "HTX Nông nghiệp Phú Xuyên", "Xã Phú Xuyên",
    ]  # fmt: skip
    # the read-only columns are ignored on the way back in: nothing to create or update
    plan = import_check("products", read_rows("products", io.BytesIO(content)))
    assert plan.errors == []
    assert (len(plan.creates), len(plan.updates), plan.unchanged) == (0, 0, 3)
