"""File ▸ Sharing… and File ▸ Sync Now (issue 22), driven as a person would: a group file shared
from the dialog through a real folder, a copy of it (another laptop) syncing with Ctrl+Shift+Y,
and the folder refusals said next to the field."""

from __future__ import annotations

import os
import shutil
import sys

import pytest
from PySide6.QtCore import Qt

from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.sharing.share import is_shared
from sponsor_app.services.sharing.sync import sync
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync.folder import FolderTransport
from sponsor_app.ui.dialogs.sharing_dialog import SharingDialog

from .conftest import click, leave, on_next_modal, type_into


def _group(tmp_path, name="laptop-a.sponsor"):
    path = tmp_path / name
    create_group(path, NewGroup(name="Riverside")).close()
    return path


def _share_from_dialog(window, qtbot, folder) -> list[str]:
    """File ▸ Sharing…: type the folder, Share, wait for the outcome; what the dialog said."""
    seen: list[str] = []

    def share(dialog: SharingDialog):
        assert not dialog.is_shared_view
        assert dialog.advice.isVisible()  # a plain file: protect it before copying it
        assert "not protected with a passphrase" in dialog.advice.text()
        type_into(qtbot, dialog.folder_field, str(folder))
        click(qtbot, dialog.share_button)
        qtbot.waitUntil(lambda: dialog.is_shared_view, timeout=10_000)
        seen.extend(
            [dialog.outcome.text(), dialog.place_label.text(), dialog.last_sync_label.text()]
        )
        assert not dialog.share_button.isVisible()
        leave(qtbot, dialog)

    with on_next_modal(qtbot, share):
        window.sharing_action.trigger()
    return seen


def test_share_from_the_dialog_then_a_copy_syncs_with_ctrl_shift_y(window, qtbot, tmp_path):
    folder = tmp_path / "usb stick"
    folder.mkdir()
    first = _group(tmp_path)
    window.open_file(first)
    assert window.sharing_action.isEnabled() and not window.sync_now_action.isEnabled()

    outcome, place, last = _share_from_dialog(window, qtbot, folder)
    assert outcome.startswith("Started sharing laptop-a.sponsor (this laptop is its first).")
    assert "Sent" in outcome and place == str(folder.resolve())
    assert "everything exchanged" in last
    assert window.sync_now_action.isEnabled()
    assert any(folder.iterdir())  # the change sets are in the folder, the file is not
    assert not (folder / first.name).exists()

    # Another laptop joins by copying the shared file, and the first laptop adds a household.
    window.close_file()
    second = tmp_path / "laptop-b.sponsor"
    shutil.copyfile(first, second)
    with Store.open(first, actor="Lead on laptop A") as store:
        add_household(store, HouseholdInput("H7", family_name="Okonkwo", town="Nelson"))
        sync(store, FolderTransport(folder, first))

    window.open_file(second)
    window.show_page("households")
    page = window.households
    assert "H7" not in [h.code for h in page.households.rows()]
    assert window.sync_now_action.isEnabled()
    window.activateWindow()  # as a person's click back on it does, once the dialog closed
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Y,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Synced"), timeout=10_000)
    status = window.sync_label.text()
    assert status.startswith("Synced") and "with usb stick: 1 received, 0 sent" in status, status
    assert "Received 1 change set." in window.sync_label.toolTip()
    qtbot.waitUntil(lambda: "H7" in [h.code for h in page.households.rows()], timeout=5000)
    okonkwo = next(h for h in page.households.rows() if h.code == "H7")
    assert okonkwo.family_name == "Okonkwo"


def test_sync_now_is_off_for_a_file_not_shared(window, qtbot, tmp_path):
    path = _group(tmp_path)
    window.open_file(path)
    assert not window.sync_now_action.isEnabled()
    assert window.sync_label.text() == ""
    qtbot.keyClick(
        window,
        Qt.Key.Key_Y,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.wait(100)
    assert window.sync_label.text() == ""
    assert not is_shared(window.context.store)


def test_a_bad_folder_is_refused_next_to_the_field(window, qtbot, tmp_path):
    path = _group(tmp_path)
    window.open_file(path)
    said: dict[str, str] = {}

    def refuse(dialog: SharingDialog):
        for name, typed in (
            ("missing", tmp_path / "not plugged in"),
            ("the file", path),
            ("its folder", tmp_path),
        ):
            type_into(qtbot, dialog.folder_field, str(typed))
            click(qtbot, dialog.share_button)
            qtbot.waitUntil(lambda: bool(dialog.folder_error.text()), timeout=10_000)
            said[name] = dialog.folder_error.text()
            assert not dialog.is_shared_view
        type_into(qtbot, dialog.folder_field, "")
        click(qtbot, dialog.share_button)
        said["empty"] = dialog.folder_error.text()
        leave(qtbot, dialog)

    with on_next_modal(qtbot, refuse):
        window.sharing_action.trigger()
    assert "is not there" in said["missing"]
    assert "is the group file itself" in said["the file"]
    assert "holds the group file itself" in said["its folder"]
    assert said["empty"] == "⚠ Give the folder to share through."
    assert not is_shared(window.context.store)
    assert not window.sync_now_action.isEnabled()


def test_a_hub_url_that_is_not_one_is_refused_next_to_its_field(window, qtbot, tmp_path):
    path = _group(tmp_path)
    window.open_file(path)
    said: list[str] = []

    def refuse(dialog: SharingDialog):
        type_into(qtbot, dialog.hub_field, "the hub on Tuesday")
        assert dialog.hub_choice.isChecked()  # typing a URL chooses the hub
        click(qtbot, dialog.share_button)
        qtbot.waitUntil(lambda: bool(dialog.hub_error.text()), timeout=10_000)
        said.append(dialog.hub_error.text())
        said.append(dialog.folder_error.text())
        leave(qtbot, dialog)

    with on_next_modal(qtbot, refuse):
        window.sharing_action.trigger()
    assert said == [
        "⚠ the hub on Tuesday is not a PostgreSQL connection URL (write it as "
        "postgresql://USER@HOST/DATABASE).",
        "",
    ]
    assert not is_shared(window.context.store)


def test_a_sync_whose_folder_is_gone_says_so_in_one_line(window, qtbot, tmp_path):
    folder = tmp_path / "usb stick"
    folder.mkdir()
    path = _group(tmp_path)
    window.open_file(path)
    _share_from_dialog(window, qtbot, folder)
    folder.rename(tmp_path / "usb stick, unplugged")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Y,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Not synced"), timeout=10_000)
    assert window.sync_label.text() == (
        f"Not synced with usb stick: {folder.resolve()} is not there (a disk not plugged in, "
        "or a folder that was moved); nothing was lost."
    )
    assert window.sync_now_action.isEnabled()  # plug it back in and try again
    folder.with_name("usb stick, unplugged").rename(folder)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Y,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Synced"), timeout=10_000)
    assert "with usb stick: 0 received, 0 sent" in window.sync_label.text()


@pytest.mark.skipif(sys.platform == "win32", reason="an open file cannot be moved on Windows")
def test_sync_now_is_off_once_the_open_file_was_moved_away(window, qtbot, tmp_path):
    folder = tmp_path / "usb stick"
    folder.mkdir()
    path = _group(tmp_path)
    window.open_file(path)
    _share_from_dialog(window, qtbot, folder)
    assert window.sync_now_action.isEnabled()
    os.rename(path, tmp_path / "elsewhere.sponsor")
    qtbot.waitUntil(window.banner.isVisible, timeout=10_000)  # the window's own look, timed
    assert not window.sync_now_action.isEnabled()
    assert not window.sharing_action.isEnabled()
