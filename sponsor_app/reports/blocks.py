"""Building blocks of a report's story: headings that make bookmarks, paragraphs and cells
that take any script, tables whose header repeats, and a plain sentence for an empty part."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table

from . import fonts, styles
from .text import is_complex, markup


def para(text: str, style: str = "body", bold: bool = False) -> Paragraph:
    chosen = styles.shaped(style) if is_complex(text) else styles.styles()[style]
    return Paragraph(markup(text, bold=bold), chosen)


def rich(markup_text: str, style: str = "body") -> Paragraph:
    """A paragraph of our own markup (bold labels); any data in it went through text.markup."""
    return Paragraph(markup_text, styles.shaped(style))


class _Heading(Paragraph):
    """A heading that leaves a bookmark (and an outline entry) where it lands."""

    def __init__(self, text: str, style: str, level: int, key: str):
        chosen = styles.shaped(style) if is_complex(text) else styles.styles()[style]
        super().__init__(markup(text, bold=True), chosen)
        self.bookmark = (text, level, key)


def heading(text: str, key: str, level: int = 0) -> list:
    """A section (level 0) or sub-section heading kept with what follows it."""
    room = 90 if level == 0 else 60
    return [CondPageBreak(room), _Heading(text, "h1" if level == 0 else "h2", level, key)]


def nothing(sentence: str) -> Paragraph:
    """Said plainly when a part of a report has nothing to show."""
    return para(sentence, "note")


def gap(points: float = 6) -> Spacer:
    return Spacer(1, points)


def cell(text: str, style: str = "cell"):
    """A table cell: the plain string when the table's own font can draw it (quick), else a
    paragraph that shapes it."""
    if is_complex(text):
        return Paragraph(markup(text, bold=style in ("cell_bold", "head")), styles.shaped(style))
    return text


def wrap(text: str, style: str = "cell") -> Paragraph:
    """A cell whose text may be longer than its column: it wraps."""
    chosen = styles.shaped(style) if is_complex(text) else styles.styles()[style]
    return Paragraph(markup(text, bold=style in ("cell_bold", "head")), chosen)


def fit(text: str, width: float, bold: bool = False) -> str:
    """A one-line cell cut with "…" to its column, for long listings where wrapping would cost
    too much (the statement's thousands of lines)."""
    font = fonts.BOLD if bold else fonts.REGULAR
    room = width - 8  # the cell's padding
    if stringWidth(text, font, styles.FONT_SIZE) <= room:
        return text
    while text and stringWidth(text + "…", font, styles.FONT_SIZE) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def table(
    header: Sequence[str],
    rows: Sequence[Sequence],
    widths: Sequence[float],
    numeric: tuple[int, ...] = (),
    bold_rows: tuple[int, ...] = (),
    zebra: bool = True,
) -> Table:
    """A table whose header row repeats on every page it runs over."""
    head = [
        Paragraph(
            markup(h).replace("\n", "<br/>"),
            styles.styles()["head_right" if n in numeric else "head"],
        )
        for n, h in enumerate(header)
    ]
    made = Table(
        [head, *rows],
        colWidths=list(widths),
        repeatRows=1,
        hAlign="LEFT",
        style=styles.table_style(
            numeric=numeric, bold_rows=tuple(r + 1 for r in bold_rows), zebra=zebra
        ),
    )
    return made


def key_values(pairs: Sequence[tuple[str, str]], widths: tuple[float, float]) -> Table:
    """Label and value lines, values right-aligned (a summary of figures)."""
    rows = [[wrap(label), cell(value)] for label, value in pairs]
    made = Table(rows, colWidths=list(widths), hAlign="LEFT")
    made.setStyle(styles.table_style(numeric=(1,), header_rows=0))
    return made
