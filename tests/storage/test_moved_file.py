"""A group file moved or deleted while it is open: writes stop, nothing is lost or misplaced.

Failure 2: writes kept "succeeding" into the moved file's log left at the old path; the moved
file never saw them, and the stray log was later replayed into a file put at that path.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sponsor_app.services.files.copies import save_copy
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer
from sponsor_app.storage.errors import FileMoved
from sponsor_app.storage.models import Volunteer
from sponsor_app.storage.store import Store

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="Windows does not let an open database be moved"
)


def _names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [r[0] for r in connection.execute("SELECT full_name FROM volunteer ORDER BY id")]
    finally:
        connection.close()


def _volunteer(name: str) -> VolunteerInput:
    return VolunteerInput(name, ("volunteer",))


@pytest.fixture
def group(tmp_path) -> Path:
    path = tmp_path / "group.sponsor"
    create_group(path, NewGroup(name="Moving")).close()
    return path


def test_a_write_after_the_file_moved_is_refused_and_what_is_open_can_be_saved(group, tmp_path):
    moved = tmp_path / "moved" / "group.sponsor"
    moved.parent.mkdir()
    store = Store.open(group)
    try:
        add_volunteer(store, _volunteer("Before the move"))
        os.rename(group, moved)
        with pytest.raises(FileMoved, match="was moved or deleted while it was open"):
            add_volunteer(store, _volunteer("After the move"))
        with pytest.raises(FileMoved):  # it stays stopped
            add_volunteer(store, _volunteer("Again"))
        assert store.stopped
        saved = save_copy(store, tmp_path / "saved.sponsor")  # what it has, to a new place
    finally:
        store.close()
    assert _names(saved) == ["Before the move"]
    assert _names(moved) == ["Before the move"]
    assert not [p.name for p in tmp_path.glob("group.sponsor*")], "nothing left at the old path"


def test_a_deleted_file_says_deleted(group, tmp_path):
    with Store.open(group) as store:
        add_volunteer(store, _volunteer("Kept"))
        group.unlink()
        with pytest.raises(FileMoved, match="was moved or deleted while it was open"):
            add_volunteer(store, _volunteer("Lost"))
        saved = save_copy(store, tmp_path / "rescued.sponsor")
    assert _names(saved) == ["Kept"]


def test_a_move_during_a_write_rolls_it_back_instead_of_committing(group, tmp_path):
    moved = tmp_path / "moved.sponsor"
    store = Store.open(group)
    try:
        with pytest.raises(FileMoved), store.transaction("Add one") as session:
            session.add(Volunteer(full_name="Half way"))
            session.flush()
            os.rename(group, moved)
    finally:
        store.close()
    assert _names(moved) == []


def test_a_file_put_at_the_old_path_is_not_touched(group, tmp_path):
    """Another group's file copied to the old path while the first is open elsewhere."""
    moved = tmp_path / "moved.sponsor"
    other = tmp_path / "other.sponsor"
    with create_group(other, NewGroup(name="Other")) as store:
        add_volunteer(store, _volunteer("Other's volunteer"))
    store = Store.open(group)
    try:
        add_volunteer(store, _volunteer("Mine"))
        os.rename(group, moved)
        shutil.copyfile(other, group)
        with pytest.raises(FileMoved, match="replaced by another file"):
            add_volunteer(store, _volunteer("Would land in the other file"))
    finally:
        store.close()
    assert _names(group) == ["Other's volunteer"]
    assert _names(moved) == ["Mine"]


WRITER = """
import os, sys
from pathlib import Path
from sponsor_app.storage.errors import FileMoved
from sponsor_app.storage.models import Volunteer
from sponsor_app.storage.store import Store

path, moved = Path(sys.argv[1]), Path(sys.argv[2])
store = Store.open(path)
for n in range(1, 6):
    with store.transaction() as s:
        s.add(Volunteer(full_name=f"committed {n}"))
os.rename(path, moved)
try:
    with store.transaction() as s:
        s.add(Volunteer(full_name="after the move"))
    print("write succeeded", flush=True)
except FileMoved:
    print("refused", flush=True)
sys.stdin.readline()
"""


def test_a_process_killed_after_the_move_leaves_the_moved_file_whole(group, tmp_path):
    moved = tmp_path / "moved.sponsor"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(group), str(moved)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "refused"
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
    finally:
        writer.stdin.close()
        writer.stdout.close()
    # Killed with the file moved: its commits were written into the moved file, and the log
    # left at the old path holds nothing a file put there could be given.
    assert _names(moved) == [f"committed {n}" for n in range(1, 6)]
    stray = Path(f"{group}-wal")
    assert not stray.exists() or stray.stat().st_size == 0
    shutil.copyfile(moved, group)
    assert _names(group) == [f"committed {n}" for n in range(1, 6)]


def test_a_new_connection_after_the_move_never_opens_what_is_at_the_path(group, tmp_path):
    """The store's pool may open another connection later: it must not read (or create) a file
    at the old path, but say the file moved."""
    from sponsor_app.services.group.groups import group_info

    store = Store.open(group)
    try:
        os.rename(group, tmp_path / "moved.sponsor")
        store.engine.dispose()  # as if the pool needed a fresh connection
        with pytest.raises(FileMoved):
            group_info(store)
        assert not group.exists(), "a connection created an empty file at the old path"
    finally:
        store.close()
