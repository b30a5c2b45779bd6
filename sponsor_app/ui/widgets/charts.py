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
    _attach_axes(
        chart, series, left=y_axis, bottom=_value_axis(value_title, label_format, 0, highest)
    )


def _value_axis(title: str, label_format: str, low: float, high: float) -> QValueAxis:
    """An axis of amounts from `low` to `high`, on round numbers, its labels never clipped."""
    axis = QValueAxis()
    axis.setLabelFormat(label_format)
    axis.setTitleText(title)
    axis.setRange(low, high)
    axis.applyNiceNumbers()
    fit_label_format(axis, label_format)
    return axis


def _attach_axes(chart: QChart, series, *, left, bottom) -> None:
    chart.addAxis(bottom, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(bottom)
    series.attachAxis(left)


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
        scale, label_format, axis_title = thousands_axis(max(abs(v) for v in values), currency)
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
        scaled = [v / scale for v in values]
        low, high = min(min(scaled), 0), max(max(scaled), 1)
        y_axis = _value_axis(axis_title, label_format, low, high + (high - low) * 0.05)
        _attach_axes(chart, series, left=y_axis, bottom=x_axis)
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


def thousands_axis(highest: float, currency: str) -> tuple[int, str, str]:
    """(scale, label format, title) for a money axis: large amounts read in thousands ("20k"
    under the title "NZD") rather than as "2000000"-style runs of digits. The ticks say the
    thousands, the title only the currency: never both ("Thousands of NZD" over "20k")."""
    if highest >= 10_000:
        return 1000, "%.0fk", currency
    return 1, "%.0f", currency


def fit_label_format(axis: QValueAxis, label_format: str) -> None:
    """Enough decimals for the ticks to differ: a range of 0 to 1 ticked every 0.2 read
    "0 0 0 1 1 1" with whole numbers."""
    ticks = max(axis.tickCount() - 1, 1)
    step = (axis.max() - axis.min()) / ticks
    if step >= 1 or step <= 0:
        axis.setLabelFormat(label_format)
        return
    decimals = 1 if step >= 0.1 else 2
    axis.setLabelFormat(label_format.replace("%.0f", f"%.{decimals}f"))


def _period_words(start, end, locale: str) -> str:
    return "{} – {}".format(
        format_date(start, "d MMM yyyy", locale=locale),
        format_date(end, "d MMM yyyy", locale=locale),
    )


class CategoryChart(BalanceChart):
    """Spending by category as horizontal bars, largest first. Every transaction of the period
    is in a bar: past the first nine categories, the rest share one "other categories" bar, so
    the bars add up to the ledger's spending for the period the title states."""

    MOST_BARS = 10

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Spending by category chart"))

    def bars(self, amounts) -> list[tuple[str, int]]:
        """(label, minor units) for each bar, largest first."""
        shown = [(item.category, item.amount.minor) for item in amounts]
        if len(shown) > self.MOST_BARS:
            rest = shown[self.MOST_BARS - 1 :]
            shown = shown[: self.MOST_BARS - 1]
            shown.append(
                (self.tr("%n other category(ies)", "", len(rest)), sum(minor for _, minor in rest))
            )
        return shown

    def set_amounts(self, amounts, currency: str, period, locale: str = "en_NZ") -> None:
        title = self.tr("Spending by category ({}), {}").format(
            currency, _period_words(period.start, period.end, locale)
        )
        chart = _chart(title)
        chart.legend().hide()
        shown = list(reversed(self.bars(amounts)))  # Qt draws the first category at the bottom
        highest = max([minor / 100 for _, minor in shown] + [1])
        scale, label_format, axis_title = thousands_axis(highest, currency)
        bars = QBarSet(self.tr("Spent"))
        bars.setBrush(QBrush(QColor("#6a1b9a")))
        for _, minor in shown:
            bars.append(minor / 100 / scale)  # a chart coordinate; exact amounts: the ledger
        series = QHorizontalBarSeries()
        series.append(bars)
        _category_axes(
            chart,
            series,
            [label for label, _ in shown] or [self.tr("(no spending)")],
            axis_title,
            label_format,
            highest / scale,
        )
        self._replace(chart)
