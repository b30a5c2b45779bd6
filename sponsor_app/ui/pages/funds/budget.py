"""The Funds page's Budget tab: the support period's budget against what was spent, by
category and by month, and setting a category's budget for a run of months."""

from __future__ import annotations

from PySide6.QtGui import QColor

from .... import clock
from ....services.funds import funds as funds_service
from ....services.funds import ledger as ledger_service
from ...dialogs.funds_dialogs import BudgetDialog
from ...formatting import money, month_label
from ...models.rows_model import Column, RowsModel
from ...widgets.tables import fit_columns
from .budget_view import BudgetView

OVER = QColor("#c62828")  # always beside a ✖ or a minus sign, never colour alone


class BudgetTab(BudgetView):
    def __init__(self, page):
        super().__init__()
        self.page = page
        loc = page.locale
        self.lines = RowsModel(
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
                    foreground=lambda b: OVER if b.over else None,
                ),
                Column(self.tr("State"), self._budget_state),
            ],
            self,
        )
        self.months = RowsModel(
            [
                Column(self.tr("Month"), lambda m: month_label(m.month, loc())),
                Column(self.tr("Budget"), lambda m: money(m.budget, loc()), numeric=True),
                Column(self.tr("Spent"), lambda m: money(m.spent, loc()), numeric=True),
                Column(
                    self.tr("State"),
                    self._month_state,
                    foreground=lambda m: OVER if m.over else None,
                ),
            ],
            self,
        )
        self.lines_table.setModel(self.lines)
        self.months_table.setModel(self.months)
        self.set_button.clicked.connect(self.set_budget)

    def _budget_state(self, line) -> str:
        if not line.has_budget:
            return self.tr("no budget")  # plainly so: not "over", which would alarm for nothing
        return self.tr("✖ over budget") if line.over else self.tr("✔ within budget")

    def _month_state(self, month) -> str:
        if not month.budget.minor:
            return self.tr("no budget") if month.spent.minor else ""
        return self.tr("✖ over") if month.over else ""

    def refresh(self) -> None:
        store, loc = self.page.context.store, self.page.locale()
        period = funds_service.support_budget_months(store)
        self.label.setText(
            self.tr(
                "Budget against spending for the %n month(s) of support, {}.",
                "",
                period.month_count,
            ).format(f"{month_label(period.start, loc)} – {month_label(period.end, loc)}")
        )
        self.lines.set_rows(funds_service.budget_vs_actual(store, period))
        self.months.set_rows(funds_service.budget_by_month(store, period))
        for view in (self.lines_table, self.months_table):
            fit_columns(view)

    def set_budget(self) -> None:
        store, info = self.page.context.store, self.page.context.info
        months = funds_service.support_budget_months(store)  # 24 for 24 months of support
        today = clock.today()
        dialog = BudgetDialog(
            info.currency,
            info.locale,
            ledger_service.list_categories(store),
            max(today.replace(day=1), months.start),
            max(months.end, today),
            self,
        )

        def save(store, value):
            category_id, first, last, amount = value
            return funds_service.set_budget(
                store, category_id, first, amount, last_month=max(first, last)
            )

        # Removing a budget (an amount of nothing) is a removal the window offers to undo.
        self.page.edits.with_dialog(
            dialog,
            lambda value: self.tr("Set budget") if value[3].minor else self.tr("Remove budget"),
            save,
            removal=lambda value: None if value[3].minor else self.tr("Budget removed."),
        )
