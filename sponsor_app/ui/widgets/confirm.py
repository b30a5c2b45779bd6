"""Asking before a step the person may not mean: a warning, the one button that goes ahead
(named for what it does), and Cancel as the default so that Enter never goes ahead unread."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

Role = QMessageBox.ButtonRole


def confirmed(
    parent: QWidget, title: str, text: str, go_ahead: str, role: Role = Role.AcceptRole
) -> bool:
    """Whether the person pressed `go_ahead` (not Cancel, Escape or the close box)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, parent
    )
    button = box.addButton(go_ahead, role)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is button
