"""Small Qt Charts for the dashboard: month-end balance and task progress by outcome area."""

from __future__ import annotations

from datetime import datetime, time

from babel.dates import format_date
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from ...services.results import AreaProgress, MonthBalance


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(chart.margins() * 0)
    chart.setBackgroundRoundness(0)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _category_axes(
    chart: QChart,
    series,
    categories: list[str],
    value_title: str,
    label_format: str,
    highest: float,
) -> None:
    """Categories down the left, values along the bottom, for a horizontal bar series."""
    chart.addSeries(series)
    y_axis = QBarCategoryAxis()
    y_axis.append(categories)
    x_axis = QValueAxis()
    x_axis.setLabelFormat(label_format)
    x_axis.setTitleText(value_title)
    x_axis.setRange(0, highest)
    x_axis.applyNiceNumbers()
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y_axis)
    series.attachAxis(x_axis)


def _balance_title(balances, currency: str, locale: str) -> str:
    """The title says which months the line covers, so a reader never guesses the period."""
    title = QCoreApplication.translate("BalanceChart", "Month-end balance ({})").format(currency)
    if not balances:
        return title
    first, last = balances[0].month_end, balances[-1].month_end
    return "{}, {} – {}".format(
        title,
        format_date(first, "MMM yyyy", locale=locale),
        format_date(last, "MMM yyyy", locale=locale),
    )


class BalanceChart(QChartView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(280)
        self.setAccessibleName(self.tr("Month-end balance chart"))

    def set_data(
        self, balances: tuple[MonthBalance, ...], currency: str, locale: str = "en_NZ"
    ) -> None:
        chart = _chart(_balance_title(balances, currency, locale))
        chart.legend().hide()
        values = [p.balance.minor / 100 for p in balances] or [0]
        # Large balances read in thousands ("20k") rather than as "2000000"-style digit runs.
        scale = 1000 if max(abs(v) for v in values) >= 10_000 else 1
        series = QLineSeries()
        series.setPen(QPen(QColor("#1565c0"), 2))
        for point in balances:
            moment = QDateTime(datetime.combine(point.month_end, time(12)))
            # A chart coordinate, not arithmetic: the exact amount is in the table and reports.
            series.append(moment.toMSecsSinceEpoch(), point.balance.minor / 100 / scale)
        chart.addSeries(series)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("MMM yyyy")
        x_axis.setTickCount(min(max(len(balances), 2), 6))
        x_axis.setTitleText(self.tr("Month end"))
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%.0fk" if scale > 1 else "%.0f")
        y_axis.setTitleText(self.tr("Thousands of {}").format(currency) if scale > 1 else currency)
        scaled = [v / scale for v in values]
        low, high = min(min(scaled), 0), max(max(scaled), 1)
        y_axis.setRange(low, high + (high - low) * 0.05)
        y_axis.applyNiceNumbers()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        self._replace(chart)

    def _replace(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()


class AreaProgressChart(BalanceChart):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Task progress by outcome area chart"))

    def set_progress(self, progress: tuple[AreaProgress, ...]) -> None:
        chart = _chart(self.tr("Settlement tasks by outcome area"))
        done = QBarSet(self.tr("Done"))
        left = QBarSet(self.tr("Not done yet"))
        done.setBrush(QBrush(QColor("#2e7d32")))
        left.setBrush(QBrush(QColor("#bdbdbd"), Qt.BrushStyle.Dense4Pattern))  # readable in grey
        for item in progress:
            done.append(item.done)
            left.append(item.total - item.done)
        series = QHorizontalStackedBarSeries()
        series.append(done)
        series.append(left)
        _category_axes(
            chart,
            series,
            [item.area.label for item in progress],
            self.tr("Tasks"),
            "%d",
            max([item.total for item in progress] + [1]),
        )
        self._replace(chart)


class CategoryChart(BalanceChart):
    """Spending by category as horizontal bars, largest first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Spending by category chart"))

    def set_amounts(self, amounts, currency: str) -> None:
        chart = _chart(self.tr("Spending by category ({})").format(currency))
        chart.legend().hide()
        bars = QBarSet(self.tr("Spent"))
        bars.setBrush(QBrush(QColor("#6a1b9a")))
        shown = list(reversed(amounts[:10]))  # Qt draws the first category at the bottom
        for item in shown:
            bars.append(item.amount.minor / 100)  # a chart coordinate; exact amounts: the table
        series = QHorizontalBarSeries()
        series.append(bars)
        _category_axes(
            chart,
            series,
            [item.category for item in shown] or [self.tr("(no spending)")],
            currency,
            "%.0f",
            max([item.amount.minor / 100 for item in shown] + [1]),
        )
        self._replace(chart)
