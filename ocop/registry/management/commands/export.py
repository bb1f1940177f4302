"""ocop export producers|products FILE.xlsx: every non-archived row, in the import's format."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.http import QueryDict

from ocop.registry.excel import export_workbook
from ocop.registry.exports import producer_rows, product_rows
from ocop.registry.filters import filter_producers, filter_products
from ocop.registry.models import Producer, Product


class Command(BaseCommand):
    help = "Xuất danh sách chủ thể hoặc sản phẩm ra tệp Excel (.xlsx)."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["producers", "products"])
        parser.add_argument("file")

    def handle(self, *args, kind: str, file: str, **options):
        params = QueryDict("")
        if kind == "producers":
            producers = filter_producers(Producer.objects.all(), params)
            rows, count = producer_rows(producers), producers.count()
        else:
            products = filter_products(Product.objects.all(), params)
            rows, count = product_rows(products), products.count()
        Path(file).write_bytes(export_workbook(kind, rows))
        self.stdout.write(f"Đã xuất {count} dòng vào {file}.")
