"""The accessible version of a report: HTML a screen reader reads well (headings in order,
tables with header cells, each chart with its figures as a table, the language set), written
from the very story the PDF is laid out from.

Why HTML and not a tagged PDF: reportlab 5.1 (the open-source library) writes no structure
tree and has no marked-content API; tagging by hand would mean wrapping every piece of text
reportlab's Paragraph and Table draw. A browser reads HTML's structure natively, and it can
be checked offline (axe-core in Chromium).

Each block of a story (blocks.py, charts.py) carries what it says as one of the records
below, in its `accessible` attribute; html() walks the story and writes them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1 the report's title, 2 a section, 3 a part of one


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"  # "note" for the small grey explanations
    label: str | None = None  # a bold "label:" the text starts with


@dataclass(frozen=True)
class TableData:
    header: tuple[str, ...] | None  # None: a list of labelled values (row headers)
    rows: list[tuple[str, ...]]
    numeric: tuple[int, ...] = ()
    total_rows: tuple[int, ...] = ()
    row_headers: bool = False


@dataclass(frozen=True)
class Chart:
    title: str
    caption: str
    category_label: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[str, ...]], ...]  # (name, each category's value as text)
    summary: str = ""


@dataclass(frozen=True)
class Lines:
    """Lines to fill in by hand on paper (signatures): said, not drawn."""

    text: str
    items: tuple[str, ...] = field(default=())
