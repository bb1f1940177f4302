"""Test helpers for the registry (and for apps that need producers and products in their tests)."""

from ocop.accounts.models import User
from ocop.places.models import Commune

from .identifiers import make_tax_code
from .models import Producer, Product


def valid_tax_code(seed: int) -> str:
    """A checksum-valid 10-digit tax code, different for each seed."""
    return make_tax_code(seed)


def make_producer(commune: Commune, name: str, seed: int, *reps: User, **extra) -> Producer:
    producer = Producer(
        legal_form=extra.pop("legal_form", "cooperative"),
        name=name,
        tax_code=valid_tax_code(seed),
        commune=commune,
        **extra,
    )
    producer.save()
    producer.representatives.add(*reps)
    return producer


def make_product(producer: Producer, name: str, set_number: int = 2, **extra) -> Product:
    product = Product(producer=producer, name=name, set_number=set_number, **extra)
    product.save()
    return product
