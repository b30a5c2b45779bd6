"""Funds page: the requirement line, and the ledger, budget, pledges and charts tabs (each its
own module). This module routes what concerns the whole page: reading it, taking a change in
place, the keys that act on the tab in view, and importing and exporting transactions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from ....domain.changes import Changes, Topic
from ....services.funds import funds as funds_service
from ....services.imports.fields import ImportKind
from ...formatting import money, requirement_basis
from ...importing import ImportsFiles, import_chosen, import_with_preview
from ...widgets.lazy_tabs import LazyTabs
from .budget import BudgetTab
from .charts import ChartsTab
from .ledger import LedgerTab
from .pledges import PledgesTab
from .view import FundsView

LEDGER, BUDGET, PLEDGES, CHARTS = range(4)  # the tabs, in order


class FundsPage(ImportsFiles, FundsView):
    imports = ImportKind.TRANSACTIONS
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
        # Budget, Pledges and Charts read the file when next shown, not on every change.
        self.lazy = LazyTabs(self.tabs, lambda: self.context.is_open)
        self.ledger = self.lazy.add(LedgerTab(self), self.tr("&Ledger"))
        self.budget = self.lazy.add(BudgetTab(self), self.tr("B&udget"))
        self.pledges = self.lazy.add(PledgesTab(self), self.tr("Pl&edges"))
        self.charts = self.lazy.add(ChartsTab(self), self.tr("C&harts"))
        self.add_shortcuts(
            (
                (self.tr("Find"), QKeySequence.StandardKey.Find, self.find),
                (self.tr("Record transaction"), QKeySequence("Ctrl+Shift+N"), self.ledger.record),
                (self.tr("Edit"), QKeySequence("F2"), self._edit_shown),
                (self.tr("Delete"), QKeySequence.StandardKey.Delete, self._delete_shown),
            )
        )

    def locale(self) -> str:
        return self.context.info.locale if self.context.info else "en_NZ"

    def _on_opened(self) -> None:
        self.reset_filters()  # another file: what was searched for in the last one is gone
        super()._on_opened()

    def reset_filters(self) -> None:
        """The whole ledger, newest first, on the Ledger tab: as a file first opens."""
        self.ledger.reset_filters()
        self.tabs.setCurrentIndex(LEDGER)

    def find(self) -> None:
        """Ctrl+F: the search is on the Ledger tab, so go there first."""
        self.tabs.setCurrentIndex(LEDGER)
        self.ledger.search.setFocus()
        self.ledger.search.selectAll()

    def _edit_shown(self) -> None:
        if self.tabs.currentIndex() == LEDGER:
            self.ledger.edit()
        elif self.tabs.currentIndex() == PLEDGES:
            self.pledges.edit()

    def _delete_shown(self) -> None:
        """The Delete key removes what is selected on the tab in view, never a row out of sight."""
        if self.tabs.currentIndex() == LEDGER:
            self.ledger.delete()
        elif self.tabs.currentIndex() == PLEDGES:
            self.pledges.delete()

    # --- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ledger.refresh()
        self._refresh_summary()

    def update_in_place(self, changes: Changes) -> bool:
        """Transactions changed: the ledger rereads only the rows touched (where the rows shown
        stay the same). Budgets or pledges changed: the ledger stays as it is. Either way the
        requirement line is read again, and the other tabs when next looked at."""
        if changes.only({Topic.LEDGER}):
            self.ledger.update_rows(changes.record_ids(Topic.LEDGER))
        elif not changes.only({Topic.BUDGETS, Topic.PLEDGES}):
            return False
        self._refresh_summary()
        return True

    def _refresh_summary(self) -> None:
        """The requirement line now; the Budget, Pledges and Charts tabs when they are looked at."""
        self.requirement.setText(self._requirement_text())
        self.lazy.stale(self.budget, self.pledges, self.charts)

    def _requirement_text(self) -> str:
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
        return self.tr(
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

    # --- bank statements (transactions are imported and exported by ImportsFiles) -----------------
    def import_bank_file(self) -> None:
        import_chosen(self, ImportKind.BANK)

    def import_bank_from(self, source: Path):
        """A bank's CSV export or an OFX/QFX statement, categorised by the rules."""
        return import_with_preview(self, ImportKind.BANK, source)
