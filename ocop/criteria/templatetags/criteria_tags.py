from django import template

from ocop.criteria.presenters import RULE_TEXT_LABELS, marker_stars

register = template.Library()


@register.filter
def stars(marker: int) -> str:
    return marker_stars(marker)


@register.filter
def asterisks(marker: int) -> str:
    """4 → "****", as the decision's sheets and the scoring page's options print minima."""
    return "*" * marker


@register.filter
def rule_label(kind: str) -> str:
    return str(RULE_TEXT_LABELS.get(kind, kind))
