"""What leaves the file, kept true to the Reports page's choices: the report they ask for is
read off the GUI thread (again after each change to the choices or the file), its typed lines
listed with the narrative as it is being typed, and the words an anonymised report will
mask marked in the narrative's editors."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit
from shiboken6 import isValid

from ...domain.reports import ReportKind
from ...services.reporting.disclosure import Disclosure, Released, TextSource, read_disclosure
from ..widgets.outgoing_text import MaskedWordsHighlighter, OutgoingTextView
from ..worker import run_quietly


class OutgoingPreview(QObject):
    # Whether what is shown is what the choices make may have changed: the page offers
    # Generate for an anonymised report only once the lead can see what leaves the file.
    readiness_changed = Signal()

    def __init__(self, page, view: OutgoingTextView, editors: tuple[QPlainTextEdit, ...]):
        super().__init__(page)
        self.page = page
        self.view = view
        self.editors = editors
        self.marks = [MaskedWordsHighlighter(e.document(), e) for e in editors]
        for editor in editors:
            editor.textChanged.connect(self.show)
        self._asked = 0  # the newest reading asked for; older answers are dropped
        self._gathered: tuple[Released, ...] = ()
        self._ready = False  # the lines held are those of the choices made now
        self._disclosure: Disclosure | None = None  # its finder marks the narrative
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)  # choices made in a row are read once
        self._timer.timeout.connect(self._gather)

    def schedule(self) -> None:
        self._timer.start()
        self.readiness_changed.emit()

    def is_current(self) -> bool:
        return self.page.names_included() or (self._ready and not self._timer.isActive())

    def names_changed(self) -> None:
        self._set_marks()
        self.schedule()

    def read_finder(self) -> None:
        """The name finder for the narrative's marks, built once per change of the file (not
        per keystroke), off the GUI thread."""
        store = self.page.context.store

        def done(disclosure: Disclosure) -> None:
            if not self._alive():
                return  # the window closed while the finder was read
            self._disclosure = disclosure
            self._set_marks()
            self.show()

        run_quietly(lambda: read_disclosure(store, named=False), done, lambda _error: None)

    def _alive(self) -> bool:
        """Whether the page is still there: a reading finishes on the thread pool, perhaps
        after its window has closed."""
        return isValid(self) and isValid(self.page) and isValid(self.page.kind)

    def _set_marks(self) -> None:
        """Masked words are marked only while the report would mask them."""
        finder = None
        evaluation = self.page.kind_chosen() is ReportKind.EVALUATION  # the narrative's report
        if evaluation and not self.page.names_included() and self._disclosure is not None:
            finder = self._disclosure.finder
        for mark in self.marks:
            mark.set_finder(finder)

    def _gather(self) -> None:
        from ...services.reporting.gather import gather

        page = self.page
        if not page.context.is_open or page.period_problem() is not None:
            self.readiness_changed.emit()  # nothing to read: the page says why on Generate
            return
        if page.names_included():
            self.view.show_named()
            self.readiness_changed.emit()
            return
        self._asked += 1
        asked, store, request = self._asked, page.context.store, page.request()
        self._ready = False
        self.view.show_waiting()
        self.readiness_changed.emit()

        def done(gathered) -> None:
            if not self._alive():
                return  # the window closed while the report was read
            if asked == self._asked and not page.names_included():
                self._gathered, self._ready = gathered.released, True
                self.show()
                self.readiness_changed.emit()

        run_quietly(lambda: gather(store, request), done, lambda _error: None)

    def show_gathered(self, lines: tuple[Released, ...]) -> None:
        """Lines read for writing that differ from those shown: they are what is shown now."""
        self._asked += 1  # a reading still on its way is older than these
        self._gathered, self._ready = lines, True
        self.show()
        self.readiness_changed.emit()

    def lines(self) -> tuple[Released, ...]:
        """The typed lines, with the narrative as it is typed now (masked as the report will
        mask it) in place of the one kept in the file; none until they are read."""
        if not self._ready:
            return ()
        lines = [line for line in self._gathered if line.source is not TextSource.NARRATIVE]
        if self.page.kind_chosen() is ReportKind.EVALUATION and self._disclosure is not None:
            seen = set()
            for editor in self.editors:
                for line in editor.toPlainText().split("\n"):
                    line = line.strip()
                    if line and line not in seen:
                        seen.add(line)
                        text, spans = self._disclosure.masked(line)
                        lines.append(Released(TextSource.NARRATIVE, line, text, spans))
        return tuple(lines)

    def show(self) -> None:
        if self.page.names_included():
            self.view.show_named()
        elif self._ready and self._disclosure is not None:
            self.view.show_lines(self.lines())
