"""Files that are not what they should be give one clear error, never a traceback or a change."""

import os
import sqlite3
from pathlib import Path

import pytest

from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.storage.backup import backup_file, offering_backup
from sponsor_app.storage.errors import (
    DamagedFile,
    FileLocked,
    GroupFileExists,
    GroupFileMissing,
    NotAGroupFile,
)
from sponsor_app.storage.store import Store

from .helpers import hold_open, release


def test_missing_file(tmp_path):
    with pytest.raises(GroupFileMissing, match="does not exist"):
        Store.open(tmp_path / "nothing.sponsor")


def test_random_bytes(tmp_path):
    path = tmp_path / "random.sponsor"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(NotAGroupFile, match="not a Sponsor Desk group file"):
        Store.open(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.sponsor"
    path.touch()
    with pytest.raises(NotAGroupFile, match="empty file"):
        Store.open(path)


def test_a_spreadsheet_renamed(tmp_path):
    path = tmp_path / "roster.sponsor"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(NotAGroupFile):
        Store.open(path)


def test_another_programs_sqlite_database(tmp_path):
    path = tmp_path / "other.sponsor"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(NotAGroupFile, match="another program"):
        Store.open(path)
    assert path.read_bytes() == before


def test_truncated_file_offers_the_newest_backup(make_store, tmp_path):
    store = make_store()
    path = store.path
    store.close()
    backup = backup_file(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DamagedFile) as caught, Store.open(path) as opened, opened.read() as session:
        session.connection().exec_driver_sql("SELECT count(*) FROM volunteer").all()
    offered = offering_backup(caught.value)  # looked for when shown, not when raised
    assert offered.offer.path == backup
    assert "restore" in str(offered)


def test_file_cut_inside_the_header(tmp_path):
    path = tmp_path / "cut.sponsor"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")
    with pytest.raises(DamagedFile, match="damaged"):
        Store.open(path)


def test_a_folder(tmp_path):
    folder = tmp_path / "folder.sponsor"
    folder.mkdir()
    with pytest.raises(NotAGroupFile, match="folder"):
        Store.open(folder)


def test_create_never_overwrites(group_path):
    group_path.write_text("precious")
    with pytest.raises(GroupFileExists), Store.building(group_path):
        pass
    assert group_path.read_text() == "precious"


def test_open_in_another_process_is_refused_with_who_has_it(make_store):
    store = make_store()
    path = store.path
    store.close()
    holder = hold_open(path)
    try:
        with pytest.raises(
            FileLocked,
            match=r"already open in Sponsor Desk \(\w+ on [^,]+, since \d\d:\d\d today\)\. Close",
        ):
            Store.open(path)
    finally:
        release(holder)
    Store.open(path).close()  # free again once the other process closed it


def test_lock_is_released_on_close_and_by_a_second_open_in_the_same_process(group_path):
    create_group(group_path, NewGroup(name="Locked")).close()
    first = Store.open(group_path)
    with pytest.raises(FileLocked):
        Store.open(group_path)
    first.close()
    assert not group_path.with_name(group_path.name + ".lock").exists()
    Store.open(group_path).close()


def test_making_a_damaged_files_error_reads_no_backups_folder(make_store, tmp_path, monkeypatch):
    """Building the error scanned the backups folder (and checked every backup) wherever a
    damaged file was met; the backup to offer is looked for only when it is shown."""
    from sponsor_app.storage import backup as backups

    store = make_store()
    path = store.path
    store.close()
    backup_file(path)
    path.write_bytes(path.read_bytes()[:1000])
    looked: list[Path] = []
    real = backups.newest_good_backup
    monkeypatch.setattr(backups, "newest_good_backup", lambda p: looked.append(p) or real(p))
    with pytest.raises(DamagedFile) as caught:
        Store.open(path)
    assert looked == [] and caught.value.offer is None
    assert offering_backup(caught.value).offer is not None and looked == [path]
