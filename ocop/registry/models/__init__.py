from .changes import PendingChange
from .producers import Producer, ProducerDocument
from .products import CommuneSerial, Product, ProductImage, ProductStandard

__all__ = [
    "CommuneSerial",
    "PendingChange",
    "Producer",
    "ProducerDocument",
    "Product",
    "ProductImage",
    "ProductStandard",
]
