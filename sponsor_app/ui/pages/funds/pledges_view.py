"""The Funds page's Pledges tab, as laid out: its buttons, the pledges table and a note on how
payments are counted. Widgets only; pledges.py fills them and does what the buttons say."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...widgets.action_bar import action_row, button
from ...widgets.tables import make_table


class PledgesView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.add_button = button(self.tr("Add &pledge…"))
        self.edit_button = button(self.tr("Edit pledge…"))
        self.delete_button = button(self.tr("Delete pledge"))
        top = action_row(None, self.add_button, self.edit_button, self.delete_button)
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
