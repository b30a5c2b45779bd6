"""Building blocks of a report's story: headings that make bookmarks, paragraphs and cells
that take any script, tables whose header repeats, and a plain sentence for an empty part.

Each block also carries what it says as plain data (`accessible`: a heading and its level, a
paragraph, a table's header and rows), so the accessible HTML version of a report is written
from the very story its PDF is laid out from (accessible.py)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from . import accessible, fonts, styles
from .text import break_lines, is_complex, markup, widest_unit

# A heading's level in the accessible version: the report's title is the one level 1.
HEADING_LEVELS = {"title": 1, "h1": 2, "h2": 3}
PADDING = 4  # a table cell's left and right padding (styles.table_style)
GIVES = 0.25  # of a column's width, at most, to widen another
SMALLEST = 7.0  # a cell's type shrinks to this, at most, before a word is broken


class Text(Flowable):
    """Plain text in any script, its lines broken here (text.break_lines): at spaces and
    hyphens, an email at its "@" or dots; in a column too narrow for its longest word, its type
    shrinks (down to SMALLEST) before a word is broken. Right-to-left words are put in visual
    order line by line, after the breaks, so a wrapped name reads in order."""

    def __init__(self, text: str, style: str = "cell", bold: bool | None = None):
        super().__init__()
        self.text = text
        self.style = styles.styles()[style]
        self.style_name = style
        self.bold = bold if bold is not None else self.style.fontName == fonts.BOLD
        self._laid: tuple[float, Paragraph] | None = None

    @property
    def plain(self) -> str:
        return self.text

    def needs(self) -> float:
        """The narrowest the text can be without breaking a word (or an email)."""
        return widest_unit(self.text, self.bold, self.style.fontSize)

    def _paragraph(self, available: float) -> Paragraph:
        if self._laid is not None and self._laid[0] == available:
            return self._laid[1]
        style, size = self.style, self.style.fontSize
        room = available - style.leftIndent - style.rightIndent
        widest = widest_unit(self.text, self.bold, size)
        if widest > room > 0:
            size = max(SMALLEST, size * room / widest)
            style = _sized(self.style_name, size)
        lines = break_lines(self.text, room, self.bold, size)
        chosen = styles.shaped(self.style_name) if is_complex(self.text) else style
        if chosen.fontSize != size:
            chosen = ParagraphStyle(f"{chosen.name}-{size:g}", parent=chosen, fontSize=size,
                                    leading=style.leading)  # fmt: skip
        made = Paragraph(markup("\n".join(lines), bold=self.bold), chosen)
        self._laid = (available, made)
        return made

    def wrap(self, available_width, available_height):
        # A hair of slack: the lines were measured to fit, and must not be broken again.
        self.width, self.height = self._paragraph(available_width).wrap(
            available_width + 0.5, available_height
        )
        return self.width, self.height

    def split(self, available_width, available_height):
        return self._paragraph(available_width).split(available_width + 0.5, available_height)

    def draw(self):
        self._laid[1].drawOn(self.canv, 0, 0)

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter


def _sized(style: str, size: float) -> ParagraphStyle:
    base = styles.styles()[style]
    scale = size / base.fontSize
    return ParagraphStyle(
        f"{style}-{size:g}", parent=base, fontSize=size, leading=base.leading * scale
    )


def para(text: str, style: str = "body", bold: bool = False):
    """A paragraph of plain text: reportlab's own for Latin script (quick, and it can split
    across pages), Text for text that needs shaping or runs right to left."""
    if is_complex(text):
        made = Text(text, style, bold=bold or None)
    else:
        made = Paragraph(markup(text, bold=bold), styles.styles()[style])
    level = HEADING_LEVELS.get(style)
    made.accessible = accessible.Heading(text, level) if level else accessible.Para(text, style)
    return made


def labelled(label: str, text: str, style: str = "body") -> Paragraph:
    """ "Label: text" with the label in bold (a household and its members)."""
    made = Paragraph(f"<b>{markup(label, bold=True)}</b>: {markup(text)}", styles.shaped(style))
    made.accessible = accessible.Para(f"{label}: {text}", style, label=label)
    return made


class _Heading(Paragraph):
    """A heading that leaves a bookmark (and an outline entry) where it lands."""

    def __init__(self, text: str, style: str, level: int, key: str):
        chosen = styles.shaped(style) if is_complex(text) else styles.styles()[style]
        super().__init__(markup(text, bold=True), chosen)
        self.bookmark = (text, level, key)
        self.accessible = accessible.Heading(text, HEADING_LEVELS[style])


def heading(text: str, key: str, level: int = 0) -> list:
    """A section (level 0) or sub-section heading. Its style keeps it with what follows it
    (template.KeepWithFirst), so it never stands alone at the foot of a page."""
    return [_Heading(text, "h1" if level == 0 else "h2", level, key)]


def nothing(sentence: str):
    """Said plainly when a part of a report has nothing to show."""
    return para(sentence, "note")


def gap(points: float = 6) -> Spacer:
    return Spacer(1, points)


def chart(drawing) -> list:
    """A chart as every report sets one: a little below what it follows."""
    return [gap(8), drawing]


def cell(text: str, style: str = "cell"):
    """A table cell: the plain string when the table's own font can draw it (quick), else
    Text, which shapes it."""
    if is_complex(text):
        return Text(text, style)
    return text


def wrap(text: str, style: str = "cell") -> Text:
    """A cell whose text may be longer than its column: it wraps."""
    return Text(text, style)


def fit(text: str, width: float, bold: bool = False) -> str:
    """A one-line cell cut with "…" to its column, for long listings where wrapping would cost
    too much (the statement's thousands of lines)."""
    font = fonts.BOLD if bold else fonts.REGULAR
    room = width - 2 * PADDING
    if stringWidth(text, font, styles.FONT_SIZE) <= room:
        return text
    while text and stringWidth(text + "…", font, styles.FONT_SIZE) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def plain(value) -> str:
    """What a cell says, as text (for the accessible version)."""
    if isinstance(value, str):
        return value
    return getattr(value, "plain", "") or ""


def _needs(value, bold: bool) -> float:
    """How wide a cell's column must be for it, padding included, without breaking a word."""
    if isinstance(value, str):
        font = fonts.BOLD if bold else fonts.REGULAR
        return max((stringWidth(line, font, styles.FONT_SIZE) for line in value.split("\n")),
                   default=0.0) + 2 * PADDING  # fmt: skip
    if isinstance(value, Text):
        return value.needs() + 2 * PADDING
    return 0.0  # a drawing, a tick box: as wide as it was made


def fit_columns(
    rows: Sequence[Sequence], widths: Sequence[float], bold_rows: Sequence[int] = ()
) -> list[float]:
    """The columns' widths, each widened where its longest word (or email, or one-line value)
    does not fit, taking the room from columns that have more than they need; the total stays
    the same. What still does not fit shrinks in its cell (Text)."""
    widths = list(widths)
    needs = [0.0] * len(widths)
    bold = set(bold_rows)
    for number, row in enumerate(rows):
        for column, value in enumerate(row[: len(widths)]):
            needs[column] = max(needs[column], _needs(value, number in bold))
    short = sum(max(0.0, n - w) for n, w in zip(needs, widths, strict=True))
    if not short:
        return widths
    # A column gives up at most a quarter of its width, never below what it needs itself: a
    # long email should not squeeze every other column to its longest word.
    spare = [max(0.0, min(w - n, w * GIVES)) for n, w in zip(needs, widths, strict=True)]
    taken = min(short, sum(spare))
    if not taken:
        return widths
    result = []  # shared among the short columns in proportion to what each lacks
    for width, need, room in zip(widths, needs, spare, strict=True):
        if need > width:
            result.append(width + taken * (need - width) / short)
        else:
            result.append(width - taken * room / sum(spare))
    return result


def _shrinkable(rows: list[list], widths: Sequence[float], bold_rows: Sequence[int]) -> None:
    """A one-line value wider than its column becomes Text, which shrinks or wraps it, rather
    than running into the next column."""
    bold = set(bold_rows)
    for number, row in enumerate(rows):
        for column, value in enumerate(row[: len(widths)]):
            if isinstance(value, str) and value and _needs(value, number in bold) > widths[column]:
                row[column] = Text(value, "cell_bold" if number in bold else "cell")


def table(
    header: Sequence[str],
    rows: Sequence[Sequence],
    widths: Sequence[float],
    numeric: tuple[int, ...] = (),
    bold_rows: tuple[int, ...] = (),
    zebra: bool = True,
) -> Table:
    """A table whose header row repeats on every page it runs over."""
    head = [Text(h, "head_right" if n in numeric else "head") for n, h in enumerate(header)]
    body = [list(r) for r in rows]
    widths = fit_columns([head, *body], widths, bold_rows)
    _shrinkable(body, widths, bold_rows)
    made = Table(
        [head, *body],
        colWidths=widths,
        repeatRows=1,
        hAlign="LEFT",
        style=styles.table_style(
            numeric=numeric, bold_rows=tuple(r + 1 for r in bold_rows), zebra=zebra
        ),
    )
    made.accessible = accessible.TableData(
        tuple(header), [tuple(plain(v) for v in r) for r in body], numeric, tuple(bold_rows)
    )
    return made


def table_or_nothing(empty: str, header: Sequence[str], rows: Sequence[Sequence], *args, **kw):
    """The rows as a `table`, or, where there are none, the sentence `empty` that says so."""
    return table(header, rows, *args, **kw) if rows else nothing(empty)


def key_values(pairs: Sequence[tuple[str, str]], widths: tuple[float, float]) -> Table:
    """Label and value lines, values right-aligned (a summary of figures)."""
    rows = [[wrap(label), cell(value)] for label, value in pairs]
    widths = fit_columns(rows, widths)
    _shrinkable(rows, widths, ())
    made = Table(rows, colWidths=list(widths), hAlign="LEFT")
    made.setStyle(styles.table_style(numeric=(1,), header_rows=0))
    made.accessible = accessible.TableData(
        None, [(label, value) for label, value in pairs], (1,), (), row_headers=True
    )
    return made
