"""What every page shares: the context it reads from and a refresh when something changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.changes import Changes, Topic
from ..context import GroupContext
from ..edits import Edits


class Page(QWidget):
    """A page refreshes when it is shown and when a write it cares about happens while shown.

    `watches` names the topics it shows (a change set touching any of them makes it stale);
    the default is every topic. Refreshing only visible pages keeps a write cheap however many
    pages exist; a change to the group's profile (its name, locale, settings) concerns every
    page. A page whose models can take a change in place (the rows it touched, by id) says so
    in `update_in_place`; otherwise it reads everything again.
    """

    title = "Page"
    watches: frozenset[Topic] = frozenset(Topic)

    def __init__(self, context: GroupContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.edits = Edits(context)  # every write from a page is one undoable step through it
        self._stale = True
        context.changed.connect(self._on_changed)
        context.opened.connect(self._on_opened)

    def _on_opened(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh_now()

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(self.watches | {Topic.GROUP}):
            return
        if not self.isVisible():
            self._stale = True
        elif self._stale or Topic.GROUP in changes.topics or not self.update_in_place(changes):
            self.refresh_now()

    def update_in_place(self, changes: Changes) -> bool:
        """Take in a change that touched this page's topics while it is shown and current,
        rereading only the rows it touched; False: it cannot, so the whole page is read again.
        Subclasses whose models allow it override."""
        return False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_now()

    def refresh_now(self) -> None:
        self._stale = False
        if self.context.is_open:
            self.refresh()

    def refresh(self) -> None:
        """Reload from services. Subclasses override."""

    def add_shortcuts(self, shortcuts) -> None:
        """(text, key sequence, slot) triples that work while focus is anywhere on this page;
        a fourth, a button, is bound in the same place: it does what the key does, and its
        tooltip names the key unless it says more already."""
        for text, keys, slot, *button in shortcuts:
            action = QAction(text, self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            for one in button:
                one.clicked.connect(slot)
                if not one.toolTip():
                    one.setToolTip(self.key_words(keys))

    def key_words(self, keys) -> str:
        """A key as this system writes it ("Ctrl+Shift+N"); Delete in words, not "Del"."""
        if keys == QKeySequence.StandardKey.Delete:
            return self.tr("Delete key")
        return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class PageHeader(QWidget):
    """The same header on every page: its name, and a line saying what it shows."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setAccessibleName(title)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(subtitle)
        self.subtitle.setWordWrap(True)
        # A palette role, not a style sheet: it follows the palette when the system turns dark.
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 4, 2, 4)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        self.subtitle.setVisible(bool(subtitle))

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))


def page_header(title: str, subtitle: str = "") -> PageHeader:
    return PageHeader(title, subtitle)


def empty_state(text: str, parent: QWidget | None = None) -> QLabel:
    """A muted sentence saying what to do when there is nothing to show yet."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # follows a palette change
    label.setMargin(12)
    return label


class ComingPage(Page):
    """A page whose issue has not landed yet: say so plainly rather than show an empty screen."""

    watches: frozenset[Topic] = frozenset()

    def __init__(self, context: GroupContext, title: str, what: str, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.title = title
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{title}</h2>")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(empty_state(self.tr("Coming soon: {}").format(what)))
        layout.addStretch(2)
