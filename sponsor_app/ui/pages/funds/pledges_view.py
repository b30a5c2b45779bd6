"""The Funds page's Pledges tab, as laid out: its buttons, the pledges table and a note on how
payments are counted. Widgets only; pledges.py fills them and does what the buttons say."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...widgets.tables import make_table


class PledgesView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.add_button = QPushButton(self.tr("Add &pledge…"))
        self.edit_button = QPushButton(self.tr("Edit pledge…"))
        self.delete_button = QPushButton(self.tr("Delete pledge"))
        top = QHBoxLayout()
        top.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        self.table = make_table(self.tr("Pledges"))
        self.note = QLabel(
            self.tr(
                "Received counts income in “Pledge payments” from the donor's name, whatever its "
                "capitals or macrons (“Kapiti” pays a pledge from “Kāpiti”), each payment once."
            )
        )
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table)
        box.addWidget(self.note)
