"""Help ▸ Guide (the user guide shipped in the package, read offline) and Help ▸ Keyboard
shortcuts (every shortcut the window has, read from its actions, so the list cannot go stale)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


def guide_path():
    return resources.files("sponsor_app.resources") / "guide" / "guide.md"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sponsor Desk guide"))
        self.resize(880, 640)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Guide"))
        self.browser.setOpenExternalLinks(False)  # the guide is read offline, links stay here
        # Markdown from the package; its pictures are found beside it.
        self.browser.setSource(
            QUrl.fromLocalFile(str(guide_path())), QTextDocument.ResourceType.MarkdownResource
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def _special_key(sequence: QKeySequence) -> bool:
    """A key of its own that few keyboards have ("Redo", "Copy", "Back"): the platform binds
    it too, but listed beside Ctrl+Y it reads as a third thing to press."""
    combination = sequence[0]
    return (
        combination.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
        and combination.key().value >= Qt.Key.Key_Back.value
    )


def shortcut_rows(window) -> list[tuple[str, str, str]]:
    """(where, what, keys) for every action with a shortcut in the window and its pages,
    found by walking the actions themselves: a shortcut added later is listed too."""
    from ..pages.base import Page

    rows = []
    for action in window.findChildren(QAction):
        keys = [k for k in action.shortcuts() if not k.isEmpty() and not _special_key(k)]
        if not keys:
            continue
        where = window.tr("Everywhere")
        owner = action.parent()
        while owner is not None and not isinstance(owner, Page):
            owner = owner.parent()
        if owner is not None:
            where = getattr(getattr(owner, "header", None), "title", None)
            where = where.text() if where is not None else type(owner).__name__
        what = action.text().replace("&", "").rstrip("…").strip() or action.toolTip()
        text = window.tr(" or ").join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys
        )
        rows.append((where, what, text))
    everywhere = window.tr("Everywhere")
    rows.sort(key=lambda r: (r[0] != everywhere, r[0], r[1]))
    forms, tables = window.tr("Forms"), window.tr("Tables")
    return [
        *dict.fromkeys(rows),
        (forms, window.tr("Open the calendar of a date field"), "Alt+Down"),
        (forms, window.tr("The field whose label has the underlined letter"), "Alt+letter"),
        (tables, window.tr("Open the chosen row"), "Enter"),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(640, 560)
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("What"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
