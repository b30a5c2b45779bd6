"""Funds page: the ledger with running balance, budgets, pledges, the requirement and charts."""

from __future__ import annotations

from array import array
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...domain.changes import Topic
from ...domain.enums import TransactionKind
from ...domain.periods import add_months
from ...domain.text import isolate
from ...services.funds import funds as funds_service
from ...services.funds import ledger as ledger_service
from ...services.funds import rules as rules_service
from ...services.funds.ledger_view import LedgerFilter, fetch_lines, find_transactions, open_ledger
from ...services.group.dashboard import CHART_MONTHS
from ...services.households.households import list_households
from ...services.imports.fields import ImportKind
from ...services.reporting.report_data import default_period
from ..dialogs.funds_dialogs import BudgetDialog, CategoriesDialog, PledgeDialog, TransactionDialog
from ..dialogs.rules_dialog import RulesDialog
from ..files import export_with_dialog
from ..formatting import money, month_label, requirement_basis, short_date
from ..importing import choose_source, import_with_preview
from ..models.ledger_model import LedgerModel
from ..models.rows_model import Column, RowsModel
from ..widgets.charts import BalanceChart, CategoryChart
from ..widgets.tables import fit_columns, make_table
from .base import Page, empty_state

_OVER = QColor("#c62828")  # always beside a ✖ or a minus sign, never colour alone
PERIODS = ("All time", "This month", "Last 3 months", "Last 12 months", "Support period")


class _CategoryActions:
    """What the categories dialog may do, each step undoable through the context."""

    def __init__(self, page: FundsPage):
        self.page = page

    def list(self):
        return ledger_service.list_categories(self.page.context.store)

    def add(self, name, kind):
        store = self.page.context.store
        self.page.context.execute(
            self.page.tr("Add category"), lambda: ledger_service.add_category(store, name, kind).id
        )

    def rename(self, category_id, name):
        store = self.page.context.store
        self.page.context.execute(
            self.page.tr("Rename category"),
            lambda: ledger_service.rename_category(store, category_id, name),
        )

    def archive(self, category_id, archived):
        store = self.page.context.store
        self.page.context.execute(
            self.page.tr("Archive category") if archived else self.page.tr("Restore category"),
            lambda: ledger_service.archive_category(store, category_id, archived),
            removal=self.page.tr("Category archived.") if archived else None,
        )


class _RuleActions:
    """What the rules dialog may do, each step undoable through the context."""

    def __init__(self, page: FundsPage):
        self.page = page

    def list(self):
        return rules_service.list_rules(self.page.context.store)

    def categories(self):
        return [
            c for c in ledger_service.list_categories(self.page.context.store) if not c.archived
        ]

    def add(self, data):
        store = self.page.context.store
        self.page.context.execute(
            self.page.tr("Add rule {}").format(data.pattern.strip()),
            lambda: rules_service.add_rule(store, data).id,
        )

    def edit(self, rule_id, data):
        store = self.page.context.store
        self.page.context.execute(
            self.page.tr("Edit rule {}").format(data.pattern.strip()),
            lambda: rules_service.edit_rule(store, rule_id, data),
        )

    def delete(self, rule_id):
        store = self.page.context.store
        self.page.context.execute(
            self.page.tr("Delete rule"),
            lambda: rules_service.delete_rule(store, rule_id),
            removal=self.page.tr("Rule deleted."),
        )


