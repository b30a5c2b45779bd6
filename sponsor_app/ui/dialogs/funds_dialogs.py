"""Forms for a transaction, a budget, a pledge, and the category list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ... import clock
from ...domain.enums import TransactionKind
from ...domain.errors import SponsorDeskError
from ...domain.vocabulary import PAYMENT_METHODS
from ...services.funds.funds import PLEDGE_FREQUENCIES, PledgeInput, PledgeRow
from ...services.funds.ledger import CategoryRow, TransactionInput
from ..selection import on_selected
from ..widgets.date_field import required_date
from ..widgets.form import FormDialog
from ..widgets.money_edit import MoneyEdit
from ..widgets.name_completer import suggest_names
from ..widgets.optional_date import OptionalDateEdit
from ..words import error_words
from .list_dialog import ListDialog


def date_edit(day: date | None = None, month_only: bool = False):
    """A typed date (a DateField), or a month picker for budgets (month and year only)."""
    if not month_only:
        return required_date(day)
    editor = QDateEdit()
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("MMMM yyyy")
    shown = day or clock.today()
    editor.setDate(QDate(shown.year, shown.month, shown.day))
    return editor


# The transaction's fields shown and read back as they are (the others need converting).
_AS_TYPED = ("counterparty", "method", "reference", "restricted", "note")


class TransactionDialog(FormDialog):
    def __init__(
        self,
        currency: str,
        locale: str,
        categories: list[CategoryRow],
        households: list[tuple[int, str]],
        current: TransactionInput | None = None,
        parent: QWidget | None = None,
        counterparties: list[str] = (),
    ):
        super().__init__(
            self.tr("Edit transaction") if current else self.tr("Record a transaction"), parent
        )
        self._categories = [
            c for c in categories if not c.archived or (current and c.id == current.category_id)
        ]
        form = self.form
        self.occurred_on = form.add_field(
            "occurred_on", self.tr("&Date:"), date_edit(current.occurred_on if current else None)
        )
        self.kind = form.add_field("kind", self.tr("&Kind:"), QComboBox())
        for kind in TransactionKind:
            self.kind.addItem(kind.label, kind.value)
        self.amount = form.add_field("amount", self.tr("&Amount:"), MoneyEdit(currency, locale))
        self.amount.setPlaceholderText(self.tr("e.g. 1,200 or 45.5"))
        self.category = form.add_field("category", self.tr("Ca&tegory:"), QComboBox())
        self.counterparty = form.add_field("counterparty", self.tr("&From or to:"), QLineEdit())
        self.counterparty.setPlaceholderText(
            self.tr("Start typing: names already used are offered")
        )
        suggest_names(self.counterparty, counterparties)
        self.method = form.add_field("method", self.tr("&Method:"), QComboBox())
        self.method.setEditable(True)
        self.method.addItems([self.tr(m) for m in PAYMENT_METHODS])
        self.reference = form.add_field("reference", self.tr("&Reference or receipt:"), QLineEdit())
        self.household = form.add_field("household", self.tr("&Household:"), QComboBox())
        self.household.addItem(self.tr("(group)"), None)
        for household_id, code in households:
            self.household.addItem(code, household_id)
        self.restricted = form.add_field("restricted", self.tr("Re&stricted funds:"), QCheckBox())
        self.restricted.setToolTip(
            self.tr("Money given for one purpose only, such as a grant for rent.")
        )
        self.note = form.add_field("note", self.tr("&Note:"), QPlainTextEdit())
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(60)
        self.kind.currentIndexChanged.connect(self._fill_categories)
        self.amount.problem_changed.connect(
            lambda message: self.form.set_problem("amount", message or None)
        )
        self._load(current)

    def _load(self, current: TransactionInput | None) -> None:
        """The transaction's values, or a new one's: spending, no category chosen yet."""
        if current is not None:
            self.kind.setCurrentIndex(self.kind.findData(current.kind.value))
            self._fill_categories()
            self.category.setCurrentIndex(max(self.category.findData(current.category_id), 0))
            self.amount.set_value(current.amount)
            self.household.setCurrentIndex(max(self.household.findData(current.household_id), 0))
            self.form.load(current, *_AS_TYPED)
        else:
            self.kind.setCurrentIndex(self.kind.findData(TransactionKind.EXPENSE.value))
            self._fill_categories()

    def _fill_categories(self) -> None:
        kind = TransactionKind(self.kind.currentData())
        self.category.clear()
        # No category is chosen for the person: the first in the list ("Allowance") was
        # saved unseen on transactions that were nothing of the kind.
        self.category.addItem(self.tr("Choose a category…"), None)
        for category in self._categories:
            if category.kind is kind:
                self.category.addItem(category.name, category.id)

    def value(self) -> TransactionInput:
        return TransactionInput(
            occurred_on=self.occurred_on.value(),
            kind=TransactionKind(self.kind.currentData()),
            amount=self.amount.value("amount"),
            category_id=self.category.currentData() or 0,
            household_id=self.household.currentData(),
            **self.form.values(*_AS_TYPED),
        )


class BudgetDialog(FormDialog):
    """A monthly budget for one spending category, for one month or every month of a range."""

    def __init__(
        self,
        currency: str,
        locale: str,
        categories: list[CategoryRow],
        first: date,
        last: date,
        parent: QWidget | None = None,
    ):
        super().__init__(self.tr("Set a budget"), parent)
        form = self.form
        self.category = form.add_field("category", self.tr("&Category:"), QComboBox())
        for category in categories:
            if category.kind is TransactionKind.EXPENSE and not category.archived:
                self.category.addItem(category.name, category.id)
        self.month = form.add_field(
            "month", self.tr("&From month:"), date_edit(first, month_only=True)
        )
        self.until = form.add_field(
            "until", self.tr("&To month:"), date_edit(last, month_only=True)
        )
        self.amount = form.add_field(
            "amount", self.tr("&Amount each month:"), MoneyEdit(currency, locale)
        )
        self.amount.problem_changed.connect(
            lambda message: self.form.set_problem("amount", message or None)
        )

    def value(self):
        return (
            self.category.currentData(),
            self.month.date().toPython().replace(day=1),
            self.until.date().toPython().replace(day=1),
            self.amount.value("amount"),
        )


class PledgeDialog(FormDialog):
    def __init__(
        self,
        currency: str,
        locale: str,
        row: PledgeRow | None = None,
        parent: QWidget | None = None,
        counterparties: list[str] = (),
    ):
        super().__init__(self.tr("Edit pledge") if row else self.tr("Add pledge"), parent)
        self._note = row.note if row else ""  # no field for it here: kept as it was
        form = self.form
        self.donor = form.add_field("donor", self.tr("&Donor:"), QLineEdit())
        self.donor.setPlaceholderText(self.tr("Start typing: names already used are offered"))
        self.donor.setToolTip(
            self.tr(
                "Income in “Pledge payments” from this name counts toward the pledge, whatever "
                "its capitals or macrons: choose the name the payments come from."
            )
        )
        suggest_names(self.donor, counterparties)
        self.amount = form.add_field("amount", self.tr("&Amount:"), MoneyEdit(currency, locale))
        self.frequency = form.add_field("frequency", self.tr("&How often:"), QComboBox())
        for frequency in PLEDGE_FREQUENCIES:
            self.frequency.addItem(self.tr(frequency), frequency)
        self.start_on = form.add_field(
            "start_on", self.tr("&Starts:"), date_edit(row.start_on if row else None)
        )
        self.end_on = form.add_field(
            "end_on", self.tr("&Ends:"), OptionalDateEdit(self.tr("No end date"))
        )
        self.end_on.set_value(row.end_on if row else None)
        self.amount.problem_changed.connect(
            lambda message: self.form.set_problem("amount", message or None)
        )
        if row:
            self.donor.setText(row.donor)
            self.amount.set_value(row.amount)
            self.frequency.setCurrentIndex(self.frequency.findData(row.frequency))
        else:
            self.frequency.setCurrentIndex(self.frequency.findData("monthly"))

    def value(self) -> PledgeInput:
        return PledgeInput(
            self.donor.text(),
            self.amount.value("amount"),
            self.frequency.currentData(),
            self.start_on.value(),
            self.end_on.value(),
            self._note,
        )


class CategoriesDialog(ListDialog):
    """The group's income and spending categories: add, rename, archive (never delete)."""

    def __init__(self, actions, parent: QWidget | None = None):
        # `actions` has list(), add(name, kind), rename(id, name), archive(id, bool)
        super().__init__(actions, self.tr("Ledger categories"), (420, 420), parent=parent)
        layout = self.box
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Categories"))
        layout.addWidget(self.list)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Add &income…"), lambda: self._add(TransactionKind.INCOME)),
            (self.tr("Add &spending…"), lambda: self._add(TransactionKind.EXPENSE)),
            (self.tr("&Rename…"), self._rename),
            (self.tr("&Archive / restore"), self._archive),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)
        self.add_close()
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        for category in self.actions.list():
            text = f"{category.kind.label}: {category.name}" + (
                self.tr(" (archived)") if category.archived else ""
            )
            item = QListWidgetItem(text)
            item.setData(256, category)
            self.list.addItem(item)

    def _current(self) -> CategoryRow | None:
        item = self.list.currentItem()
        return item.data(256) if item else None

    def _guard(self, action) -> None:
        try:
            action()
        except SponsorDeskError as error:
            QMessageBox.warning(self, self.windowTitle(), error_words(error))
        self._fill()

    def _add(self, kind: TransactionKind) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New category"), self.tr("Name:"))
        if ok:
            self._guard(lambda: self.actions.add(name, kind))

    @on_selected("_current")
    def _rename(self, category) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Rename category"), self.tr("Name:"), text=category.name
        )
        if ok:
            self._guard(lambda: self.actions.rename(category.id, name))

    def _archive(self) -> None:
        category = self._current()
        if category is not None:
            self._guard(lambda: self.actions.archive(category.id, not category.archived))
