"""Save a Copy and Back up to: complete copies, never over a file another window has open, and
never beside a stale log that SQLite would replay into the copy (failure 1)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sponsor_app.domain.errors import InvalidInput
from sponsor_app.services.files.copies import back_up_to, save_copy
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer
from sponsor_app.storage.errors import FileLocked
from sponsor_app.storage.store import Store

from ...storage.helpers import hold_open, release


def _names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [r[0] for r in connection.execute("SELECT full_name FROM volunteer ORDER BY id")]
    finally:
        connection.close()


def _group(path: Path, *names: str) -> Path:
    with create_group(path, NewGroup(name=path.stem)) as store:
        for name in names:
            add_volunteer(store, VolunteerInput(name, ("volunteer",)))
    return path


def test_a_copy_onto_a_file_open_in_another_window_is_refused(tmp_path):
    ours = _group(tmp_path / "ours.sponsor", "Ours")
    theirs = _group(tmp_path / "theirs.sponsor", "Theirs")
    holder = hold_open(theirs)
    try:
        with Store.open(ours) as store, pytest.raises(FileLocked, match="already open in"):
            save_copy(store, theirs)
    finally:
        release(holder)
    assert _names(theirs) == ["Theirs"]


KILLED_WRITER = """
import os, signal, sys
from sponsor_app.storage.models import Volunteer
from sponsor_app.storage.store import Store
store = Store.open(sys.argv[1])
with store.transaction() as s:
    s.add(Volunteer(full_name="in the log only"))
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_copy_over_a_file_with_a_leftover_log_is_whole_next_time(tmp_path):
    ours = _group(tmp_path / "ours.sponsor", "Ours", "Also ours")
    target = _group(tmp_path / "old.sponsor", "Old")
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(target)], check=False)
    assert Path(f"{target}-wal").stat().st_size > 0
    with Store.open(ours) as store:
        save_copy(store, target)
    assert not Path(f"{target}-wal").exists()
    assert _names(target) == ["Ours", "Also ours"]
    with Store.open(target) as copy, copy.read():
        pass  # opens as the group it now is


def test_a_copy_never_replaces_the_open_file_by_another_name(tmp_path):
    ours = _group(tmp_path / "ours.sponsor", "Ours")
    link = tmp_path / "link.sponsor"
    os.link(ours, link)
    with Store.open(ours) as store:
        for target in (ours, link):
            with pytest.raises(InvalidInput, match="cannot replace the open file"):
                save_copy(store, target)
    assert _names(ours) == ["Ours"]


def test_back_up_to_a_folder_makes_a_named_copy_with_every_change(tmp_path):
    ours = _group(tmp_path / "ours.sponsor", "Ours")
    with Store.open(ours) as store:
        add_volunteer(store, VolunteerInput("Just saved", ("volunteer",)))
        made = back_up_to(store, tmp_path / "usb")
    assert made.parent == tmp_path / "usb" and made.name.startswith("ours backup ")
    assert _names(made) == ["Ours", "Just saved"]
    assert not [p for p in (tmp_path / "usb").iterdir() if p != made]
