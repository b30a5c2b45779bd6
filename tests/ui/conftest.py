"""UI fixtures: a real MainWindow over real group files, and a way to answer modal dialogs."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from sponsor_app.ui.main_window import MainWindow

from ..conftest import TODAY as TODAY  # the UI tests' "today", imported from here


@pytest.fixture(autouse=True)
def translations(qapp):
    """The window's words as people see them: the English plural forms loaded, as at start."""
    from sponsor_app.ui.formatting import use_locale
    from sponsor_app.ui.translations import install

    install(qapp, "en")
    use_locale("en_NZ")  # until a test opens a group of another country


@pytest.fixture
def window(qtbot) -> MainWindow:
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.context.close()


STUCK_AFTER_MS = 15_000


@contextmanager
def on_next_modal(qtbot, handle: Callable[[QWidget], None]):
    """Run `handle(dialog)` once a modal dialog opens inside the `with` block.

    A failing assertion in `handle` closes the dialog (so exec() returns) and is raised again
    when the block ends, instead of escaping into Qt's event loop.
    """
    errors: list[BaseException] = []
    handled: list[bool] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        # A progress dialog is modal too and shows only when the work is slow (a busy
        # machine): a helper must never take it for the dialog it waits for, or the real one
        # opens unanswered and its exec() hangs the test (seen under xdist on CI).
        busy = isinstance(modal, QProgressDialog)
        if modal is None or not modal.isVisible() or modal.property("claimed") or busy:
            QTimer.singleShot(20, poll)  # none yet, or another helper's dialog
            return
        modal.setProperty("claimed", True)
        handled.append(True)
        # A window manager makes a new dialog the active window; offscreen, ask for it, so
        # that focus (and leaving a field) works as it does for a person.
        modal.activateWindow()
        qtbot.waitUntil(modal.isActiveWindow, timeout=2000)
        try:
            handle(modal)
        except BaseException as error:  # re-raised in the test's own frame below
            errors.append(error)
            modal.close()
        else:
            QTimer.singleShot(STUCK_AFTER_MS, lambda: stuck(modal))

    def stuck(modal: QWidget) -> None:
        """A handler that leaves its dialog open (a Save the form refused, say) would keep
        exec() waiting forever: close it and fail the test instead of hanging the suite."""
        try:
            if not modal.isVisible():
                return
        except RuntimeError:  # already deleted: it closed
            return
        if QApplication.activeModalWidget() is not modal:  # a message of its own on top
            QTimer.singleShot(STUCK_AFTER_MS, lambda: stuck(modal))
            return
        errors.append(AssertionError(f"{type(modal).__name__} was still open after its handler"))
        modal.close()

    QTimer.singleShot(0, poll)
    yield
    if errors:
        raise errors[0]
    assert handled, "the expected dialog never opened"


@contextmanager
def answering_message(qtbot, seen: list[str], button=QMessageBox.StandardButton.Ok):
    """Record the text of the next message box and press `button`."""

    def handle(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), f"expected a message, got {type(box).__name__}"
        seen.append(box.text())
        box.button(button).click()

    with on_next_modal(qtbot, handle):
        yield


def type_into(qtbot, widget, text: str, leave: bool = True) -> None:
    """Click into a field, type, and (as a person moves on) Tab out of it."""
    widget.setFocus()
    if hasattr(widget, "clear"):
        widget.clear()
    qtbot.keyClicks(widget, text)
    if leave:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def type_date(qtbot, field, day, leave: bool = True) -> None:
    """Type a date into a date field as a New Zealander would (22/01/2027), then leave it."""
    type_into(qtbot, field.edit, f"{day.day}/{day.month:02d}/{day.year}", leave)


@contextmanager
def through_preview(qtbot, choose: Callable[[QWidget], None] | None = None):
    """Inside the block an import's preview opens: wait until it has read the file, let
    `choose` make the person's choices (qtbot clicks and keys), then click Import."""
    from PySide6.QtCore import Qt

    from sponsor_app.ui.dialogs.import_preview import ImportPreviewDialog

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog), type(dialog).__name__
        qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=20_000)
        if choose is not None:
            choose(dialog)
        qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20_000)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    with on_next_modal(qtbot, handle):
        yield


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` key by key, letters with macrons or accents too (QTest's keyClicks knows
    only ASCII): such a letter arrives as a keyboard layout that has it sends it, one key
    press carrying the letter as its text."""
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for letter in text:
        if letter.isascii():
            qtbot.keyClicks(widget, letter)
            continue
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, letter)
            )


def click(qtbot, button) -> None:
    """Click a button as a person does (the mouse), never its slot."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def leave(qtbot, dialog) -> None:
    """Close a dialog as a person does: Escape (it rejects: nothing is saved)."""
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def press_ok(qtbot, dialog) -> None:
    """Click a dialog's OK (a message's OK, an input dialog's OK) as a person does."""
    from PySide6.QtWidgets import QDialogButtonBox

    if isinstance(dialog, QMessageBox):
        button = dialog.button(QMessageBox.StandardButton.Ok) or dialog.defaultButton()
    else:
        button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    click(qtbot, button)
