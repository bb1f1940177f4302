"""Templates and exports open styled: frozen bold header, filter, A4 landscape fit to width,
drop-downs that refuse other values with a Vietnamese alert."""

import io

import pytest
from openpyxl import load_workbook

from ocop.core.testing import assert_styled_sheet
from ocop.registry.excel import export_workbook, template_workbook
from ocop.registry.exports import producer_rows, product_rows
from ocop.registry.models import Producer, Product


@pytest.mark.parametrize(("kind", "title"), [("producers", "Chủ thể"), ("products", "Sản phẩm")])
def test_templates_are_styled_and_alert_on_bad_values(kind, title):
    book = load_workbook(io.BytesIO(template_workbook(kind)))
    sheet = book[title]
    assert_styled_sheet(sheet, validations=True)
    assert (
        sheet.auto_filter.ref == f"A1:{sheet.cell(row=1, column=sheet.max_column).column_letter}2"
    )
    messages = {v.error for v in sheet.data_validations.dataValidation}
    assert all(m.startswith("Cột “") and "danh sách thả xuống" in m for m in messages)


@pytest.mark.django_db
def test_exports_are_styled_and_filter_every_row(registry):
    for kind, rows, count in (
        ("products", product_rows(Product.objects.all()), Product.objects.count()),
        ("producers", producer_rows(Producer.objects.all()), Producer.objects.count()),
    ):
        sheet = load_workbook(io.BytesIO(export_workbook(kind, rows))).worksheets[0]
        assert_styled_sheet(sheet)
        last = sheet.cell(row=1, column=sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{count + 1}"
        assert sheet.max_row == count + 1
