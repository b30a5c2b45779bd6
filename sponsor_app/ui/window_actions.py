"""What the window's groups of File menu actions (backups, protection) share: the window they
act for, its open group, and the two ways they report back (a status line, an error box)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ..domain.errors import SponsorDeskError
from .errors import show_known_error


class WindowActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.context = window.context

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    def _failed(self, error: SponsorDeskError) -> None:
        show_known_error(self.window, error)
