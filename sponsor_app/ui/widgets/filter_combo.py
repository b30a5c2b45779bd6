"""A filter's drop-down, refilled from the file without losing the person's choice."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox


def refill_filter(combo: QComboBox, everything: str, items: Iterable[tuple[Any, str]]) -> None:
    """`everything` (no filter, data None) first, then each (value, text). The value chosen
    stays chosen while it is still offered, else the filter goes back to everything; the
    refill itself is not a choice, so it sends no change signal."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for value, text in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    combo.blockSignals(False)
