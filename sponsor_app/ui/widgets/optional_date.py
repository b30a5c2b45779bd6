"""A date that may be unknown: a check box beside a date editor."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from ... import clock


class OptionalDateEdit(QWidget):
    changed = Signal()

    def __init__(self, unknown_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.editor = QDateEdit()
        self.editor.setCalendarPopup(True)
        self.editor.setDisplayFormat("d MMM yyyy")
        self.unknown = QCheckBox(unknown_text)
        row.addWidget(self.editor, 1)
        row.addWidget(self.unknown)
        self.unknown.toggled.connect(self._on_unknown_toggled)
        self.editor.dateChanged.connect(self.changed)
        self.setFocusProxy(self.editor)

    def _on_unknown_toggled(self, unknown: bool) -> None:
        self.editor.setEnabled(not unknown)
        self.changed.emit()

    def value(self) -> date | None:
        return None if self.unknown.isChecked() else self.editor.date().toPython()

    def set_value(self, day: date | None, fallback: date | None = None) -> None:
        self.unknown.setChecked(day is None)
        shown = day or fallback or clock.today()
        self.editor.setDate(QDate(shown.year, shown.month, shown.day))
