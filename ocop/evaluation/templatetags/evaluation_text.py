"""Wording the codes of pure modules in templates: {{ summary.advice|advice_text }}."""

from django import template

from ocop.core.messages import Message
from ocop.criteria.advisor import Advice
from ocop.criteria.messages import advice_text as _advice_text

from ..messages import text

register = template.Library()


@register.filter
def message_text(message: Message) -> str:
    return text(message)


@register.filter
def advice_text(advice: Advice | None) -> str:
    return _advice_text(advice) if advice is not None else ""
