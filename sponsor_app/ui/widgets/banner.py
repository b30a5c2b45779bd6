"""A strip across the top of the window for something that needs attention now, with the one
action that answers it. It does not block the window (unlike a message box)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        # The same strong colours in light and dark palettes: white on deep red reads in both.
        self.setStyleSheet(
            "QFrame#banner { background: #b3261e; border-radius: 4px; }"
            "QFrame#banner QLabel { color: white; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 8, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self._action: Callable[[], None] | None = None
        self.button.clicked.connect(self._on_button)
        self.hide()

    def show_message(self, text: str, button_text: str, action: Callable[[], None]) -> None:
        self.label.setText(text)
        self.button.setText(button_text)
        self.setAccessibleName(text)
        self._action = action
        self.show()

    def clear(self) -> None:
        self._action = None
        self.hide()

    def _on_button(self) -> None:
        if self._action is not None:
            self._action()
