"""Vector charts (reportlab.graphics) with labelled axes, a caption stating their period, and
fills that stay apart in greyscale (dark against light, never two mid tones)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from . import fonts, styles
from .accessible import Chart

LABEL = 7.5
TITLE = 8.5


def _axis_fonts(chart) -> None:
    for axis in (
        (chart.categoryAxis, chart.valueAxis)
        if hasattr(chart, "categoryAxis")
        else (
            chart.xValueAxis,
            chart.yValueAxis,
        )
    ):
        axis.labels.fontName = fonts.REGULAR
        axis.labels.fontSize = LABEL
        axis.labels.fillColor = styles.INK
        axis.strokeColor = styles.INK
        axis.strokeWidth = 0.5


def _text(x: float, y: float, text: str, size: float = TITLE, anchor: str = "start", bold=False):
    return String(
        x,
        y,
        text,
        fontName=fonts.BOLD if bold else fonts.REGULAR,
        fontSize=size,
        fillColor=styles.INK,
        textAnchor=anchor,
    )


def _frame(width: float, height: float, title: str, caption: str) -> Drawing:
    drawing = Drawing(width, height, initialFontName=fonts.REGULAR, initialFontSize=LABEL)
    drawing.add(_text(0, height - TITLE - 1, title, bold=True))
    drawing.add(_text(0, 2, caption, size=LABEL))
    return drawing


def _y_title(drawing: Drawing, x: float, y: float, text: str) -> None:
    label = _text(0, 0, text, size=LABEL, anchor="middle")
    from reportlab.graphics.shapes import Group

    group = Group(label)
    group.translate(x, y)
    group.rotate(90)
    drawing.add(group)


def _legend(drawing: Drawing, x: float, y: float, pairs: Sequence[tuple[colors.Color, str]]):
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName = fonts.REGULAR
    legend.fontSize = LABEL
    legend.alignment = "right"
    legend.boxAnchor = "nw"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.dx = legend.dy = 7
    legend.strokeColor = styles.INK
    legend.strokeWidth = 0.3
    legend.colorNamePairs = list(pairs)
    drawing.add(legend)


def progress_bars(
    labels: Sequence[str],
    done: Sequence[int],
    total: Sequence[int],
    width: float,
    caption: str,
) -> Drawing:
    """Done against still to do, one stacked bar per outcome area."""
    height = 70 + 22 * len(labels)
    drawing = _frame(width, height, "Settlement tasks by outcome area", caption)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 44
    chart.width, chart.height = width - 170, height - 76
    chart.data = [list(done), [t - d for t, d in zip(total, done, strict=True)]]
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.style = "stacked"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = 1
    chart.bars[0].fillColor, chart.bars[1].fillColor = styles.SERIES[0], styles.SERIES[3]
    chart.bars.strokeColor = styles.INK
    chart.bars.strokeWidth = 0.3
    _axis_fonts(chart)
    drawing.add(chart)
    drawing.add(_text(chart.x + chart.width / 2, 16, "tasks", size=LABEL, anchor="middle"))
    _legend(
        drawing,
        width - 190,
        height - 6,
        [(styles.SERIES[0], "done"), (styles.SERIES[3], "still to do")],
    )
    _describe(
        drawing,
        Chart(
            "Settlement tasks by outcome area",
            caption,
            "Outcome area",
            tuple(labels),
            (
                ("Tasks done", tuple(f"{d:,}" for d in done)),
                ("Still to do", tuple(f"{t - d:,}" for t, d in zip(total, done, strict=True))),
            ),
        ),
    )
    return drawing


def _one_series_bars(
    drawing: Drawing,
    chart,
    box: tuple[float, float, float, float],
    names: Sequence[str],
    values: Sequence[float],
    value_text: Callable[[float], str],
) -> None:
    """One series of bars (`values` over `names`) placed in the drawing at `box` (x, y, width,
    height), in the first series colour, counted up from zero."""
    chart.x, chart.y, chart.width, chart.height = box
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = list(names)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = 1
    chart.valueAxis.labelTextFormat = value_text
    chart.bars[0].fillColor = styles.SERIES[0]
    chart.bars.strokeColor = None
    _axis_fonts(chart)
    drawing.add(chart)


def month_bars(
    months: Sequence[str],
    values: Sequence[float],
    width: float,
    title: str,
    y_title: str,
    caption: str,
    value_text: Callable[[float], str] = lambda v: f"{v:g}",
) -> Drawing:
    """One bar per month (hours by month)."""
    height = 200
    drawing = _frame(width, height, title, caption)
    chart = VerticalBarChart()
    chart.categoryAxis.labels.angle = 45 if len(months) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(months) > 8 else "n"
    _one_series_bars(drawing, chart, (48, 62, width - 60, height - 84), months, values, value_text)
    _y_title(drawing, 10, chart.y + chart.height / 2, y_title)
    _describe(
        drawing,
        Chart(
            title,
            caption,
            "Month",
            tuple(months),
            ((y_title.capitalize(), tuple(f"{v:g}" for v in values)),),
        ),
    )
    return drawing


def category_bars(
    names: Sequence[str],
    values: Sequence[float],
    width: float,
    title: str,
    x_title: str,
    caption: str,
    value_text: Callable[[float], str],
) -> Drawing:
    """One horizontal bar per category, largest first (spending by category)."""
    height = 64 + 15 * len(names)
    drawing = _frame(width, height, title, caption)
    chart = HorizontalBarChart()
    chart.categoryAxis.reverseDirection = 1
    _one_series_bars(drawing, chart, (130, 44, width - 150, height - 66), names, values, value_text)
    drawing.add(_text(chart.x + chart.width / 2, 16, x_title, size=LABEL, anchor="middle"))
    _describe(
        drawing,
        Chart(title, caption, "Category", tuple(names), ((f"Amount ({x_title})", _money(values)),)),
    )
    return drawing


def _describe(drawing: Drawing, chart: Chart) -> None:
    """What the chart shows, for the accessible version (Drawing refuses attributes it does not
    know, hence the dictionary)."""
    drawing.__dict__["accessible"] = chart


def _money(values: Sequence[float]) -> tuple[str, ...]:
    return tuple(f"{v:,.2f}" for v in values)


def balance_line(
    months: Sequence[str],
    values: Sequence[float],
    width: float,
    caption: str,
    y_title: str,
    value_text: Callable[[float], str],
) -> Drawing:
    """The balance at each month's end, as a line with a marker per month."""
    height = 200
    drawing = _frame(width, height, "Balance at each month's end", caption)
    plot = LinePlot()
    plot.x, plot.y = 58, 62
    plot.width, plot.height = width - 70, height - 84
    plot.data = [list(enumerate(values))]
    plot.lines[0].strokeColor = styles.SERIES[0]
    plot.lines[0].strokeWidth = 1.4
    plot.lines[0].symbol = makeMarker("FilledCircle", size=3)
    plot.lines[0].symbol.fillColor = styles.SERIES[0]
    plot.xValueAxis.valueMin = -0.5
    plot.xValueAxis.valueMax = len(values) - 0.5
    step = max(1, len(months) // 12)
    plot.xValueAxis.valueSteps = list(range(0, len(months), step))
    plot.xValueAxis.labelTextFormat = lambda v: months[int(v)] if 0 <= int(v) < len(months) else ""
    plot.xValueAxis.labels.angle = 45 if len(months) > 8 else 0
    plot.xValueAxis.labels.boxAnchor = "ne" if len(months) > 8 else "n"
    low = min([0.0, *values])
    plot.yValueAxis.valueMin = low
    plot.yValueAxis.labelTextFormat = value_text
    _axis_fonts(plot)
    drawing.add(plot)
    _y_title(drawing, 10, plot.y + plot.height / 2, y_title)
    _describe(
        drawing,
        Chart(
            "Balance at each month's end",
            caption,
            "Month",
            tuple(months),
            ((f"Balance ({y_title})", _money(values)),),
        ),
    )
    return drawing
