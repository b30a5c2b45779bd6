"""The Funds page's Ledger tab: what searching, filtering, sorting, recording, editing and
deleting do. The ledger is read a page of rows at a time (models/ledger_model.py); after an
edit only the rows it touched are read again, where the rows shown stay the same."""

from __future__ import annotations

from array import array
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer

from .... import clock
from ....domain.enums import TransactionKind
from ....services.funds import ledger as ledger_service
from ....services.funds import rules as rules_service
from ....services.funds.ledger_view import (
    LedgerFilter,
    LedgerPeriod,
    fetch_lines,
    find_transactions,
    ledger_period,
    open_ledger,
)
from ....services.households.households import list_households
from ...dialogs.funds_dialogs import CategoriesDialog, TransactionDialog
from ...dialogs.rules_dialog import RulesDialog
from ...formatting import money
from ...selection import on_selected
from ...widgets.filter_combo import refill_filter
from .ledger_view import LedgerView

NEWEST_FIRST = ("date", True)  # as people read a statement


class LedgerTab(LedgerView):
    def __init__(self, page):
        super().__init__()
        self.page = page
        self._balances = None
        self._sort = NEWEST_FIRST
        self.selection = None
        self.search.textChanged.connect(self.apply_filter)
        for combo in self.filter_combos():
            combo.currentIndexChanged.connect(self.apply_filter)
        self.model.sort_requested.connect(self._on_sort_requested)
        self.table.verticalScrollBar().valueChanged.connect(self._load_visible)
        self.table.doubleClicked.connect(lambda _: self.edit())
        self.record_button.clicked.connect(self.record)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.categories_button.clicked.connect(self.manage_categories)
        self.rules_button.clicked.connect(self.manage_rules)

    @property
    def store(self):
        return self.page.context.store

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._load_visible)

    def reset_filters(self) -> None:
        """The whole ledger, newest first: as a file first opens."""
        self._balances = None  # the last file's; refresh() reads this file's
        self._sort = NEWEST_FIRST
        widgets = (self.search, *self.filter_combos())
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in self.filter_combos():
            combo.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)

    # --- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.locale = self.page.locale()
        self._fill_filter_choices()
        self._show(self._read())

    def _read(self):
        """The rows the filters ask for, with this moment's running balances."""
        self._balances, everything = open_ledger(self.store)
        if self._is_default_filter():
            # open_ledger's ids are oldest first; the default view is newest first
            return replace(everything, ids=array("q", reversed(everything.ids)))
        return find_transactions(self.store, self.current_filter())

    def update_rows(self, touched: frozenset[int]) -> None:
        """After a change to transactions only. The whole ledger shown, and the rows touched in
        view and still where they were (a note, a category changed): read those rows again,
        nothing else. Otherwise, when the same rows are shown in the same order, read again
        those touched and those whose running balance moved. Either way the view keeps its
        place and selection; only when the rows shown differ are they shown anew."""
        store = self.store
        if (
            self._is_default_filter()
            and self.model.holds(touched)
            and self.model.replace_lines(fetch_lines(store, sorted(touched), self._balances))
        ):
            return
        selection = self._read()
        balances = self._balances
        if self.model.update_selection(
            selection, lambda ids: fetch_lines(store, ids, balances), touched, balances
        ):
            self.selection = selection
            self._show_totals(selection)
            self._load_visible()
        else:
            self._show(selection)

    def _fill_filter_choices(self) -> None:
        categories = [
            (c.id, f"{c.name} ({c.kind.label.lower()})")
            for c in ledger_service.list_categories(self.store)
        ]
        households = [(h.id, h.code) for h in list_households(self.store, include_archived=True)]
        for combo, items, everything in (
            (self.category, categories, self.tr("All categories")),
            (self.household, households, self.tr("All households")),
        ):
            refill_filter(combo, everything, items)

    def _is_default_filter(self) -> bool:
        return (
            not self.search.text().strip()
            and self.period.currentIndex() == 0
            and self.kind.currentIndex() == 0
            and self.category.currentIndex() <= 0
            and self.household.currentIndex() <= 0
            and self._sort == NEWEST_FIRST
        )

    def current_filter(self) -> LedgerFilter:
        start, end = ledger_period(
            self.store, LedgerPeriod(self.period.currentData()), clock.today()
        )
        kind = self.kind.currentData()
        return LedgerFilter(
            text=self.search.text(),
            kind=TransactionKind(kind) if kind else None,
            category_id=self.category.currentData(),
            household_id=self.household.currentData(),
            start=start,
            end=end,
            sort=self._sort[0],
            descending=self._sort[1],
        )

    def apply_filter(self) -> None:
        if not self.page.context.is_open or self._balances is None:
            return
        self._show(find_transactions(self.store, self.current_filter()))

    def _show(self, selection) -> None:
        self.selection = selection
        store, balances = self.store, self._balances
        self.model.set_selection(selection, lambda ids: fetch_lines(store, ids, balances))
        empty = len(selection.ids) == 0
        self.table.setVisible(not empty)
        self.ledger_empty.setVisible(empty)
        self._show_totals(selection)
        self._load_visible()

    def _show_totals(self, selection) -> None:
        loc = self.page.locale()
        self.totals.setText(
            self.tr("{} shown · income {} · spending {} · net {}").format(
                f"{len(selection.ids):,}",
                money(selection.income, loc),
                money(selection.spending, loc),
                money(selection.net, loc),
            )
        )

    def _load_visible(self) -> None:
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        first = 0 if first < 0 else first
        last = first + 60 if last < 0 else last
        self.model.ensure_rows(first, last)

    def _on_sort_requested(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        self.apply_filter()

    # --- writing ------------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _dialog(self, current=None) -> TransactionDialog:
        store, info = self.store, self.page.context.info
        return TransactionDialog(
            info.currency,
            info.locale,
            ledger_service.list_categories(store),
            [(h.id, h.code) for h in list_households(store)],
            current,
            self,
            ledger_service.counterparties(store),
        )

    def record(self) -> None:
        self.page.edits.with_dialog(
            self._dialog(),
            lambda data: self.tr("Record {}").format(data.kind.label.lower()),
            lambda store, data: ledger_service.record_transaction(store, data).id,
        )

    @on_selected("selected_id")
    def edit(self, transaction_id) -> None:
        self.page.edits.with_dialog(
            self._dialog(ledger_service.transaction_input(self.store, transaction_id)),
            self.tr("Edit transaction"),
            lambda store, data: ledger_service.edit_transaction(store, transaction_id, data),
        )

    @on_selected("selected_id")
    def delete(self, transaction_id) -> None:
        self.page.edits.now(
            self.tr("Delete transaction"),
            lambda store: ledger_service.delete_transaction(store, transaction_id),
            removal=self.tr("Transaction deleted."),
        )

    def manage_categories(self) -> None:
        CategoriesDialog(CategoryActions(self.page), self).exec()

    def manage_rules(self) -> None:
        RulesDialog(RuleActions(self.page), self).exec()


class CategoryActions:
    """What the categories dialog may do, each step undoable through the page's edits."""

    def __init__(self, page):
        self.page = page

    def list(self):
        return ledger_service.list_categories(self.page.context.store)

    def add(self, name, kind):
        self.page.edits.now(
            self.page.tr("Add category"),
            lambda store: ledger_service.add_category(store, name, kind).id,
        )

    def rename(self, category_id, name):
        self.page.edits.now(
            self.page.tr("Rename category"),
            lambda store: ledger_service.rename_category(store, category_id, name),
        )

    def archive(self, category_id, archived):
        self.page.edits.now(
            self.page.tr("Archive category") if archived else self.page.tr("Restore category"),
            lambda store: ledger_service.archive_category(store, category_id, archived),
            removal=self.page.tr("Category archived.") if archived else None,
        )


class RuleActions:
    """What the rules dialog may do, each step undoable through the page's edits."""

    def __init__(self, page):
        self.page = page

    def list(self):
        return rules_service.list_rules(self.page.context.store)

    def categories(self):
        return [
            c for c in ledger_service.list_categories(self.page.context.store) if not c.archived
        ]

    def add(self, data):
        self.page.edits.now(
            self.page.tr("Add rule {}").format(data.pattern.strip()),
            lambda store: rules_service.add_rule(store, data).id,
        )

    def edit(self, rule_id, data):
        self.page.edits.now(
            self.page.tr("Edit rule {}").format(data.pattern.strip()),
            lambda store: rules_service.edit_rule(store, rule_id, data),
        )

    def delete(self, rule_id):
        self.page.edits.now(
            self.page.tr("Delete rule"),
            lambda store: rules_service.delete_rule(store, rule_id),
            removal=self.page.tr("Rule deleted."),
        )
