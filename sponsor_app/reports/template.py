"""The one document template: running head (group, report, period; "Confidential" when named),
footer ("page X of Y" and when it was made), bookmarks per section, PDF metadata.

"Page X of Y" needs the page count before the pages are written. Rather than lay the story out
twice (multiBuild), the canvas keeps each finished page and writes them all at the end, when
the count is known: one layout pass, whatever the length. A running label (RunningLabel: the
checklist's household) is drawn in the same pass, so each page names what it continues.

Headings are kept with what follows them here, for every report: a heading's style says
keepWithNext, and the template groups it (with a note under it) with the next block in a
KeepWithFirst.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import _ktAllow
from reportlab.platypus.flowables import _listWrapOn

from ..domain.reports import CONFIDENTIAL
from ..services.reporting.report_data import ReportMeta
from . import fonts, styles
from .text import markup
from .words import period_label, timestamp

HEAD_SHARE = 0.42  # of the width, for the group's name; the rest for report and period


class PagedCanvas(Canvas):
    """Holds finished pages until save(), then draws each footer with the page count."""

    def __init__(self, *args, footer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._finished: list[tuple[dict, list]] = []
        self._marks: list[tuple[str, dict]] = []
        self._label: str | None = None  # the running label carried from page to page
        self._page_label: str | None = None  # set at the top of this page
        self._label_at_start: str | None = None

    def bookmarkPage(self, key, **kwargs):
        # A bookmark names the page it is made on; that page is written later, so the
        # bookmark is made then too (replayed in save()).
        self._marks.append((key, kwargs))

    def running_label(self, text: str, at_top: bool) -> None:
        if at_top and self._page_label is None:
            self._page_label = text
        self._label = text

    def showPage(self):
        label = self._page_label or self._label_at_start
        self._finished.append((dict(self.__dict__), self._marks, label))
        self._marks = []
        self._page_label, self._label_at_start = None, self._label
        self._startPage()
        self._pageNumber += 1

    def save(self):
        total = len(self._finished)
        for number, (state, marks, label) in enumerate(self._finished, start=1):
            self.__dict__.update(state)
            for key, kwargs in marks:
                Canvas.bookmarkPage(self, key, **kwargs)
            if self._footer is not None:
                self._footer(self, number, total, label)
            Canvas.showPage(self)
        Canvas.save(self)


class RunningLabel(Flowable):
    """Names, in the running head of this page and of each page after it, what they hold
    ("Household H1: Arrival day"), until the next label. Kept with the heading after it."""

    _ZEROSIZE = True  # takes no room, and passes the space after what came before it on
    _SPACETRANSFER = True

    def __init__(self, text: str):
        super().__init__()
        self.text = text
        self.keepWithNext = 1
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        frame = getattr(self.canv, "_doctemplate", None)
        at_top = bool(frame is None or getattr(frame.frame, "_atTop", True))
        if hasattr(self.canv, "running_label"):
            self.canv.running_label(self.text, at_top)


def _leads_in(flowable) -> bool:
    """A short note or a space between a heading and what it heads, kept with both."""
    if type(flowable) is Spacer:
        return True
    style = getattr(flowable, "style", None)
    return isinstance(getattr(style, "name", None), str) and style.name.startswith("note")


def _rows(table: Table) -> int:
    return len(table._cellvalues) - table.repeatRows


def _enough(piece, whole) -> bool:
    """Whether the first piece of a split block is enough to stand under its heading: two
    rows of a table (or all it has), two lines of text."""
    if isinstance(piece, Table):
        return _rows(piece) >= min(2, _rows(whole))
    lines = getattr(getattr(piece, "blPara", None), "lines", None)
    return lines is None or len(lines) >= 2


class KeepWithFirst(KeepTogether):
    """A heading (and a note under it) kept with the first part of what follows: all of it
    when it fits, else its first rows or lines; when not even those fit, the heading moves to
    the next page with it. (reportlab's KeepTogether would move a heading whenever what
    follows is longer than the room left, leaving half pages before every long table.)"""

    def getSpaceBefore(self):
        sized = [f for f in self._content if not getattr(f, "_ZEROSIZE", False)]
        return sized[0].getSpaceBefore() if sized else 0

    def split(self, available_width, available_height):
        content = list(self._content)
        canvas = self.canv
        if _listWrapOn(content, available_width, canvas)[1] <= available_height:
            return content
        frame = getattr(self, "_frame", None)
        if len(content) < 2 or (frame is not None and getattr(frame, "_atTop", False)):
            return content  # a whole page is too small for it: split as any other
        leads, block = content[:-1], content[-1]
        room = (
            available_height
            - _listWrapOn(leads, available_width, canvas)[1]
            - max(leads[-1].getSpaceAfter(), block.getSpaceBefore())
            - 1  # rounding: the frame must take the first piece where it was measured to fit
        )
        if room > 0 and not getattr(block, "keepWithNext", 0):
            parts = block.splitOn(canvas, available_width, room)
            if len(parts) >= 2 and _enough(parts[0], block):
                return [*leads, *parts]
        return [FrameBreak(), *content]


class ReportDocTemplate(BaseDocTemplate):
    """A4 or Letter by the group's country, one frame under a running head."""

    def __init__(self, out: Path | str | BinaryIO, meta: ReportMeta, invariant: bool = False):
        fonts.register()
        self.meta = meta
        width, height = styles.page_size(meta.letter_paper)
        period = period_label(meta.period, meta.locale)
        super().__init__(
            out if not isinstance(out, Path) else str(out),
            pagesize=(width, height),
            leftMargin=styles.MARGIN,
            rightMargin=styles.MARGIN,
            topMargin=styles.MARGIN + styles.HEADER_SPACE,
            bottomMargin=styles.MARGIN + styles.FOOTER_SPACE,
            title=f"{meta.title}: {meta.group_name}, {period}",
            author=meta.group_name,
            subject=f"{meta.title} of {meta.group_name} ({meta.programme}) for {period}"
            + (f". {CONFIDENTIAL}." if meta.named else ""),
            creator=f"Sponsor Desk {meta.app_version}",
            keywords=["community sponsorship", meta.kind.value],
            displayDocTitle=True,  # a reader's window shows the title, not the file name
            invariant=1 if invariant else 0,
            initialFontName=fonts.REGULAR,
            initialFontSize=10,
            initialLeading=12,
            lang="en",
        )
        # No padding inside the frame: the body lines up with the running head, and a table
        # made as wide as doc.width fits it (with reportlab's 6 pt it ran past the margin).
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, showBoundary=0,
        )  # fmt: skip
        self.addPageTemplates([PageTemplate("body", [frame], onPage=self._running_head)])
        self._period = period
        self._head = None

    def handle_keepWithNext(self, flowables):
        """Group a heading (a run of keep-with-next flowables, and notes or spaces after them)
        with the block that follows, in a KeepWithFirst."""
        count = 0
        while count < len(flowables) and _ktAllow(flowables[count]):
            item = flowables[count]
            if not (item.getKeepWithNext() or (count and _leads_in(item))):
                break
            count += 1
        if not count:
            return
        if count < len(flowables) and _ktAllow(flowables[count]):
            count += 1
        group = KeepWithFirst(flowables[:count])
        for item in group._content[:-1]:
            item.__dict__["keepWithNext"] = 0
        del flowables[:count]
        flowables.insert(0, group)

    def build_story(self, story: list) -> None:
        footer = self._footer
        self.build(
            story,
            canvasmaker=lambda *a, **kw: PagedCanvas(*a, footer=footer, **kw),
        )

    # --- page furniture ---------------------------------------------------------------------
    def _running_head(self, canvas: Canvas, _doc) -> None:
        width, height = self.pagesize
        top = height - styles.MARGIN
        left, right, notice = self._head_parts()
        canvas.saveState()
        left.drawOn(canvas, self.leftMargin, top - left.height)
        right.drawOn(canvas, self.leftMargin + self.width * HEAD_SHARE, top - right.height)
        if notice is not None:
            notice.drawOn(canvas, self.leftMargin, top - left.height - notice.height - 1)
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.5)
        rule_y = height - styles.MARGIN - styles.HEADER_SPACE + 4
        canvas.line(self.leftMargin, rule_y, width - self.rightMargin, rule_y)
        canvas.restoreState()

    def _head_parts(self):
        """The running head's paragraphs, laid out once and drawn on every page."""
        if self._head is None:
            meta = self.meta
            share = self.width * HEAD_SHARE
            left = _paragraph(meta.group_name, "running_bold", bold=True)
            left.wrap(share, 30)
            right = _paragraph(f"{meta.title}: {self._period}", "running_right")
            right.wrap(self.width - share, 30)
            notice = None
            if meta.named:
                notice = Paragraph(CONFIDENTIAL, styles.styles()["confidential"])
                notice.wrap(self.width, 20)
            self._head = (left, right, notice)
        return self._head

    def _footer(self, canvas: Canvas, number: int, total: int, label: str | None = None) -> None:
        meta = self.meta
        width, height = self.pagesize
        y = styles.MARGIN
        canvas.saveState()
        if label:
            canvas.setFillColor(styles.INK)
            canvas.setFont(fonts.BOLD, 9)
            rule_y = height - styles.MARGIN - styles.HEADER_SPACE + 4
            canvas.drawRightString(width - self.rightMargin, rule_y + 4, label)
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.5)
        canvas.line(self.leftMargin, y + 10, width - self.rightMargin, y + 10)
        canvas.setFillColor(styles.MUTED)
        canvas.setFont(fonts.REGULAR, 7.5)
        made = f"Generated {timestamp(meta.generated_at, meta.locale)} by Sponsor Desk {meta.app_version}"
        canvas.drawString(self.leftMargin, y, made)
        canvas.drawRightString(width - self.rightMargin, y, f"page {number} of {total}")
        canvas.restoreState()

    def afterFlowable(self, flowable) -> None:
        mark = getattr(flowable, "bookmark", None)
        if mark is not None:
            title, level, key = mark
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)


def _paragraph(text: str, style: str, bold: bool = False) -> Paragraph:
    from .text import is_complex

    chosen = styles.shaped(style) if is_complex(text) else styles.styles()[style]
    return Paragraph(markup(text, bold=bold), chosen)


__all__ = ["KeepWithFirst", "PagedCanvas", "ReportDocTemplate", "RunningLabel"]
