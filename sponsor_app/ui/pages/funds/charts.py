"""The Funds page's Charts tab: the month-end balance and spending by category, over the
window the dashboard's chart covers (services/group/dashboard.py:chart_period)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from .... import clock
from ....domain.enums import TransactionKind
from ....services.funds import funds as funds_service
from ....services.group.dashboard import chart_period
from ...widgets.charts import BalanceChart, CategoryChart


class ChartsTab(QWidget):
    def __init__(self, page):
        super().__init__()
        self.page = page
        self.balance_chart = BalanceChart()
        self.category_chart = CategoryChart()
        box = QHBoxLayout(self)
        box.addWidget(self.balance_chart)
        box.addWidget(self.category_chart)

    def refresh(self) -> None:
        store, info = self.page.context.store, self.page.context.info
        period = chart_period(store, clock.today())
        self.balance_chart.set_data(
            tuple(funds_service.month_end_balances(store, period)), info.currency, info.locale
        )
        self.category_chart.set_amounts(
            funds_service.amounts_by_category(store, period, TransactionKind.EXPENSE),
            info.currency,
            period,
            info.locale,
        )
