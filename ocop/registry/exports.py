"""Rows of the Excel export: the same columns and cell forms as the import reads."""

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from .columns import PRODUCER_COLUMNS, PRODUCT_COLUMNS, write_set_label


def producer_rows(producers: QuerySet) -> Iterator[list[Any]]:
    for producer in producers.select_related("commune").iterator(chunk_size=2000):
        yield [
            producer.commune.code if c.key == "commune" else c.write(getattr(producer, c.key))
            for c in PRODUCER_COLUMNS
        ]


def _product_cell(product, key: str, write) -> Any:
    if key == "producer_tax_code":
        return product.producer.tax_code
    if key == "set_number":
        return write_set_label(product.set_number, product.rules)
    return write(getattr(product, key))


def product_rows(products: QuerySet) -> Iterator[list[Any]]:
    for product in products.select_related("producer").iterator(chunk_size=2000):
        yield [_product_cell(product, c.key, c.write) for c in PRODUCT_COLUMNS]
