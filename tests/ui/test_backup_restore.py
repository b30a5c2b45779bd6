"""File ▸ Back Up To…, File ▸ Restore…, a damaged file's offer and a moved file's banner,
driven through the real window (the platform's file choosers answered as a user would)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# The app's own SQLite (sqlcipher3), not the standard library's: two SQLite libraries in one
# process must not share a file one of them has open (closing a file drops the other's POSIX
# locks, and a WAL commit can be missed or, worse, overwritten).
import sqlcipher3.dbapi2 as sqlite3
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from sponsor_app.services.files.backups import backups_of
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer
from sponsor_app.ui.dialogs.restore_dialog import RestoreDialog

from .conftest import leave, on_next_modal


def _volunteers(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return connection.execute("SELECT count(*) FROM volunteer").fetchone()[0]
    finally:
        connection.close()


def _add_volunteer(window, name: str) -> None:
    store = window.context.store
    window.context.execute(
        f"Add {name}", lambda: add_volunteer(store, VolunteerInput(name, ("volunteer",)))
    )


def _button(box, text: str) -> QPushButton:
    return next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == text)


def test_back_up_to_a_folder_holds_the_latest_change(
    window, qtbot, small_demo, tmp_path, monkeypatch
):
    window.open_file(small_demo)
    _add_volunteer(window, "Just added")
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    window.back_up_action.trigger()
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage(), timeout=10000)
    (made,) = usb.glob("*.sponsor")
    assert _volunteers(made) == 13 and made.name.startswith("Small demo backup ")
    assert window.context.path == small_demo


def _restore_dialog(qtbot, window, handle) -> None:
    """Open File ▸ Restore… (its list is read on a worker first) and hand the dialog over."""
    handled = []

    def check_and_handle(dialog) -> None:
        handled.append(dialog)
        assert isinstance(dialog, RestoreDialog), type(dialog).__name__
        handle(dialog)

    with on_next_modal(qtbot, check_and_handle):
        window.restore_action.trigger()
        qtbot.waitUntil(lambda: bool(handled), timeout=10000)


def test_restore_lists_this_groups_backups_and_replaces_the_open_file(
    window, qtbot, small_demo, app_home
):
    window.open_file(small_demo)  # opening backs the file up (12 volunteers)
    _add_volunteer(window, "Added after the backup")
    seen = {}

    def choose(dialog: RestoreDialog) -> None:
        seen["rows"] = [
            [dialog.model.index(r, c).data() for c in range(dialog.model.columnCount())]
            for r in range(dialog.model.rowCount())
        ]
        dialog.table.selectRow(0)

        def confirm(box) -> None:
            assert isinstance(box, QMessageBox) and "Replace Small demo.sponsor" in box.text()
            seen["question"] = box.text()
            box.button(QMessageBox.StandardButton.Yes).click()

        # The question comes after this dialog closes: watch for it before clicking.
        seen["confirm"] = on_next_modal(qtbot, confirm)
        seen["confirm"].__enter__()
        qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)

    _restore_dialog(qtbot, window, choose)
    seen["confirm"].__exit__(None, None, None)
    (row,) = seen["rows"]
    assert row[1] == "When opened" and row[3:] == ["1", "12", "300"]
    qtbot.waitUntil(
        lambda: "Restored Small demo.sponsor" in window.statusBar().currentMessage(), timeout=15000
    )
    assert window.context.is_open and window.context.path == small_demo
    assert _volunteers(small_demo) == 12
    kept = [b for b in backups_of(window.context.store) if b.reason == "before-restore"]
    assert len(kept) == 1 and kept[0].volunteers == 13, "the replaced file was kept first"


def test_restore_as_a_new_file_leaves_the_open_one(
    window, qtbot, small_demo, tmp_path, monkeypatch
):
    window.open_file(small_demo)
    _add_volunteer(window, "Stays in the original")
    target = tmp_path / "Restored copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def choose(dialog: RestoreDialog) -> None:
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)

    _restore_dialog(qtbot, window, choose)
    restored = target.with_suffix(".sponsor")
    qtbot.waitUntil(lambda: window.context.path == restored, timeout=15000)
    assert _volunteers(restored) == 12 and _volunteers(small_demo) == 13


def test_restore_with_no_backups_says_so(window, qtbot, small_demo, app_home):
    window.open_file(small_demo)
    for backup in (app_home / "data" / "backups").rglob("*.sponsor"):
        backup.unlink()

    def look(dialog: RestoreDialog) -> None:
        assert dialog.empty.isVisible() and not dialog.table.isVisible()
        assert not dialog.new_button.isEnabled() and not dialog.replace_button.isEnabled()
        leave(qtbot, dialog)

    _restore_dialog(qtbot, window, look)


def _damage(path: Path) -> bytes:
    data = path.read_bytes()
    damaged = data[:4096] + b"\xee" * (len(data) - 4096)
    path.write_bytes(damaged)
    return damaged


@pytest.mark.parametrize("choice", ["Restore as a New File…", "Replace the Damaged File"])
def test_a_damaged_file_offers_this_groups_newest_good_backup(
    window, qtbot, small_demo, tmp_path, monkeypatch, choice
):
    window.open_file(small_demo)  # backed up as it opens
    window.close_file()
    damaged = _damage(small_demo)
    target = tmp_path / "Rescued.sponsor"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen = []

    def answer(box) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(f"{box.text()} {box.informativeText()}")
        _button(box, choice).click()

    with on_next_modal(qtbot, answer):
        assert window.open_file(small_demo) is False
    assert "is damaged and cannot be opened" in seen[0]
    assert "1 household, 12 volunteers and 300 transactions" in seen[0]
    if choice.startswith("Restore as"):
        qtbot.waitUntil(lambda: window.context.path == target, timeout=15000)
        assert small_demo.read_bytes() == damaged, "nothing overwritten without asking"
    else:
        qtbot.waitUntil(lambda: window.context.path == small_demo, timeout=15000)
        (aside,) = small_demo.parent.glob("Small demo (damaged *).sponsor")
        assert aside.read_bytes() == damaged
    assert _volunteers(window.context.path) == 12


def test_a_cancelled_offer_changes_nothing(window, qtbot, small_demo):
    window.open_file(small_demo)
    window.close_file()
    damaged = _damage(small_demo)

    def cancel(box) -> None:
        box.button(QMessageBox.StandardButton.Cancel).click()

    with on_next_modal(qtbot, cancel):
        window.open_file(small_demo)
    assert window.is_showing_welcome() and small_demo.read_bytes() == damaged


@pytest.mark.skipif(sys.platform == "win32", reason="an open file cannot be moved on Windows")
def test_a_moved_file_stops_writes_and_what_is_open_is_saved_elsewhere(
    window, qtbot, small_demo, tmp_path, monkeypatch
):
    window.open_file(small_demo)
    _add_volunteer(window, "Before the move")
    moved = tmp_path / "moved away.sponsor"
    os.rename(small_demo, moved)
    seen = []

    def note(box) -> None:
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    # An edit after the move is refused with a sentence (here the undo of the last edit).
    with on_next_modal(qtbot, note):
        window.undo_action.trigger()
    assert "was moved or deleted while it was open" in seen[0]
    qtbot.waitUntil(window.banner.isVisible, timeout=5000)
    assert "stopped saving" in window.banner.label.text()
    target = tmp_path / "Saved elsewhere.sponsor"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(window.banner.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.context.path == target, timeout=15000)
    assert not window.banner.isVisible()
    assert _volunteers(target) == 13
    _add_volunteer(window, "Carrying on")  # the copy takes edits
    assert _volunteers(target) == 14


@pytest.mark.skipif(sys.platform == "win32", reason="an open file cannot be moved on Windows")
def test_the_window_notices_a_move_without_an_edit(window, qtbot, small_demo, tmp_path):
    window.open_file(small_demo)
    os.rename(small_demo, tmp_path / "elsewhere.sponsor")
    qtbot.waitUntil(window.banner.isVisible, timeout=6000)  # looked at every two seconds


def test_restoring_a_plain_backup_over_a_protected_file_says_it_will_be_plain(
    window, qtbot, small_demo, tmp_path, app_home
):
    """The window's Replace question says the protection goes, and only then restores (D11)."""
    from datetime import datetime, timedelta

    from sponsor_app import clock
    from sponsor_app.services.files.protection import (
        forget_keys,
        is_protected,
        protect_file,
        recovery_code_shown,
        unlock,
    )
    from sponsor_app.storage.backup import MANUAL, take_backup
    from sponsor_app.storage.connect import connect
    from sponsor_app.storage.facts import read_group

    plain = tmp_path / "before protecting.sponsor"
    plain.write_bytes(small_demo.read_bytes())
    protect_file(small_demo, "kumara paddock wheelbarrow")
    recovery_code_shown(small_demo)  # shown, as the window does
    source = connect(plain, read_only=True)
    try:  # a plain backup of this group, older than any other (the last row)
        at = datetime.combine(clock.today(), datetime.min.time()) - timedelta(days=30)
        take_backup(source, read_group(source), MANUAL, at=at)
    finally:
        source.close()
    forget_keys()
    unlock(small_demo, passphrase="kumara paddock wheelbarrow")
    window.open_file(small_demo)
    seen = {}

    def choose(dialog: RestoreDialog) -> None:
        dialog.table.selectRow(dialog.model.rowCount() - 1)

        def confirm(box) -> None:
            seen["question"] = box.text()
            box.button(QMessageBox.StandardButton.Yes).click()

        seen["confirm"] = on_next_modal(qtbot, confirm)
        seen["confirm"].__enter__()
        qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)

    _restore_dialog(qtbot, window, choose)
    seen["confirm"].__exit__(None, None, None)
    assert "not protected with a passphrase, so the restored file will not be" in seen["question"]
    qtbot.waitUntil(
        lambda: "Restored Small demo.sponsor" in window.statusBar().currentMessage(), timeout=15000
    )
    assert not is_protected(small_demo)


def test_the_window_restores_through_the_one_restore_service(
    window, qtbot, small_demo, tmp_path, monkeypatch
):
    """The window and the command line restored through different functions with different
    flags; both now call services/files/backups.py `restore` (the command line's own test is
    tests/services/files/test_backups.py)."""
    from sponsor_app.services.files import backups

    calls = []
    real = backups.restore
    monkeypatch.setattr(
        backups, "restore", lambda *a, **kw: calls.append((a, kw)) or real(*a, **kw)
    )
    window.open_file(small_demo)
    target = tmp_path / "Restored copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def choose(dialog: RestoreDialog) -> None:
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)

    _restore_dialog(qtbot, window, choose)
    restored = target.with_suffix(".sponsor")
    qtbot.waitUntil(lambda: window.context.path == restored, timeout=15000)
    ((args, kw),) = calls
    assert Path(args[1]) == restored and kw == {"unprotect": False}
