"""Help: the offline guide (F1) and the list of every keyboard shortcut."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextDocument

from sponsor_app.ui.dialogs.help_dialogs import (
    GuideDialog,
    ShortcutsDialog,
    _special_key,
    guide_path,
)

from .conftest import leave, on_next_modal


def test_f1_opens_the_guide_with_its_pictures(window, qtbot, small_demo):
    window.open_file(small_demo)
    seen = {}
    names = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide_path().read_text(encoding="utf-8"))

    def read(dialog):
        assert isinstance(dialog, GuideDialog)
        document = dialog.browser.document()
        seen["text"] = document.toPlainText()
        # Each picture the guide names loads from the package (a missing one is a null image).
        image = QTextDocument.ResourceType.ImageResource
        loaded = [dialog.browser.loadResource(image, QUrl(name)) for name in names]
        seen["pictures"] = [data is not None and data.size() > 10_000 for data in loaded]
        leave(qtbot, dialog)

    with on_next_modal(qtbot, read):
        qtbot.keyClick(window, Qt.Key.Key_F1)
    assert "The settlement plan" in seen["text"] and "Volunteers and vetting" in seen["text"]
    assert len(names) == 5 and seen["pictures"] == [True] * 5


def test_every_shortcut_is_listed(window, qtbot, small_demo):
    window.open_file(small_demo)
    seen = {}

    def read(dialog):
        assert isinstance(dialog, ShortcutsDialog)
        table = dialog.table
        seen["rows"] = [
            tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())
        ]
        leave(qtbot, dialog)

    with on_next_modal(qtbot, read):
        qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    listed = {keys for _, _, keys in seen["rows"]}
    # Every action anywhere in the window (menus and every page, now built) with a key is there.
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty() and not _special_key(key):
                text = key.toString(QKeySequence.SequenceFormat.NativeText)
                assert any(text in keys for keys in listed), (action.text(), text)
    # Issue 19 item 16: "Ctrl+Shift+Z or Redo or Ctrl+Y": a Redo key is no combination to type.
    redo = next(keys for _, what, keys in seen["rows"] if what == "Redo")
    assert "Ctrl+Y" in redo and "Ctrl+Shift+Z" in redo
    assert "Redo" not in redo.split(" or ")
    assert ("Everywhere", "History", "Ctrl+H") in seen["rows"]
    rows = {(where, what) for where, what, _ in seen["rows"]}
    assert ("Settlement plan", "Mark done") in rows
    assert ("Everywhere", "Undo") in rows
