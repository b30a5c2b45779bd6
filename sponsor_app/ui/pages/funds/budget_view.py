"""The Funds page's Budget tab, as laid out: budget against spending by category and by month
for the support period, and Set budget. Widgets only; budget.py fills them and sets budgets."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...widgets.tables import make_table


class BudgetView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.set_button = QPushButton(self.tr("Set &budget…"))
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(self.set_button)
        self.lines_table = make_table(self.tr("Budget against actual"))
        self.months_table = make_table(self.tr("Budget by month"), sortable=False)
        row = QHBoxLayout()
        row.addWidget(self.lines_table, 3)
        row.addWidget(self.months_table, 2)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addLayout(row)
