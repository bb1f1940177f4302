"""The Excel round trip: template, checks with Vietnamese reasons, all-or-nothing, CLI."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from ocop.accounts.testing import client_for
from ocop.core.models import AuditEntry
from ocop.registry.columns import PRODUCER_COLUMNS, PRODUCT_COLUMNS, read_int
from ocop.registry.excel import export_workbook, read_rows, template_workbook
from ocop.registry.exports import producer_rows, product_rows
from ocop.registry.imports import import_apply, import_check
from ocop.registry.models import Producer, Product
from ocop.registry.testing import valid_tax_code

PRODUCT_HEADERS = [c.header for c in PRODUCT_COLUMNS]


def product_sheet(rows: list[dict]) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.title = "Sản phẩm"
    sheet.append(PRODUCT_HEADERS)
    for row in rows:
        sheet.append([row.get(c.key) for c in PRODUCT_COLUMNS])
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def product_row(producer, name, **extra) -> dict:
    return {"producer_tax_code": producer.tax_code, "name": name, "rules": "26-2026",
            "set_number": "7", **extra}  # fmt: skip


def state():
    return (
        list(Product.objects.order_by("pk").values_list("name", "price", "gtin")),
        list(Producer.objects.order_by("pk").values_list("name", "tax_code")),
    )


def test_template_has_headers_example_and_lists():
    book = load_workbook(io.BytesIO(template_workbook("products")))
    sheet = book["Sản phẩm"]
    assert [c.value for c in sheet[1]] == PRODUCT_HEADERS
    assert sheet["C2"].value == "Gà Lạc Thủy"
    formulas = sorted(str(v.formula1) for v in sheet.data_validations.dataValidation)
    assert "'Danh mục'!$E$2:$E$27" in formulas
    assert book["Danh mục"].sheet_state == "hidden"
    # the untouched example row is skipped on import
    assert list(read_rows("products", io.BytesIO(template_workbook("products")))) == []


def test_every_problem_is_reported_and_nothing_written(registry):
    px = registry.producer_x
    sheet = product_sheet([
        product_row(px, "Miến dong Phú Xuyên", gtin="8934567890121", price=35000),
        product_row(px, "Chè búp", set_number="40"),
        product_row(px, "Miến dong Phú Xuyên"),
        {"producer_tax_code": "0100109107", "name": "Bánh", "rules": "26-2026", "set_number": 6},
        {"producer_tax_code": valid_tax_code(900), "rules": "26-2026", "set_number": 6},
        product_row(px, "Gà ri", price="nhiều"),
    ])  # fmt: skip
    before = state()
    plan = import_check("products", read_rows("products", sheet))
    assert [str(e) for e in plan.errors] == [
        "Dòng 2, cột F (Mã GTIN (mã vạch)): Mã GTIN sai chữ số kiểm tra GS1.",
        "Dòng 3, cột E (Bộ sản phẩm (*)): Bộ tiêu chí 26-2026 không có bộ sản phẩm số 40.",
        "Dòng 4, cột C (Tên sản phẩm (*)): Trùng sản phẩm cùng tên của cùng chủ thể với dòng 2.",
        "Dòng 5, cột B (MST chủ thể (*)): Mã số thuế sai chữ số kiểm tra.",
        f"Dòng 6, cột B (MST chủ thể (*)): Chưa có chủ thể với mã số thuế {valid_tax_code(900)}.",
        "Dòng 6, cột C (Tên sản phẩm (*)): Thiếu giá trị bắt buộc.",
        "Dòng 7, cột G (Giá bán (đồng)): Phải là số nguyên không âm.",
    ]
    with pytest.raises(ValueError):
        import_apply(actor=None, plan=plan)
    assert state() == before


def test_producer_errors_unknown_commune_and_scope(territory, personas):
    book = Workbook()
    sheet = book.active
    sheet.append([c.header for c in PRODUCER_COLUMNS])
    good = valid_tax_code(10)
    sheet.append([good, "HTX A", "Hợp tác xã", "10273"])
    sheet.append([valid_tax_code(11), "HTX B", "Hợp tác xã", "99999"])
    sheet.append([good, "HTX C", "Hợp tác xã", "10279", None, "0123"])
    sheet.append([valid_tax_code(12), "HTX D", "Công ty ma", 10279])
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    plan = import_check("producers", read_rows("producers", out), personas["commune_x"])
    assert [str(e) for e in plan.errors] == [
        "Dòng 3, cột D (Mã xã/phường (*)): Không có xã/phường mã 99999.",
        "Dòng 4, cột A (Mã số thuế (*)): Trùng mã số thuế với dòng 2.",
        "Dòng 4, cột D (Mã xã/phường (*)): Xã/phường ngoài phạm vi quản lý của bạn.",
        "Dòng 4, cột F (Điện thoại): Số điện thoại không đúng định dạng Việt Nam "
        "(di động 10 số, cố định 11 số bắt đầu bằng 02).",
        "Dòng 5, cột C (Loại hình (*)): Giá trị “Công ty ma” không có trong danh sách.",
        "Dòng 5, cột D (Mã xã/phường (*)): Xã/phường ngoài phạm vi quản lý của bạn.",
    ]


def test_import_creates_then_updates_and_audits(registry, personas):
    px = registry.producer_x
    rows = [product_row(px, f"Sản phẩm {n}", price=1000 * n) for n in range(1, 4)]
    plan = import_check("products", read_rows("products", product_sheet(rows)))
    assert (len(plan.creates), len(plan.updates), plan.unchanged) == (3, 0, 0)
    assert import_apply(actor=personas["commune_x"], plan=plan) == (3, 0)
    rows[0]["price"] = 999
    plan = import_check("products", read_rows("products", product_sheet(rows)))
    assert (len(plan.creates), len(plan.updates), plan.unchanged) == (0, 1, 2)
    import_apply(actor=personas["commune_x"], plan=plan)
    product = Product.objects.get(name="Sản phẩm 1")
    assert product.price == 999
    # One entry per import (not per row), with its row count, the ids created and the changes.
    first, second = AuditEntry.objects.filter(action="products_import").order_by("id")
    assert AuditEntry.objects.filter(action__in=["product_create", "product_update"]).count() == 0
    assert (first.after["rows"], first.after["created"], first.after["updated"]) == (3, 3, 0)
    assert sorted(first.after["created_ids"]) == sorted(
        Product.objects.filter(name__startswith="Sản phẩm ").values_list("pk", flat=True)
    )
    assert (second.after["rows"], second.after["created"], second.after["updated"]) == (3, 0, 1)
    assert second.before == {
        "changes": {str(product.pk): {"before": {"price": 1000}, "after": {"price": 999}}}
    }
    assert second.actor == personas["commune_x"]
    assert second.summary == "Nhập từ Excel: 3 dòng, 0 tạo mới, 1 cập nhật"


def _full_data(registry):
    from ocop.registry import services

    services.product_update(actor=None, product=registry.product_x, data={
        "gtin": "8934567890120", "price": 180000, "price_unit": "kg", "bilingual_label": True,
        "sales_channels": ["shop", "ecommerce"], "trademark": "applied", "local_material_percent": 90,
        "description": "Dòng 1\nDòng 2",
    })  # fmt: skip
    services.product_assign_code(product=registry.product_y, year=2026)
    Producer.objects.filter(pk=registry.producer_x.pk).update(phone="0912345678", founded_year=2018)


def test_export_reimports_unchanged(registry):
    _full_data(registry)
    for kind, rows in (
        ("producers", producer_rows(Producer.objects.all())),
        ("products", product_rows(Product.objects.all())),
    ):
        content = export_workbook(kind, rows)
        plan = import_check(kind, read_rows(kind, io.BytesIO(content)))
        assert plan.errors == []
        assert (len(plan.creates), len(plan.updates), plan.unchanged) == (0, 0, 3), kind


def test_cli_exit_codes(registry, tmp_path, capsys):
    _full_data(registry)
    exported = tmp_path / "products.xlsx"
    call_command("export", "products", str(exported))
    call_command("import", "products", str(exported), "--dry-run")
    assert "Tạo mới 0, cập nhật 0, không đổi 3." in capsys.readouterr().out
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(product_sheet([
        product_row(registry.producer_x, "Mới 1"),
        product_row(registry.producer_x, "Mới 2", gtin="123"),
    ]).getvalue())  # fmt: skip
    before = state()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import", "products", str(bad))
    assert exit_info.value.code == 2
    assert "Dòng 3, cột F (Mã GTIN (mã vạch)): Mã GTIN phải gồm 8, 12, 13 hoặc 14 chữ số." in (
        capsys.readouterr().out
    )
    assert state() == before
    good = tmp_path / "good.xlsx"
    good.write_bytes(product_sheet([product_row(registry.producer_x, "Mới 1")]).getvalue())
    call_command("import", "products", str(good))
    assert Product.objects.filter(name="Mới 1").count() == 1


def test_web_import_preview_then_confirm(registry, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(personas["commune_x"])
    sheet = product_sheet([product_row(registry.producer_x, "Bánh tẻ Phú Xuyên")])
    sheet.name = "sp.xlsx"
    response = client.post(reverse("registry:products_import"), {"file": sheet})
    token = response.context["token"]
    assert len(response.context["plan"].creates) == 1
    assert Product.objects.filter(name="Bánh tẻ Phú Xuyên").count() == 0
    other = client_for(personas["commune_y"])
    assert other.post(reverse("registry:products_import_confirm", args=[token])).status_code == 404
    response = client.post(reverse("registry:products_import_confirm", args=[token]))
    assert response.status_code == 302
    assert Product.objects.filter(name="Bánh tẻ Phú Xuyên").count() == 1


def test_web_import_refuses_rows_outside_the_territory(registry, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sheet = product_sheet([product_row(registry.producer_y, "Kẹo lạc")])
    sheet.name = "sp.xlsx"
    response = client_for(personas["commune_x"]).post(
        reverse("registry:products_import"), {"file": sheet}
    )
    assert [e.reason for e in response.context["plan"].errors] == [
        "Chủ thể ngoài phạm vi quản lý của bạn."
    ]
    assert "token" not in response.context


def test_values_past_the_model_are_row_errors(registry):
    px = registry.producer_x
    sheet = product_sheet([
        product_row(px, "Gà" * 5000),
        product_row(px, "Chè", price=10**30),
        product_row(px, "Mật ong", price=str(10**19)),
        product_row(px, "Miến", price_unit="k" * 61, local_material_percent=101),
    ])  # fmt: skip
    before = state()
    plan = import_check("products", read_rows("products", sheet))
    assert [str(e) for e in plan.errors] == [
        "Dòng 2, cột C (Tên sản phẩm (*)): Dài 10000 ký tự, tối đa 255 ký tự.",
        "Dòng 3, cột G (Giá bán (đồng)): Số quá lớn (tối đa 9.223.372.036.854.775.807).",
        "Dòng 4, cột G (Giá bán (đồng)): Số quá lớn (tối đa 9.223.372.036.854.775.807).",
        "Dòng 5, cột H (Đơn vị tính): Dài 61 ký tự, tối đa 60 ký tự.",
        "Dòng 5, cột J (Tỷ lệ nguyên liệu địa phương (%)): Tỷ lệ không quá 100%.",
    ]
    assert state() == before


def test_producer_numbers_past_their_columns_are_row_errors(territory):
    book = Workbook()
    sheet = book.active
    sheet.append([c.header for c in PRODUCER_COLUMNS])
    values = {"tax_code": valid_tax_code(77), "name": "HTX " + "A" * 300,
              "legal_form": "Hợp tác xã", "commune": territory.commune_x.code,
              "workforce": 3_000_000_000, "phone": "0912345678"}  # fmt: skip
    sheet.append([values.get(c.key) for c in PRODUCER_COLUMNS])
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    plan = import_check("producers", read_rows("producers", out))
    assert [e.reason for e in plan.errors] == [
        "Dài 304 ký tự, tối đa 255 ký tự.",
        "Số quá lớn (tối đa 2.147.483.647).",
    ]


@pytest.mark.parametrize(
    ("cell", "stored"),
    [(180000, 180000), (15000.0, 15000), ("15.000", 15000), ("1 500 000", 1500000), ("0", 0)],
)
def test_whole_dong_are_read(registry, cell, stored):
    sheet = product_sheet([product_row(registry.producer_x, "Chè", price=cell)])
    plan = import_check("products", read_rows("products", sheet))
    assert plan.errors == []
    assert plan.creates[0].price == stored


@pytest.mark.parametrize("cell", [1.5, "1.5", "1,5", "15.000,5", "180,000", "1.50"])
def test_fractions_of_a_dong_are_refused(registry, cell):
    sheet = product_sheet([product_row(registry.producer_x, "Chè", price=cell)])
    plan = import_check("products", read_rows("products", sheet))
    assert [str(e) for e in plan.errors] == [
        "Dòng 2, cột G (Giá bán (đồng)): Phải là số nguyên không âm, không có phần lẻ "
        "(hàng nghìn ghi bằng dấu chấm: 15.000)."
    ]


def test_invisible_characters_are_dropped_from_imported_text(registry):
    sheet = product_sheet([product_row(
        registry.producer_x, "Gà\u200b ri\u00ad Thủy\ufeff", packaging="Túi\u200d  1 kg\u202e",
        description="Dòng một\u200c\nDòng hai",
    )])  # fmt: skip
    plan = import_check("products", read_rows("products", sheet))
    assert plan.errors == []
    created = plan.creates[0]
    assert (created.name, created.packaging, created.description) == (
        "Gà ri Thủy",
        "Túi 1 kg",
        "Dòng một\nDòng hai",
    )


def test_cli_refuses_a_huge_price_with_exit_2(registry, tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(
        product_sheet([product_row(registry.producer_x, "Chè", price=10**30)]).getvalue()
    )
    before = state()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import", "products", str(bad))
    assert exit_info.value.code == 2
    assert "Dòng 2, cột G (Giá bán (đồng)): Số quá lớn" in capsys.readouterr().out
    assert state() == before


def test_web_import_shows_a_huge_price_as_a_row_error(registry, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sheet = product_sheet([product_row(registry.producer_x, "Chè", price=10**30)])
    sheet.name = "sp.xlsx"
    before = state()
    response = client_for(personas["commune_x"]).post(
        reverse("registry:products_import"), {"file": sheet}
    )
    assert response.status_code == 200
    assert "Số quá lớn (tối đa 9.223.372.036.854.775.807)." in response.content.decode()
    assert "token" not in response.context
    assert state() == before


def test_the_template_guide_states_the_number_rule():
    guide = load_workbook(io.BytesIO(template_workbook("products")))["Hướng dẫn"]
    lines = [row[0].value for row in guide.iter_rows()]
    assert (
        "Giá bán ghi số nguyên đồng; hàng nghìn ghi bằng dấu chấm hoặc liền (15.000 hay 15000). "
        "Không ghi phần lẻ: 1,5 hay 1.5 bị từ chối."
    ) in lines


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**15), st.sampled_from([".", " "]))
def test_grouped_whole_numbers_read_back(number, separator):
    written = f"{number:,}".replace(",", separator)
    assert read_int(written) == number
    assert read_int(number) == number
    assert read_int(float(number)) == number


@settings(max_examples=200)
@given(
    st.floats(min_value=0, max_value=10**9, allow_nan=False).filter(lambda x: not x.is_integer())
)
def test_fractions_are_never_read_as_whole_numbers(value):
    # A text "1.234" is one thousand two hundred and thirty-four (the Vietnamese grouping rule);
    # a number cell with a fraction and any text with a decimal comma are refused.
    for cell in (value, str(value).replace(".", ",")):
        with pytest.raises(ValueError):
            read_int(cell)
