"""The one document template: running head (group, report, period; "Confidential" when named),
footer ("page X of Y" and when it was made), bookmarks per section, PDF metadata.

"Page X of Y" needs the page count before the pages are written. Rather than lay the story out
twice (multiBuild), the canvas keeps each finished page and writes them all at the end, when
the count is known: one layout pass, whatever the length.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from ..domain.reports import CONFIDENTIAL
from ..services.report_data import ReportMeta
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

    def bookmarkPage(self, key, **kwargs):
        # A bookmark names the page it is made on; that page is written later, so the
        # bookmark is made then too (replayed in save()).
        self._marks.append((key, kwargs))

    def showPage(self):
        self._finished.append((dict(self.__dict__), self._marks))
        self._marks = []
        self._startPage()
        self._pageNumber += 1

    def save(self):
        total = len(self._finished)
        for number, (state, marks) in enumerate(self._finished, start=1):
            self.__dict__.update(state)
            for key, kwargs in marks:
                Canvas.bookmarkPage(self, key, **kwargs)
            if self._footer is not None:
                self._footer(self, number, total)
            Canvas.showPage(self)
        Canvas.save(self)


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
            invariant=1 if invariant else 0,
            initialFontName=fonts.REGULAR,
            initialFontSize=10,
            initialLeading=12,
            lang="en",
        )
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body", showBoundary=0
        )
        self.addPageTemplates([PageTemplate("body", [frame], onPage=self._running_head)])
        self._period = period
        self._head = None

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

    def _footer(self, canvas: Canvas, number: int, total: int) -> None:
        meta = self.meta
        width, _ = self.pagesize
        y = styles.MARGIN
        canvas.saveState()
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


__all__ = ["PagedCanvas", "ReportDocTemplate"]
