"""What typed text leaves the file in an anonymised report: the list the Reports page shows
before writing one, and the marking of masked words in the narrative as the lead types.

Both read what the services decided (services/reporting/disclosure.py): the lines a report gathered,
and the name finder a Disclosure holds. Nothing here decides what is a name."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

from ...domain.name_finder import NameFinder
from ...services.reporting.disclosure import Released, TextSource


class MaskedWordsHighlighter(QSyntaxHighlighter):
    """Marks, in a text being typed, each word an anonymised report will put a code or role
    in place of. The finder is built once (off the GUI thread) and only read here."""

    def __init__(self, document, palette_of: QWidget):
        super().__init__(document)
        self._finder: NameFinder | None = None
        self._palette_of = palette_of
        palette_of.installEventFilter(self)  # the marks follow a change to light or dark

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.PaletteChange and self._finder is not None:
            self.rehighlight()
        return False

    def set_finder(self, finder: NameFinder | None) -> None:
        self._finder = finder
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if self._finder is None or not text:
            return
        found = self._finder.find(text)
        if not found:
            return
        marked = QTextCharFormat()
        palette = self._palette_of.palette()
        marked.setBackground(palette.color(QPalette.ColorRole.Highlight))
        marked.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        marked.setFontUnderline(True)
        for item in found:
            self.setFormat(item.start, item.end - item.start, marked)


class OutgoingTextView(QTextBrowser):
    """Every typed line an anonymised report will contain, as it will read, grouped by where
    it comes from, with what was put in place of a name marked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.lines: tuple[Released, ...] = ()
        self._shown = self.show_waiting  # drawn again when the palette changes (light, dark)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._shown()

    def source_words(self) -> dict[TextSource, str]:
        tr = self.tr
        return {
            TextSource.GROUP_NAME: tr("The group's name"),
            TextSource.PREPARED_BY: tr("Prepared by"),
            TextSource.HOUSEHOLD_CODE: tr("Household codes"),
            TextSource.PLACE: tr("Towns and suburbs"),
            TextSource.TASK_TITLE: tr("Task titles the group wrote"),
            TextSource.HOURS_ACTIVITY: tr("Hours: activities"),
            TextSource.SHARED_NOTE: tr("Check-in notes marked shareable"),
            TextSource.NARRATIVE: tr("The narrative"),
            TextSource.CATEGORY: tr("Categories the group named"),
            TextSource.ROLE: tr("Roles the group named"),
            TextSource.COURSE: tr("Courses"),
            TextSource.METHOD: tr("Payment methods"),
            TextSource.PROPERTY_KIND: tr("Kinds of property"),
            TextSource.MOVE_IN_ITEM: tr("Move-in checklist items"),
            TextSource.INSPECTION: tr("Inspections"),
            TextSource.INDICATOR_VALUE: tr("Indicator readings"),
            TextSource.INDICATOR_LABEL: tr("Indicators"),
            TextSource.FIGURE_LABEL: tr("Figures"),
            TextSource.FUNDS_RULE: tr("The programme's funds rule"),
        }

    def show_named(self) -> None:
        self.lines, self._shown = (), self.show_named
        self.setHtml(
            "<p>{}</p>".format(
                escape(
                    self.tr(
                        "A named report keeps every word as typed, names included; it says "
                        "“Confidential” on every page. Untick “Include names” to see what an "
                        "anonymised one would give."
                    )
                )
            )
        )

    def show_waiting(self) -> None:
        self.lines, self._shown = (), self.show_waiting
        self.setHtml("<p>{}</p>".format(escape(self.tr("Reading what the report will contain…"))))

    def show_lines(self, lines: tuple[Released, ...]) -> None:
        self.lines, self._shown = lines, lambda: self.show_lines(lines)
        palette = self.palette()
        mark = (
            f"background-color:{palette.color(QPalette.ColorRole.Highlight).name()};"
            f"color:{palette.color(QPalette.ColorRole.HighlightedText).name()};"
        )
        masked = sum(1 for line in lines if line.masked)
        if not lines:
            summary = self.tr("No typed text leaves the file in this report: only the app's words.")
        else:
            summary = " ".join(
                (
                    self.tr("Typed text in this report: %n line(s), as below.", "", len(lines)),
                    self.tr("Names are replaced in %n line(s) (marked).", "", masked)
                    if masked
                    else self.tr("None of them names anyone the file knows."),
                )
            )
        html = [f"<p>{escape(summary)}</p>"]
        words = self.source_words()
        for source in TextSource:
            mine = [line for line in lines if line.source is source]
            if not mine:
                continue
            html.append(f"<p style='margin-top:8px'><b>{escape(words[source])}</b></p>")
            for line in mine:
                html.append(f"<p style='margin:0 0 2px 12px'>{_marked(line, mark)}</p>")
        html.append(
            f"<p><i>{escape(self.tr('Marked: what the report says in place of a name.'))}</i></p>"
        )
        self.setHtml("".join(html))


def _marked(line: Released, style: str) -> str:
    out, at = [], 0
    for start, end in line.masked:
        out.append(escape(line.text[at:start]))
        out.append(f"<span style='{style}'>{escape(line.text[start:end])}</span>")
        at = end
    out.append(escape(line.text[at:]))
    return "".join(out).replace("\n", "<br>")
