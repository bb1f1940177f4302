"""Rows of the Excel export: the same columns and cell forms as the import reads."""

from collections.abc import Iterator
from typing import Any

from django.db.models import Max, Q, QuerySet

from .columns import PRODUCER_COLUMNS, PRODUCT_COLUMNS, PRODUCT_READ_ONLY_COLUMNS, write_set_label

# The certificates app's in-force statuses (ocop.certificates.choices.IN_FORCE; the registry sits
# below that app and may not import it; a test keeps the two equal).
IN_FORCE_STATUSES = ("valid", "reevaluation", "extended")  # certificates.choices.IN_FORCE


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


def _read_only_cells(product) -> list[Any]:
    values = {
        "current_stars": product.current_stars,
        "certificate_number": product.certificate_number,
        "certificate_status": product.get_certificate_status_display(),
        "producer_name": product.producer.name,
        "commune_name": product.producer.commune.name,
    }
    return [values[c.key] for c in PRODUCT_READ_ONLY_COLUMNS]


def product_rows(products: QuerySet) -> Iterator[list[Any]]:
    in_force = Q(certificates__status__in=IN_FORCE_STATUSES)
    products = products.select_related("producer__commune").annotate(
        certificate_number=Max("certificates__number", filter=in_force)
    )
    for product in products.iterator(chunk_size=2000):
        editable = [_product_cell(product, c.key, c.write) for c in PRODUCT_COLUMNS]
        yield editable + _read_only_cells(product)
