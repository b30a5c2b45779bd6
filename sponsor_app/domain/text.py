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
