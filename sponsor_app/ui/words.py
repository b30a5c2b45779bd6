"""The window's words for what the services say: each message's template through Qt's
translation (its count with %n in the language's plural forms), its values put in, names
isolated. The catalogue and the English are domain/messages; this is the window's edge."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.errors import InvalidInput, Problem
from ..domain.messages import Message, fill
from ..domain.text import isolate


def said(message: Message | str) -> str:
    """A message in the window's language; a sentence already made (not yet a code) as it is."""
    if isinstance(message, str):
        return message
    code, n = message.code, message.count
    text = QCoreApplication.translate(code.context, code.template, "", -1 if n is None else n)
    return fill(text, message, said, isolate)


def problem_words(problem: Problem) -> str:
    return said(problem.said)


def field_words(error: InvalidInput, field: str) -> str | None:
    """What the service said about one field, or None."""
    words = [problem_words(p) for p in error.problems if p.field == field]
    return " ".join(words) if words else None


def error_words(error: BaseException) -> str:
    """A known error as the window says it."""
    if isinstance(error, InvalidInput) and type(error).__str__ is BaseException.__str__:
        return " ".join(problem_words(p) for p in error.problems)
    message = getattr(error, "said", None)
    return said(message) if isinstance(message, Message) else str(error)
