"""A page of one-line rows drawn directly: what a platypus Table of the same rows looks like
(grey header, thin rules, right-aligned amounts, bold category and total rows), at a fraction of
its cost, for listings of thousands of lines. At most a page each; splits repeat the header."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from . import fonts, styles

PADDING = 4


class RowsPage(Flowable):
    """Rows of ("line" | "category" | "total", cells): a category row's text spans the row, a
    total's label spans all but the last column; the last column is right-aligned."""

    def __init__(
        self,
        header: Sequence[str],
        rows: Sequence[tuple[str, Sequence[str]]],
        widths: Sequence[float],
        row_height: float,
    ):
        super().__init__()
        self.header, self.rows = tuple(header), list(rows)
        self.widths, self.row_height = tuple(widths), row_height
        self.hAlign = "LEFT"

    def wrap(self, available_width, available_height):
        self.width = sum(self.widths)
        self.height = (len(self.rows) + 1) * self.row_height
        return self.width, self.height

    def split(self, available_width, available_height):
        fits = int(available_height // self.row_height) - 1
        if fits < 2 or fits >= len(self.rows):
            return []
        return [
            RowsPage(self.header, self.rows[:fits], self.widths, self.row_height),
            RowsPage(self.header, self.rows[fits:], self.widths, self.row_height),
        ]

    def draw(self) -> None:
        canvas, h = self.canv, self.row_height
        width, top = sum(self.widths), self.height
        starts = [sum(self.widths[:n]) for n in range(len(self.widths))]
        size = styles.FONT_SIZE
        baseline = (h - size) / 2 + 1.8  # text sits in the middle of its row
        canvas.saveState()
        canvas.setFillColor(styles.HEAD_FILL)
        canvas.rect(0, top - h, width, h, stroke=0, fill=1)
        canvas.setFillColor(styles.ZEBRA)
        for index, (kind, _) in enumerate(self.rows, start=1):
            if kind == "category":
                canvas.rect(0, top - (index + 1) * h, width, h, stroke=0, fill=1)
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.25)
        canvas.lines([(0, top - n * h, width, top - n * h) for n in range(2, len(self.rows) + 2)])
        canvas.setStrokeColor(styles.INK)
        canvas.setLineWidth(0.8)
        rules = [(0, top - h, width, top - h)]
        rules += [
            (0, top - index * h, width, top - index * h)
            for index, (kind, _) in enumerate(self.rows, start=1)
            if kind == "total"
        ]
        canvas.lines(rules)
        text = canvas.beginText()
        text.setFillColor(styles.INK)
        last = len(self.widths) - 1
        current = None
        for index, (kind, cells) in enumerate([("head", self.header), *self.rows]):
            font = fonts.REGULAR if kind == "line" else fonts.BOLD
            if font != current:
                text.setFont(font, size)
                current = font
            y = top - (index + 1) * h + baseline
            for column, value in enumerate(cells):
                if not value:
                    continue
                if column == last:
                    x = (
                        starts[column]
                        + self.widths[column]
                        - PADDING
                        - stringWidth(value, font, size)
                    )
                else:
                    x = starts[column] + PADDING
                text.setTextOrigin(x, y)
                text.textOut(value)
        canvas.drawText(text)
        canvas.restoreState()
