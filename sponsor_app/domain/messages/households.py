"""Households (filled as its services move to codes)."""

from __future__ import annotations

from enum import unique

from .core import Text


@unique
class Households(Text):
    pass
