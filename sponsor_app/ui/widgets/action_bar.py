"""A page's row of actions, built the same way everywhere: the widget that says what
is shown (a search box, a summary) takes the spare width, the buttons keep their own, and each
button names the key that does the same (a tooltip, so the key is found by hovering)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


def button(text: str, key: str = "") -> QPushButton:
    """A push button; `key` is the shortcut (or a short hint) its tooltip shows."""
    made = QPushButton(text)
    if key:
        made.setToolTip(key)
    return made


def action_row(leading: QWidget | None, *widgets: QWidget | None) -> QHBoxLayout:
    """`leading` (None: empty space) stretches; the widgets follow, each at its own width.
    A None among them is a button this page does not have."""
    row = QHBoxLayout()
    if leading is None:
        row.addStretch(1)
    else:
        row.addWidget(leading, 1)
    for widget in widgets:
        if widget is not None:
            row.addWidget(widget)
    return row
