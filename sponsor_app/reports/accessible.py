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

import re
from dataclasses import dataclass, field
from html import escape


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


# --- writing the HTML -------------------------------------------------------------------------
_STYLE = """
body { font-family: "Noto Sans", system-ui, sans-serif; color: #1b1b1b; background: #fff;
       max-width: 60rem; margin: 1rem auto; padding: 0 1rem; line-height: 1.45; }
header { border-bottom: 1px solid #9a9a9a; margin-bottom: 1rem; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.35rem; color: #24466b; } h3 { font-size: 1.1rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
/* a table's caption (the heading above it) is for screen readers: seen once is enough */
caption { position: absolute; width: 1px; height: 1px; overflow: hidden;
          clip: rect(0 0 0 0); white-space: nowrap; }
th, td { border-bottom: 1px solid #9a9a9a; padding: 0.2rem 0.5rem; text-align: left;
         vertical-align: top; }
thead th { background: #dcdcdc; border-bottom: 2px solid #1b1b1b; }
.num { text-align: right; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #1b1b1b; }
th[scope="rowgroup"] { background: #ececec; }
.note { color: #4d4d4d; font-size: 0.92rem; }
.confidential { color: #8b1a1a; font-weight: bold; }
figure { margin: 1rem 0; }
nav li { margin: 0.1rem 0; }
""".strip()


NUM = ' class="num"'  # a column of numbers, right-aligned


_LETTERS = "\u0590-\u08ff\ufb1d-\ufeff\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f"
_WORD = f"[^\\s;,()]*[{_LETTERS}][^\\s;,()]*"
# A run of words in another script (a name in Dari or Tigrinya), spaces between them included.
_OTHER_SCRIPT = re.compile(f"{_WORD}(?:\\s+{_WORD})*")


def _text(value: str) -> str:
    """Escaped, each run of words in another script isolated (<bdi>), so a browser and a
    screen reader take its direction from it, not from the English around it."""
    out, at = [], 0
    for found in _OTHER_SCRIPT.finditer(value):
        out += [escape(value[at : found.start()]), f"<bdi>{escape(found.group(0))}</bdi>"]
        at = found.end()
    return "".join([*out, escape(value[at:])])


def _records(story) -> list:
    """The accessible records of a story, in order (inside KeepTogether groups too)."""
    found = []
    for flowable in story:
        record = getattr(flowable, "accessible", None)
        if record is not None:
            found.append(record)
        elif hasattr(flowable, "_content"):
            found += _records(flowable._content)
    return found


def _table(record: TableData, caption: str, ids) -> list[str]:
    out = ["<table>"]
    if caption:
        out.append(f"<caption>{_text(caption)}</caption>")
    width = len(record.header) if record.header else 2
    if record.header:
        cells = "".join(
            f'<th scope="col"{NUM if n in record.numeric else ""}>{_text(h)}</th>'
            for n, h in enumerate(record.header)
        )
        out.append(f"<thead><tr>{cells}</tr></thead>")
    out.append("<tbody>")
    for number, row in enumerate(record.rows):
        first, *rest = row
        if record.header and rest and not any(rest):  # a row naming the rows under it
            out.append(f'<tr><th scope="rowgroup" colspan="{width}">{_text(first)}</th></tr>')
            continue
        kind = ' class="total"' if number in record.total_rows else ""
        cells = [f'<th scope="row">{_text(first)}</th>']
        for n, value in enumerate(rest, start=1):
            numeric = NUM if n in record.numeric else ""
            cells.append(f"<td{numeric}>{_text(value)}</td>")
        out.append(f"<tr{kind}>{''.join(cells)}</tr>")
    out.append("</tbody></table>")
    return out


def _chart(record: Chart, ids) -> list[str]:
    label = next(ids)
    out = [f'<figure aria-labelledby="{label}">']
    out.append(
        f'<figcaption id="{label}"><strong>{_text(record.title)}</strong>. '
        f"{_text(record.caption)} The chart's figures:</figcaption>"
    )
    header = (record.category_label, *(name for name, _ in record.series))
    rows = [
        (category, *(values[n] for _, values in record.series))
        for n, category in enumerate(record.categories)
    ]
    out += _table(TableData(header, rows, tuple(range(1, len(header)))), record.title, ids)
    out.append("</figure>")
    return out


def html(story, meta) -> str:
    """The report as one HTML page: its title and running head, a list of its sections, then
    every heading, paragraph, table and chart (as a table of its figures) in order."""
    from itertools import count

    from ..domain.reports import CONFIDENTIAL
    from .words import period_label, timestamp

    ids = (f"figure-{n}" for n in count(1))
    period = period_label(meta.period, meta.locale)
    records = _records(story)
    sections = [r for r in records if isinstance(r, Heading) and r.level == 2]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(f'{meta.title}: {meta.group_name}, {period}')}</title>",
        f'<meta name="generator" content="Sponsor Desk {_text(meta.app_version)}">',
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<p><strong>{_text(meta.group_name)}</strong>: {_text(meta.title)}, {_text(period)}</p>",
    ]
    if meta.named:
        out.append(f'<p class="confidential">{_text(CONFIDENTIAL)}</p>')
    out += ["</header>", "<main>"]
    contents = []
    if sections:
        contents.append('<nav aria-label="Sections"><ul>')
        contents += [
            f'<li><a href="#section-{n}">{_text(s.text)}</a></li>'
            for n, s in enumerate(sections, start=1)
        ]
        contents.append("</ul></nav>")
    if not any(isinstance(r, Heading) and r.level == 1 for r in records):
        out += contents  # else right under the title
    open_section, section_number, caption = False, 0, ""
    for record in records:
        if isinstance(record, Heading):
            caption = record.text
            if record.level == 1:
                out.append(f"<h1>{_text(record.text)}</h1>")
                out += contents
            elif record.level == 2:
                if open_section:
                    out.append("</section>")
                section_number += 1
                anchor = f"section-{section_number}"
                out.append(f'<section aria-labelledby="{anchor}">')
                out.append(f'<h2 id="{anchor}">{_text(record.text)}</h2>')
                open_section = True
            else:
                out.append(f"<h{record.level}>{_text(record.text)}</h{record.level}>")
        elif isinstance(record, Para):
            style = ' class="note"' if record.style == "note" else ""
            if record.label:
                body = record.text[len(record.label) + 2 :]
                out.append(f"<p{style}><strong>{_text(record.label)}</strong>: {_text(body)}</p>")
            else:
                out.append(f"<p{style}>{_text(record.text)}</p>")
        elif isinstance(record, TableData):
            out += _table(record, caption, ids)
        elif isinstance(record, Chart):
            out += _chart(record, ids)
        elif isinstance(record, Lines):
            out.append(f"<p>{_text(record.text)}</p>")
    if open_section:
        out.append("</section>")
    made = timestamp(meta.generated_at, meta.locale)
    out += [
        "</main>",
        f'<footer><p class="note">Generated {_text(made)} by Sponsor Desk '
        f"{_text(meta.app_version)}. The same report as the PDF of the same name.</p></footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)
