"""Messages from pure modules: a code and its parameters, translated by the interface.

Pure modules (no Django) cannot call gettext, so they do not write sentences: they return or raise
a `Message`, and each app's non-pure `messages.py` maps the codes to gettext strings with
%(name)s placeholders (`ocop.core.i18n.render`). The same code then reads in Vietnamese or English.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:  # for logs and tracebacks only; users see the translation
        return f"{self.code} {dict(self.params)}" if self.params else self.code


class MessageError(ValueError):
    """A refusal from a pure module, carrying the Message that explains it."""

    def __init__(self, code: str, **params: object) -> None:
        self.message = Message(code, params)
        super().__init__(str(self.message))
