"""The dialogs that keep one of the group's own lists (roles, categories, bank rules) share a
frame: a title, a sentence on what the list is for, the list and its buttons, and Close.
Each write goes through the `actions` they are given (the window's undo stack)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...domain.errors import SponsorDeskError
from ..words import error_words


class ListDialog(QDialog):
    def __init__(
        self,
        actions,
        title: str,
        minimum: tuple[int, int],
        intro: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(*minimum)
        self.actions = actions
        self.box = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            self.box.addWidget(label)

    def write(self, action) -> bool:
        """Run one write; a refusal is said in `self.error` (the dialog's FieldError under its
        fields) and nothing else changes. Returns whether the write went through."""
        self.error.show_message(None)
        try:
            action()
        except SponsorDeskError as error:
            self.error.show_message(error_words(error))
            return False
        return True

    def add_close(self) -> None:
        """Close, last: the list is saved as it goes, so there is nothing to cancel."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.box.addWidget(buttons)
