"""Translating the codes of pure modules (ocop.core.messages) into the active language."""

from collections.abc import Mapping

from django.utils.functional import Promise

from .messages import Message, MessageError

Texts = Mapping[str, str | Promise]


def render(message: Message | MessageError, texts: Texts) -> str:
    """The message in the active language; KeyError for a code without a text (a test checks
    that every code has one)."""
    if isinstance(message, MessageError):
        message = message.message
    template = str(texts[message.code])
    return template % dict(message.params) if message.params else template
