"""Vetting states shown with a sign and a colour, so colour is never the only cue."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ...domain.enums import VettingStatus

SIGNS = {
    VettingStatus.CURRENT: "✔",
    VettingStatus.EXPIRING: "⚠",
    VettingStatus.EXPIRED: "✖",
    VettingStatus.PENDING: "◔",
    VettingStatus.NOT_CLEARED: "⊘",
    VettingStatus.MISSING: "○",
}
COLOURS = {
    VettingStatus.CURRENT: QColor("#2e7d32"),
    VettingStatus.EXPIRING: QColor("#b26a00"),
    VettingStatus.EXPIRED: QColor("#c62828"),
    VettingStatus.PENDING: QColor("#1565c0"),
    VettingStatus.NOT_CLEARED: QColor("#ad1457"),
    VettingStatus.MISSING: QColor("#8a8a8a"),  # readable on light and dark alike
}


def status_sign(status: VettingStatus) -> str:
    return SIGNS[status]


def status_text(status: VettingStatus) -> str:
    """ "✖ Expired" (the window's words: ui/vetting_words.py)."""
    from ..vetting_words import state_text

    return state_text(status)


def status_colour(status: VettingStatus) -> QColor:
    return COLOURS[status]
