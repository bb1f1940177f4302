from django import template

register = template.Library()


@register.filter
def star_glyphs(count) -> str:
    """★★★★ for 4; nothing for no stars."""
    return "★" * count if isinstance(count, int) and 0 < count <= 5 else ""
