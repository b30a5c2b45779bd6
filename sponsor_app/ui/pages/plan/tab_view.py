"""The layout every other tab of the plan page shares: a table (or a sentence saying why it is
empty) with buttons under it. The tabs' modules say what the rows are and what the buttons do."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ...models.rows_model import Column, RowsModel, RowsProxy
from ...widgets.tables import fit_columns, make_table
from ..base import empty_state


class TableTab(QWidget):
    def __init__(self, page, name: str, columns: list[Column]):
        super().__init__()
        self.page = page
        self.model = RowsModel(columns, self)
        self.proxy = RowsProxy(self.model, self)
        self.table = make_table(name)
        self.table.setModel(self.proxy)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.empty = empty_state("")
        self.stack.addWidget(self.empty)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(self.buttons)

    def button(self, text: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        if tip:
            button.setToolTip(tip)
        self.buttons.addWidget(button)
        return button

    def show_rows(self, rows, empty_text: str | None = None) -> None:
        self.model.set_rows(rows)
        if empty_text is not None:
            self.empty.setText(empty_text)
        self.stack.setCurrentIndex(0 if rows else 1)
        fit_columns(self.table, 320)

    def selected(self):
        index = self.table.currentIndex()
        return self.proxy.source_row(index) if index.isValid() else None
