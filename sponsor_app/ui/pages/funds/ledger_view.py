"""The Funds page's Ledger tab, as laid out: search and filters, the totals and buttons, the
paged ledger table (or a sentence when nothing matches). Widgets only; ledger.py says what
they do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ....domain.enums import TransactionKind
from ....services.funds.ledger_view import LedgerPeriod
from ...models.ledger_model import LedgerModel
from ...widgets.action_bar import action_row, button
from ...widgets.tables import make_table
from ..base import empty_state

COLUMN_WIDTHS = (100, 70, 105, 110, 150, 190, 75, 105, 80, 80, 140)


class LedgerView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = LedgerModel(self)
        self.table = make_table(self.tr("Ledger"))
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.ledger_empty = empty_state(
            self.tr(
                "No transactions match. Record one with “Record…” (Ctrl+Shift+N) or import a bank export with File ▸ Import ▸ Transactions."
            )
        )
        # The search, filters and ledger buttons live on this tab: on the others they would
        # do nothing.
        box = QVBoxLayout(self)
        box.addLayout(self._filters())
        box.addLayout(self._actions())
        box.addWidget(self.table)
        box.addWidget(self.ledger_empty)

    def _filters(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the ledger (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the ledger"))
        self.search.setClearButtonEnabled(True)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        for choice, words in (
            (LedgerPeriod.ALL, self.tr("All time")),
            (LedgerPeriod.THIS_MONTH, self.tr("This month")),
            (LedgerPeriod.LAST_3_MONTHS, self.tr("Last 3 months")),
            (LedgerPeriod.LAST_12_MONTHS, self.tr("Last 12 months")),
            (LedgerPeriod.SUPPORT, self.tr("Support period")),
        ):
            self.period.addItem(words, choice.value)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.addItem(self.tr("Income and spending"), None)
        for kind in TransactionKind:
            self.kind.addItem(kind.label, kind.value)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        self.household = QComboBox()
        self.household.setAccessibleName(self.tr("Household"))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for combo in self.filter_combos():
            filters.addWidget(combo, 1)
        return filters

    def filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.period, self.kind, self.category, self.household)

    def _actions(self) -> QHBoxLayout:
        self.record_button = button(self.tr("&Record…"), "Ctrl+Shift+N")
        self.edit_button = button(self.tr("&Edit…"), "F2")
        self.delete_button = button(self.tr("&Delete"))
        self.categories_button = button(self.tr("Ca&tegories…"))
        self.rules_button = button(
            self.tr("R&ules…"), self.tr("Rules that categorise bank statement lines")
        )
        self.totals = QLabel()
        self.totals.setAccessibleName(self.tr("Totals of what is shown"))
        return action_row(
            self.totals,
            self.record_button,
            self.edit_button,
            self.delete_button,
            self.categories_button,
            self.rules_button,
        )
