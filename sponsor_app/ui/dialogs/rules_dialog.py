"""The rules that categorise bank statement lines: "counterparty contains Countdown: Food"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...services.funds.rules import RuleInput
from ..widgets.form import FieldError
from .list_dialog import ListDialog


class RulesDialog(ListDialog):
    """`actions` has list(), categories(), add(RuleInput), edit(id, RuleInput), delete(id)."""

    def __init__(self, actions, parent: QWidget | None = None):
        super().__init__(
            actions,
            self.tr("Rules for bank statements"),
            (560, 440),
            self.tr(
                "A statement line whose counterparty contains the words goes to the category. "
                "The longest words that match win. Choosing a category in an import's preview "
                "adds a rule here."
            ),
            parent,
        )
        layout = self.box
        self.table = self._rules_table()
        layout.addWidget(self.table, 1)
        grid = self._rule_fields(actions.categories())
        row = QGridLayout()
        self.add_button = QPushButton(self.tr("&Add"))
        self.save_button = QPushButton(self.tr("&Save changes"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        for column, button in enumerate((self.add_button, self.save_button, self.delete_button)):
            row.addWidget(button, 0, column)
        layout.addLayout(grid)
        layout.addLayout(row)
        self.add_close()
        self.add_button.clicked.connect(
            lambda: self._guard(lambda: self.actions.add(self._input()))
        )
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)
        self.table.currentCellChanged.connect(lambda *_: self._on_selected())
        self._rules = []
        self._fill()

    def _rules_table(self) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setAccessibleName(self.tr("Rules"))
        table.setHorizontalHeaderLabels(
            [self.tr("Contains"), self.tr("Looked for in"), self.tr("Category")]
        )
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _rule_fields(self, categories) -> QGridLayout:
        """The rule being added or edited: the words, where they are looked for, the category."""
        grid = QGridLayout()
        self.pattern = QLineEdit()
        self.pattern.setPlaceholderText(self.tr("Countdown"))
        self.pattern.setAccessibleName(self.tr("Contains"))
        self.field = QComboBox()
        self.field.setAccessibleName(self.tr("Looked for in"))
        self.field.addItem(self.tr("the counterparty"), "counterparty")
        self.field.addItem(self.tr("the whole line"), "any")
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        for category in categories:
            self.category.addItem(f"{category.name} ({category.kind.label.lower()})", category.id)
        for column, (text, widget) in enumerate(
            ((self.tr("C&ontains:"), self.pattern), (self.tr("&In:"), self.field))
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, column * 2)
            grid.addWidget(widget, 0, column * 2 + 1)
        caption = QLabel(self.tr("Ca&tegory:"))
        caption.setBuddy(self.category)
        grid.addWidget(caption, 1, 0)
        grid.addWidget(self.category, 1, 1, 1, 3)
        self.error = FieldError()
        grid.addWidget(self.error, 2, 1, 1, 3)
        return grid

    def _input(self) -> RuleInput:
        return RuleInput(self.pattern.text(), self.category.currentData(), self.field.currentData())

    def _fill(self) -> None:
        self._rules = self.actions.list()
        self.table.setRowCount(len(self._rules))
        for r, rule in enumerate(self._rules):
            where = (
                self.tr("counterparty") if rule.field == "counterparty" else self.tr("whole line")
            )
            for c, text in enumerate(
                (rule.pattern, where, f"{rule.category} ({rule.kind.label.lower()})")
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, rule.id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._on_selected()

    def current(self):
        row = self.table.currentRow()
        return self._rules[row] if 0 <= row < len(self._rules) else None

    def _on_selected(self) -> None:
        rule = self.current()
        self.save_button.setEnabled(rule is not None)
        self.delete_button.setEnabled(rule is not None)
        if rule is not None:
            self.pattern.setText(rule.pattern)
            self.field.setCurrentIndex(self.field.findData(rule.field))
            self.category.setCurrentIndex(self.category.findData(rule.category_id))

    def _guard(self, action) -> None:
        if self.write(action):
            self._fill()

    def _save(self) -> None:
        rule = self.current()
        if rule is not None:
            self._guard(lambda: self.actions.edit(rule.id, self._input()))

    def _delete(self) -> None:
        rule = self.current()
        if rule is not None:
            self._guard(lambda: self.actions.delete(rule.id))
