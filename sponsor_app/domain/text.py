"""Comparing what people type with what is stored: case and diacritics aside."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """ "Kāpiti" and "KAPITI" fold alike; so do "Şükrü" and "sukru". For matching only, never
    for storing: the stored text keeps its macrons and accents."""
    if text.isascii():  # no accents to take off: the quick path most text takes
        return text.casefold().strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def isolate(name: str) -> str:
    """A name (or any text a person typed) to put into a sentence, wrapped in Unicode's
    first-strong isolate (FSI ... PDI): an Arabic or Dari name then keeps its own direction
    without turning the English around it ("أحمد الحسن will no longer be the principal
    applicant." stays in that order). The one helper for the window, the CLI and the PDFs.

    Only text with a right-to-left letter is wrapped: in the English sentences the app has,
    left-to-right text needs nothing (and keeps exact for search and screen readers). A
    right-to-left translation of the app would wrap every name: change it here."""
    if not name or name.isascii() or not any(_right_to_left(c) for c in name):
        return name
    return f"{FIRST_STRONG_ISOLATE}{name}{POP_DIRECTIONAL_ISOLATE}"


def _right_to_left(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")
