"""Known errors are messages that say what to do; bugs go to one crash dialog and the log."""

import sqlite3
import sys

from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.ui.dialogs.crash_dialog import CrashDialog
from sponsor_app.ui.errors import install_crash_handler, log_file

from ..storage.helpers import hold_open, release
from .conftest import answering_message, leave, on_next_modal


def test_locked_file_shows_who_has_it(window, qtbot, tmp_path):
    path = tmp_path / "busy.sponsor"
    create_group(path, NewGroup(name="Busy")).close()
    holder = hold_open(path)
    seen = []
    try:
        with answering_message(qtbot, seen):
            assert window.open_file(path) is False
    finally:
        release(holder)
    assert (
        "already open in Sponsor Desk (" in seen[0]
        and "today)" in seen[0]
        and "Close it there first" in seen[0]
    )
    assert window.is_showing_welcome() and not window.context.is_open


def test_newer_schema_file_shows_update_message(window, qtbot, tmp_path):
    path = tmp_path / "future.sponsor"
    create_group(path, NewGroup(name="Future")).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0500'")
    connection.commit()
    connection.close()
    seen = []
    with answering_message(qtbot, seen):
        assert window.open_file(path) is False
    assert "newer version of Sponsor Desk" in seen[0] and "not changed" in seen[0]


def test_missing_recent_file_is_forgotten(window, qtbot, small_demo):
    window.open_file(small_demo)
    window.close_file()
    small_demo.unlink()
    seen = []
    with answering_message(qtbot, seen):
        window.open_file(small_demo)
    assert "does not exist" in seen[0]
    assert window.settings.recent_files() == []


def test_unexpected_error_opens_the_crash_dialog_and_logs(qtbot, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_crash_handler()
    shown = []

    def inspect(dialog):
        assert isinstance(dialog, CrashDialog)
        shown.append(dialog.details.toPlainText())
        dialog.copy_button.click()
        leave(qtbot, dialog)

    try:
        raise ZeroDivisionError("the bug")
    except ZeroDivisionError:
        with on_next_modal(qtbot, inspect):
            sys.excepthook(*sys.exc_info())
    assert "ZeroDivisionError: the bug" in shown[0]
    assert "ZeroDivisionError: the bug" in log_file().read_text(encoding="utf-8")
    from PySide6.QtGui import QGuiApplication

    assert "the bug" in QGuiApplication.clipboard().text()
