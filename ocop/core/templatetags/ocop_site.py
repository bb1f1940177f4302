"""Site-wide facts for templates that render without a request (the error pages)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def site_contact_email() -> str:
    """OCOP_CONTACT_EMAIL: where users ask for help; empty when not configured."""
    return settings.CONTACT_EMAIL