class FundsPage(Page):
    title = "Funds"
    watches = frozenset(
        {
            Topic.LEDGER,
            Topic.CATEGORIES,
            Topic.BUDGETS,
            Topic.PLEDGES,
            Topic.TENANCIES,
            Topic.HOUSEHOLDS,
        }
    )

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._balances = None
        self._stale_tabs: set[int] = set()  # Budget, Pledges, Charts: reloaded when next shown
        self._sort = ("date", True)  # newest first, as people read a statement
        self.selection = None
        loc = self.locale

        self.requirement = QLabel()
        self.requirement.setWordWrap(True)
        self.requirement.setAccessibleName(self.tr("Funds requirement"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the ledger (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the ledger"))
        self.search.setClearButtonEnabled(True)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        self.period.addItems([self.tr(p) for p in PERIODS])
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
        for combo in (self.period, self.kind, self.category, self.household):
            filters.addWidget(combo, 1)
        self.record_button = QPushButton(self.tr("&Record…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.categories_button = QPushButton(self.tr("Ca&tegories…"))
        self.rules_button = QPushButton(self.tr("R&ules…"))
        self.rules_button.setToolTip(self.tr("Rules that categorise bank statement lines"))
        actions = QHBoxLayout()
        self.totals = QLabel()
        self.totals.setAccessibleName(self.tr("Totals of what is shown"))
        actions.addWidget(self.totals, 1)
        for button in (
            self.record_button,
            self.edit_button,
            self.delete_button,
            self.categories_button,
            self.rules_button,
        ):
            actions.addWidget(button)

        self.model = LedgerModel(self)
        self.table = make_table(self.tr("Ledger"))
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        for column, width in enumerate((100, 70, 105, 110, 150, 190, 75, 105, 80, 80, 140)):
            self.table.setColumnWidth(column, width)
        self.ledger_empty = empty_state(
            self.tr(
                "No transactions match. Record one with “Record…” (Ctrl+Shift+N) or import a bank export with File ▸ Import ▸ Transactions."
            )
        )
        # The search, filters and ledger buttons live on the Ledger tab: on the others they
        # would do nothing.
        ledger_tab = QWidget()
        box = QVBoxLayout(ledger_tab)
        box.addLayout(filters)
        box.addLayout(actions)
        box.addWidget(self.table)
        box.addWidget(self.ledger_empty)

        self.budget = RowsModel(
            [
                Column(self.tr("Category"), lambda b: b.category),
                Column(
                    self.tr("Budget"),
                    lambda b: money(b.budget, loc()) if b.has_budget else self.tr("none"),
                    numeric=True,
                ),
                Column(self.tr("Spent"), lambda b: money(b.actual, loc()), numeric=True),
                Column(
                    self.tr("Left"),
                    lambda b: money(b.difference, loc()) if b.has_budget else "—",
                    numeric=True,
                    foreground=lambda b: _OVER if b.over else None,
                ),
                Column(self.tr("State"), self._budget_state),
            ],
            self,
        )
        self.budget_months = RowsModel(
            [
                Column(self.tr("Month"), lambda m: month_label(m[0], loc())),
                Column(self.tr("Budget"), lambda m: money(m[1], loc()), numeric=True),
                Column(self.tr("Spent"), lambda m: money(m[2], loc()), numeric=True),
                Column(
                    self.tr("State"),
                    self._month_state,
                    foreground=lambda m: _OVER if m[1].minor and m[2] > m[1] else None,
                ),
            ],
            self,
        )
        budget_tab = QWidget()
        box = QVBoxLayout(budget_tab)
        top = QHBoxLayout()
        self.budget_label = QLabel()
        self.set_budget_button = QPushButton(self.tr("Set &budget…"))
        top.addWidget(self.budget_label, 1)
        top.addWidget(self.set_budget_button)
        box.addLayout(top)
        row = QHBoxLayout()
        self.budget_table = make_table(self.tr("Budget against actual"))
        self.budget_table.setModel(self.budget)
        self.budget_month_table = make_table(self.tr("Budget by month"), sortable=False)
        self.budget_month_table.setModel(self.budget_months)
        row.addWidget(self.budget_table, 3)
        row.addWidget(self.budget_month_table, 2)
        box.addLayout(row)

        self.pledges = RowsModel(
            [
                Column(self.tr("Donor"), lambda p: p.donor),
                Column(self.tr("Amount"), lambda p: money(p.amount, loc()), numeric=True),
                Column(self.tr("How often"), lambda p: p.frequency),
                Column(self.tr("From"), lambda p: short_date(p.start_on, loc())),
                Column(self.tr("To"), lambda p: short_date(p.end_on, loc()) or self.tr("open")),
                Column(self.tr("Expected"), lambda p: money(p.expected, loc()), numeric=True),
                Column(self.tr("Received"), lambda p: money(p.received, loc()), numeric=True),
                Column(self.tr("Outstanding"), lambda p: money(p.outstanding, loc()), numeric=True),
                Column(
                    self.tr("State"),
                    self._pledge_state,
                    foreground=lambda p: _OVER if p.outstanding.minor else None,
                ),
            ],
            self,
        )
        pledges_tab = QWidget()
        box = QVBoxLayout(pledges_tab)
        top = QHBoxLayout()
        top.addStretch(1)
        self.add_pledge_button = QPushButton(self.tr("Add &pledge…"))
        self.edit_pledge_button = QPushButton(self.tr("Edit pledge…"))
        self.delete_pledge_button = QPushButton(self.tr("Delete pledge"))
        for button in (self.add_pledge_button, self.edit_pledge_button, self.delete_pledge_button):
            top.addWidget(button)
        box.addLayout(top)
        self.pledge_table = make_table(self.tr("Pledges"))
        self.pledge_table.setModel(self.pledges)
        box.addWidget(self.pledge_table)
        self.pledge_note = QLabel(
            self.tr(
                "Received counts income in “Pledge payments” from the donor's name, whatever its "
                "capitals or macrons (“Kapiti” pays a pledge from “Kāpiti”), each payment once."
            )
        )
        box.addWidget(self.pledge_note)

        charts_tab = QWidget()
        box = QHBoxLayout(charts_tab)
        self.balance_chart = BalanceChart()
        self.category_chart = CategoryChart()
        box.addWidget(self.balance_chart)
        box.addWidget(self.category_chart)

        self.tabs = QTabWidget()
        self.tabs.addTab(ledger_tab, self.tr("&Ledger"))
        self.tabs.addTab(budget_tab, self.tr("B&udget"))
        self.tabs.addTab(pledges_tab, self.tr("Pl&edges"))
        self.tabs.addTab(charts_tab, self.tr("C&harts"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.requirement)
        layout.addWidget(self.tabs, 1)

        self.add_shortcuts(
            (
                (self.tr("Find"), QKeySequence.StandardKey.Find, self.find),
                (self.tr("Record transaction"), QKeySequence("Ctrl+Shift+N"), self.record),
                (self.tr("Edit"), QKeySequence("F2"), self._edit_shown),
                (self.tr("Delete"), QKeySequence.StandardKey.Delete, self._delete_shown),
            )
        )
        self.record_button.setToolTip("Ctrl+Shift+N")
        self.edit_button.setToolTip("F2")

        self.search.textChanged.connect(self.apply_filter)
        for combo in (self.period, self.kind, self.category, self.household):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.model.sort_requested.connect(self._on_sort_requested)
        self.table.verticalScrollBar().valueChanged.connect(self._load_visible)
        self.table.doubleClicked.connect(lambda _: self.edit())
        self.record_button.clicked.connect(self.record)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.categories_button.clicked.connect(self.manage_categories)
        self.rules_button.clicked.connect(self.manage_rules)
        self.set_budget_button.clicked.connect(self.set_budget)
        self.add_pledge_button.clicked.connect(self.add_pledge)
        self.edit_pledge_button.clicked.connect(self.edit_pledge)
        self.delete_pledge_button.clicked.connect(self.delete_pledge)
        self.pledge_table.doubleClicked.connect(lambda _: self.edit_pledge())
        self.tabs.currentChanged.connect(self._refresh_tab)

    def _on_opened(self) -> None:
        self.reset_filters()  # another file: what was searched for in the last one is gone
        super()._on_opened()

    def reset_filters(self) -> None:
        """The whole ledger, newest first, on the Ledger tab: as a file first opens."""
        self._balances = None  # the last file's; refresh() reads this file's
        self._sort = ("date", True)
        for widget in (self.search, self.period, self.kind, self.category, self.household):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.period, self.kind, self.category, self.household):
            combo.setCurrentIndex(0)
        for widget in (self.search, self.period, self.kind, self.category, self.household):
            widget.blockSignals(False)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.tabs.setCurrentIndex(0)

    def find(self) -> None:
        """Ctrl+F: the search is on the Ledger tab, so go there first."""
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def _edit_shown(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.edit()
        elif self.tabs.currentIndex() == 2:
            self.edit_pledge()

    def _delete_shown(self) -> None:
        """The Delete key removes what is selected on the tab in view, never a row out of sight."""
        if self.tabs.currentIndex() == 0:
            self.delete()
        elif self.tabs.currentIndex() == 2:
            self.delete_pledge()

    def locale(self) -> str:
        return self.context.info.locale if self.context.info else "en_NZ"

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._load_visible)

    # --- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        store = self.context.store
        self.model.locale = self.locale()
        self._fill_filter_choices()
        self._balances, everything = open_ledger(store)
        if self._is_default_filter():
            # open_ledger's ids are oldest first; the default view is newest first
            self._show(replace(everything, ids=array("q", reversed(everything.ids))))
        else:
            self.apply_filter()
        self._refresh_summary()

    def _fill_filter_choices(self) -> None:
        store = self.context.store
        for combo, items, everything in (
            (
                self.category,
                [
                    (c.id, f"{c.name} ({c.kind.label.lower()})")
                    for c in ledger_service.list_categories(store)
                ],
                self.tr("All categories"),
            ),
            (
                self.household,
                [(h.id, h.code) for h in list_households(store, include_archived=True)],
                self.tr("All households"),
            ),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for item_id, text in items:
                combo.addItem(text, item_id)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def _is_default_filter(self) -> bool:
        return (
            not self.search.text().strip()
            and self.period.currentIndex() == 0
            and self.kind.currentIndex() == 0
            and self.category.currentIndex() <= 0
            and self.household.currentIndex() <= 0
            and self._sort == ("date", True)
        )

    def current_filter(self) -> LedgerFilter:
        start, end = self._period_range()
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

    def _period_range(self) -> tuple[date | None, date | None]:
        today = clock.today()
        match self.period.currentIndex():
            case 1:
                return today.replace(day=1), today
            case 2:
                return add_months(today, -3) + timedelta(days=1), today
            case 3:
                return add_months(today, -12) + timedelta(days=1), today
            case 4:
                info = self.context.info
                period = funds_service.support_period_of(self.context.store) if info else None
                return (period.start, period.end) if period else (None, None)
        return None, None

    def apply_filter(self) -> None:
        if not self.context.is_open or self._balances is None:
            return
        self._show(find_transactions(self.context.store, self.current_filter()))

    def _show(self, selection) -> None:
        self.selection = selection
        store, balances = self.context.store, self._balances
        self.model.set_selection(selection, lambda ids: fetch_lines(store, ids, balances))
        empty = len(selection.ids) == 0
        self.table.setVisible(not empty)
        self.ledger_empty.setVisible(empty)
        loc = self.locale()
        self.totals.setText(
            self.tr("{} shown · income {} · spending {} · net {}").format(
                f"{len(selection.ids):,}",
                money(selection.income, loc),
                money(selection.spending, loc),
                money(selection.net, loc),
            )
        )
        self._load_visible()

    def _load_visible(self) -> None:
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        first = 0 if first < 0 else first
        last = first + 60 if last < 0 else last
        self.model.ensure_rows(first, last)

    def _on_sort_requested(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        self.apply_filter()

    def _refresh_summary(self) -> None:
        """The requirement line now; the Budget, Pledges and Charts tabs when they are looked at."""
        store, loc = self.context.store, self.locale()
        position = funds_service.funds_position(store)
        rent = funds_service.rent_status(store)
        requirement = position.requirement
        state = (
            self.tr("✔ requirement met, {} to spare").format(money(position.surplus, loc))
            if position.met
            else self.tr("✖ short by {}").format(money(position.shortfall, loc))
        )
        if requirement.required.minor == 0:
            state = self.tr("no requirement yet: set budgets for the support period (Budget tab)")
        cash = (
            self.tr(", of which {} in cash").format(money(requirement.cash_required, loc))
            if requirement.cash_required is not None
            else ""
        )
        self.requirement.setText(
            self.tr(
                "<b>Held:</b> {} · <b>Required:</b> {}{} ({}) · {}<br><b>Rent:</b> {} due to date from the "
                "tenancies, {} paid{}"
            ).format(
                money(position.held, loc),
                money(requirement.required, loc),
                cash,
                requirement_basis(requirement),
                state,
                money(rent.expected, loc),
                money(rent.paid, loc),
                self.tr(", {} behind").format(money(rent.behind, loc)) if rent.behind.minor else "",
            )
        )
        self._stale_tabs = {1, 2, 3}
        self._refresh_tab(self.tabs.currentIndex())

    def _refresh_tab(self, index: int) -> None:
        if index not in self._stale_tabs or not self.context.is_open:
            return
        self._stale_tabs.discard(index)
        store, loc = self.context.store, self.locale()
        if index == 1:
            self._refresh_budget(store, loc)
        elif index == 2:
            self.pledges.set_rows(funds_service.list_pledges(store))
            fit_columns(self.pledge_table)
        elif index == 3:
            self._refresh_charts(store)

    def _budget_state(self, line) -> str:
        if not line.has_budget:
            return self.tr("no budget")  # plainly so: not "over", which would alarm for nothing
        return self.tr("✖ over budget") if line.over else self.tr("✔ within budget")

    def _pledge_state(self, pledge) -> str:
        return self.tr("✖ behind") if pledge.outstanding.minor else self.tr("✔ up to date")

    def _month_state(self, month) -> str:
        _, budget, spent = month
        if not budget.minor:
            return self.tr("no budget") if spent.minor else ""
        return self.tr("✖ over") if spent > budget else ""

    def _refresh_budget(self, store, loc: str) -> None:
        period = funds_service.support_budget_months(store)
        self.budget_label.setText(
            self.tr(
                "Budget against spending for the %n month(s) of support, {}.",
                "",
                period.month_count,
            ).format(f"{month_label(period.start, loc)} – {month_label(period.end, loc)}")
        )
        self.budget.set_rows(funds_service.budget_vs_actual(store, period))
        self.budget_months.set_rows(funds_service.budget_by_month(store, period))
        for view in (self.budget_table, self.budget_month_table):
            fit_columns(view)

    def _refresh_charts(self, store) -> None:
        chart_period = default_period(store, at_most_months=CHART_MONTHS)
        currency = self.context.info.currency
        self.balance_chart.set_data(
            tuple(funds_service.month_end_balances(store, chart_period)),
            currency,
            self.context.info.locale,
        )
        self.category_chart.set_amounts(
            funds_service.amounts_by_category(store, chart_period, TransactionKind.EXPENSE),
            currency,
            chart_period,
            self.context.info.locale,
        )

    # --- the ledger ---------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _dialog(self, current=None) -> TransactionDialog:
        store, info = self.context.store, self.context.info
        households = [(h.id, h.code) for h in list_households(store)]
        return TransactionDialog(
            info.currency,
            info.locale,
            ledger_service.list_categories(store),
            households,
            current,
            self,
            ledger_service.counterparties(store),
        )

    def record(self) -> None:
        store = self.context.store
        dialog = self._dialog()
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Record {}").format(data.kind.label.lower()),
            lambda: ledger_service.record_transaction(store, data).id,
        )
        dialog.exec()

    def edit(self) -> None:
        transaction_id = self.selected_id()
        if transaction_id is None:
            return
        store = self.context.store
        old = ledger_service.transaction_input(store, transaction_id)
        dialog = self._dialog(old)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Edit transaction"),
            lambda: ledger_service.edit_transaction(store, transaction_id, data),
        )
        dialog.exec()

    def delete(self) -> None:
        transaction_id = self.selected_id()
        if transaction_id is None:
            return
        store = self.context.store
        self.context.execute(
            self.tr("Delete transaction"),
            lambda: ledger_service.delete_transaction(store, transaction_id),
            removal=self.tr("Transaction deleted."),
        )

    def manage_categories(self) -> None:
        CategoriesDialog(_CategoryActions(self), self).exec()

    # --- budgets and pledges ------------------------------------------------------------------
    def set_budget(self) -> None:
        store, info = self.context.store, self.context.info
        months = funds_service.support_budget_months(store)  # 24 for 24 months of support
        dialog = BudgetDialog(
            info.currency,
            info.locale,
            ledger_service.list_categories(store),
            max(clock.today().replace(day=1), months.start),
            max(months.end, clock.today()),
            self,
        )

        def save(value):
            category_id, first, last, amount = value
            self.context.execute(
                self.tr("Set budget") if amount.minor else self.tr("Remove budget"),
                lambda: funds_service.set_budget(
                    store, category_id, first, amount, last_month=max(first, last)
                ),
                removal=None if amount.minor else self.tr("Budget removed."),
            )

        dialog.save_callback = save
        dialog.exec()

    def _selected_pledge(self):
        index = self.pledge_table.currentIndex()
        return self.pledges.row_at(index.row()) if index.isValid() else None

    def add_pledge(self) -> None:
        store, info = self.context.store, self.context.info
        dialog = PledgeDialog(
            info.currency,
            info.locale,
            parent=self,
            counterparties=ledger_service.counterparties(store),
        )
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Add pledge"), lambda: funds_service.add_pledge(store, data)
        )
        dialog.exec()

    def edit_pledge(self) -> None:
        pledge = self._selected_pledge()
        if pledge is None:
            return
        store, info = self.context.store, self.context.info
        dialog = PledgeDialog(
            info.currency, info.locale, pledge, self, ledger_service.counterparties(store)
        )
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Edit pledge"), lambda: funds_service.edit_pledge(store, pledge.id, data)
        )
        dialog.exec()

    def delete_pledge(self) -> None:
        pledge = self._selected_pledge()
        if pledge is None:
            return
        store = self.context.store
        self.context.execute(
            self.tr("Delete pledge"),
            lambda: funds_service.delete_pledge(store, pledge.id),
            removal=self.tr("Pledge from {} deleted.").format(isolate(pledge.donor)),
        )

    # --- import and export --------------------------------------------------------------------
    def import_file(self) -> None:
        source = choose_source(self, ImportKind.TRANSACTIONS)
        if source is not None:
            self.import_from(source)

    def import_from(self, source: Path):
        """Preview the sheet, then import it as one undoable step."""
        return import_with_preview(self, ImportKind.TRANSACTIONS, source)

    def import_bank_file(self) -> None:
        source = choose_source(self, ImportKind.BANK)
        if source is not None:
            self.import_bank_from(source)

    def import_bank_from(self, source: Path):
        """A bank's CSV export or an OFX/QFX statement, categorised by the rules."""
        return import_with_preview(self, ImportKind.BANK, source)

    def manage_rules(self) -> None:
        RulesDialog(_RuleActions(self), self).exec()

    def export_file(self) -> None:
        from ...services.imports.transaction_io import export_transactions

        store = self.context.store
        export_with_dialog(
            self,
            self.tr("Export transactions"),
            "ledger.xlsx",
            lambda path: export_transactions(store, path),
            self.tr("Exported the ledger to {}"),
        )
