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


@register.simple_tag
def current_certificate(product) -> Certificate | None:
    """{% current_certificate product as certificate %}: the product's certificate in force (the
    latest issued), or None. Same scope note as product_history."""
    return (
        Certificate.objects.filter(product=product)
        .in_force()
        .order_by("-issue_date", "-id")
        .first()
    )
