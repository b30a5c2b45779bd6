"""A page of one-line rows drawn directly: what a platypus Table of the same rows looks like
(grey header, thin rules, right-aligned amounts, bold category and total rows), at a fraction of
its cost, for listings of thousands of lines. At most a page each; splits repeat the header,
and a page that starts within a category starts with that category again ("... (continued)").
A marker some amounts carry ("R ") is explained under the rows of every page that shows one."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable

from . import fonts, styles

PADDING = 4
NARROWEST = 0.6  # a long cell is condensed to fit its column, down to 60 % of its width


def _encoded(canvas, font_name: str, text: str) -> tuple[float, list[tuple[str, str]]]:
    """The width of a cell's text and its PDF text (subset font, escaped bytes), worked out
    once per distinct string and document: a statement repeats its dates, methods and codes
    thousands of times, and reportlab's text object would encode each one again."""
    cache = canvas.__dict__.setdefault("_rows_cache", {})
    key = (font_name, text)
    found = cache.get(key)
    if found is None:
        font = getFont(font_name)
        document = canvas._doc
        pieces = [
            (font.getSubsetInternalName(subset, document), canvas._escape(chunk))
            for subset, chunk in font.splitString(text, document)
        ]
        found = cache[key] = (stringWidth(text, font_name, styles.FONT_SIZE), pieces)
    return found


def _within(text: str, font_name: str, room: float) -> str:
    """The text, cut with "…" only when even condensed to NARROWEST it would not fit."""
    if stringWidth(text, font_name, styles.FONT_SIZE) * NARROWEST <= room:
        return text
    while text and (stringWidth(text + "…", font_name, styles.FONT_SIZE) * NARROWEST) > room:
        text = text[:-1]
    return text.rstrip() + "…"


CONTINUED = " (continued)"


class RowsPage(Flowable):
    """Rows of ("line" | "category" | "total", cells): a category row's text spans the row, a
    total's label spans all but the last column; the last column is right-aligned.
    `legend` is (marker, sentence): a page with a line whose last cell starts with the marker
    explains it in the sentence under its rows."""

    def __init__(
        self,
        header: Sequence[str],
        rows: Sequence[tuple[str, Sequence[str]]],
        widths: Sequence[float],
        row_height: float,
        legend: tuple[str, str] | None = None,
    ):
        super().__init__()
        self.header, self.rows = tuple(header), list(rows)
        self.widths, self.row_height = tuple(widths), row_height
        self.legend = legend
        self.hAlign = "LEFT"

    def _explains(self, rows) -> bool:
        if self.legend is None:
            return False
        marker = self.legend[0]
        return any(kind == "line" and cells[-1].startswith(marker) for kind, cells in rows)

    def wrap(self, available_width, available_height):
        self.width = sum(self.widths)
        lines = len(self.rows) + 1 + self._explains(self.rows)
        self.height = lines * self.row_height
        return self.width, self.height

    def split(self, available_width, available_height):
        fits = int(available_height // self.row_height) - 1
        if fits >= 1 and self._explains(self.rows[:fits]):
            fits -= 1  # room for the legend under them
        if fits >= 1 and self.rows[fits - 1][0] == "category":
            fits -= 1  # a category's first row goes with it to the next page
        if fits < 2 or fits >= len(self.rows):
            return []
        rest = self.rows[fits:]
        if rest[0][0] != "category":
            category = next(r for r in reversed(self.rows[:fits]) if r[0] == "category")
            label = category[1][0].removesuffix(CONTINUED)
            rest = [("category", [label + CONTINUED, *category[1][1:]]), *rest]
        made = (self.header, self.widths, self.row_height, self.legend)
        return [
            RowsPage(self.header, self.rows[:fits], *made[1:]),
            RowsPage(made[0], rest, *made[1:]),
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
        canvas.setFillColor(styles.INK)
        last = len(self.widths) - 1
        ops = ["BT"]
        current = None
        for index, (kind, cells) in enumerate([("head", self.header), *self.rows]):
            font = fonts.REGULAR if kind == "line" else fonts.BOLD
            y = top - (index + 1) * h + baseline
            for column, value in enumerate(cells):
                if not value:
                    continue
                room = self.widths[column] - 2 * PADDING
                if kind == "category":
                    room = width - 2 * PADDING  # its text spans the row
                elif kind == "total" and column == 0:
                    room = width - self.widths[last] - 2 * PADDING  # all but the amount
                value = _within(value, font, room)
                text_width, pieces = _encoded(canvas, font, value)
                # Condensed rather than cut, so a payee's whole name is there (and extracts).
                scale = min(1.0, room / text_width) if text_width else 1.0
                if column == last:
                    x = starts[column] + self.widths[column] - PADDING - text_width * scale
                else:
                    x = starts[column] + PADDING
                ops.append(f"1 0 0 1 {fp_str(x)} {fp_str(y)} Tm")
                if scale < 1.0:
                    ops.append(f"{fp_str(scale * 100)} Tz")
                for subset_font, escaped in pieces:
                    if subset_font != current:
                        ops.append(f"{subset_font} {fp_str(size)} Tf")
                        current = subset_font
                    ops.append(f"({escaped}) Tj")
                if scale < 1.0:
                    ops.append("100 Tz")
        ops.append("ET")
        canvas.addLiteral("\n".join(ops))
        if self._explains(self.rows):
            canvas.setFillColor(styles.MUTED)
            canvas.setFont(fonts.REGULAR, styles.FONT_SIZE - 0.5)
            canvas.drawString(PADDING, baseline, self.legend[1])
        canvas.restoreState()
