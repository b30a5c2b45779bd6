"""Vetting states shown with a sign and a colour, so colour is never the only cue (their words
with the sign: ui/vetting_words.py `state_text`)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from ...domain.enums import VettingStatus

SIGNS = {
    VettingStatus.CURRENT: "✔",
    VettingStatus.EXPIRING: "⚠",
    VettingStatus.EXPIRED: "✖",
    VettingStatus.PENDING: "◔",
    VettingStatus.NOT_CLEARED: "⊘",
    VettingStatus.MISSING: "○",
}
# (on a light background, on a dark one): each readable on its own, at 4.5:1 or better.
COLOURS = {
    VettingStatus.CURRENT: (QColor("#2e7d32"), QColor("#81c784")),
    VettingStatus.EXPIRING: (QColor("#b26a00"), QColor("#ffb74d")),
    VettingStatus.EXPIRED: (QColor("#c62828"), QColor("#ef9a9a")),
    VettingStatus.PENDING: (QColor("#1565c0"), QColor("#90caf9")),
    VettingStatus.NOT_CLEARED: (QColor("#ad1457"), QColor("#f48fb1")),
    VettingStatus.MISSING: (QColor("#767676"), QColor("#a0a0a0")),
}


def status_sign(status: VettingStatus) -> str:
    return SIGNS[status]


def status_colour(status: VettingStatus) -> QColor:
    """The state's colour for the palette in use (the system's light or dark one)."""
    light, dark = COLOURS[status]
    return dark if _dark_palette() else light


def _dark_palette() -> bool:
    app = QGuiApplication.instance()
    return app is not None and app.palette().color(QPalette.ColorRole.Base).lightness() < 128
