from django import template

from ocop.certificates.models import Certificate, HistoricResult

register = template.Library()


@register.inclusion_tag("certificates/_product_history.html")
def product_history(product) -> dict:
    """{% load certificates %}{% product_history product %}: for a product the viewer may already
    see (the product page's scoped fetch decides that), so no second scope check here."""
    return {
        "certificates": Certificate.objects.filter(product=product).select_related(None),
        "results": HistoricResult.objects.filter(product=product),
    }
