"""Driver errors are sorted by SQLite's result code, never by the words of the message.

Every error here is produced for real, by SQL that makes SQLite say those words or by a file
really damaged, locked, read-only or full, through both drivers: the app's (sqlcipher3) and the
standard library's sqlite3 (which reports extended codes). A statement's mistake whose message
happens to say "malformed", "busy" or "readonly" is a bug, shown as one: not a damaged file
(with a restore offered), not a busy file, not a read-only one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from sponsor_app.storage.backup import backup_file, offering_backup
from sponsor_app.storage.connect import connect, copy_database
from sponsor_app.storage.errors import (
    DamagedFile,
    DiskFull,
    FileBusy,
    GroupFileMissing,
    ReadOnlyFile,
    ReadOnlyPlace,
    Reason,
    StorageError,
    classify,
    reason_of,
)

from .disks import small_disk

DRIVERS = pytest.mark.parametrize("driver", [sqlcipher, sqlite3], ids=["sqlcipher3", "sqlite3"])


def _error_of(driver, path: Path, *statements: str, uri: bool = False) -> BaseException:
    """What the driver raises running `statements` on the file at `path`."""
    try:
        connection = driver.connect(str(path), uri=uri, timeout=0)
    except driver.Error as error:
        return error
    try:
        for statement in statements:
            connection.execute(statement).fetchall()
    except driver.Error as error:
        return error
    finally:
        connection.close()
    raise AssertionError(f"{statements} raised nothing")


def _file_with_a_table(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE things (body TEXT)")
    connection.execute("INSERT INTO things VALUES ('x')")
    connection.commit()
    connection.close()
    return path


# --- the words of a bug are not the environment ------------------------------------------------
WORDS_OF_A_BUG = [
    ("SELECT json('{\"malformed')", "malformed JSON"),
    ("SELECT busy_column FROM things", "no such column: busy_column"),
    ("SELECT * FROM readonly_things", "no such table: readonly_things"),
]


@DRIVERS
@pytest.mark.parametrize(("statement", "said"), WORDS_OF_A_BUG, ids=[s for _, s in WORDS_OF_A_BUG])
def test_a_message_that_merely_says_damaged_busy_or_read_only_is_a_bug(
    driver, tmp_path, statement, said
):
    path = _file_with_a_table(tmp_path / "group.sponsor")
    error = _error_of(driver, path, statement)
    assert str(error) == said  # SQLite really said it
    assert reason_of(error) is None
    assert classify(error, path) is None
    assert classify(error, path, new_file=True) is None


@pytest.mark.parametrize(("statement", "said"), WORDS_OF_A_BUG, ids=[s for _, s in WORDS_OF_A_BUG])
def test_the_same_mistake_in_an_open_group_file_stays_a_bug(make_store, statement, said):
    """Through the Store as the services meet it (SQLAlchemy wraps the driver's error)."""
    store = make_store()
    with pytest.raises(DBAPIError) as raised, store.read() as session:
        session.execute(text(statement.replace("things", "volunteer"))).all()
    assert str(raised.value.orig) == said.replace("things", "volunteer")
    assert not isinstance(raised.value, StorageError)
    assert classify(raised.value, store.path) is None


# --- what the environment did, by its code ------------------------------------------------------
@DRIVERS
def test_a_damaged_file_is_damaged(driver, tmp_path):
    path = _file_with_a_table(tmp_path / "group.sponsor")
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xee" * (len(data) - 100))  # header kept, pages garbage
    error = _error_of(driver, path, "SELECT * FROM things")
    assert reason_of(error) is Reason.DAMAGED
    assert isinstance(classify(error, path), DamagedFile)


@DRIVERS
def test_a_file_another_connection_holds_is_busy(driver, tmp_path):
    path = _file_with_a_table(tmp_path / "group.sponsor")
    # The same driver: one process's POSIX locks are shared by one copy of SQLite's code.
    holder = driver.connect(str(path), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        error = _error_of(driver, path, "SELECT * FROM things")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert reason_of(error) is Reason.BUSY
    assert isinstance(classify(error, path), FileBusy)


@DRIVERS
def test_a_write_to_a_file_opened_read_only_is_read_only(driver, tmp_path):
    path = _file_with_a_table(tmp_path / "group.sponsor")
    error = _error_of(driver, f"file:{path}?mode=ro", "INSERT INTO things VALUES ('y')", uri=True)
    assert reason_of(error) is Reason.READ_ONLY
    assert isinstance(classify(error, path), ReadOnlyFile)
    assert isinstance(classify(error, path, new_file=True), ReadOnlyPlace)


@DRIVERS
def test_a_file_that_reaches_its_size_limit_is_full(driver, tmp_path):
    path = _file_with_a_table(tmp_path / "group.sponsor")
    error = _error_of(
        driver,
        path,
        "PRAGMA max_page_count = 3",
        "INSERT INTO things VALUES (randomblob(100000))",
    )
    assert reason_of(error) is Reason.DISK_FULL
    assert isinstance(classify(error, path), DiskFull)


@DRIVERS
def test_a_file_in_a_missing_folder_cannot_be_opened(driver, tmp_path):
    path = tmp_path / "gone" / "group.sponsor"
    error = _error_of(driver, path, "SELECT 1")
    assert reason_of(error) is Reason.CANNOT_OPEN
    assert isinstance(classify(error, path), GroupFileMissing)
    assert isinstance(classify(error, path, new_file=True), ReadOnlyPlace)


def test_an_error_the_driver_made_without_a_code_is_a_bug(tmp_path):
    """sqlcipher3 and sqlite3 attach no code to what they raise themselves."""
    path = _file_with_a_table(tmp_path / "group.sponsor")
    connection = sqlcipher.connect(str(path))
    connection.close()
    with pytest.raises(sqlcipher.ProgrammingError) as raised:
        connection.execute("SELECT 1")
    assert reason_of(raised.value) is None and classify(raised.value, path) is None


def test_a_copy_onto_a_full_disk_is_full_though_the_driver_gives_the_copy_no_code(tmp_path):
    """sqlcipher3's online backup raises without SQLite's code (it words the code instead):
    the copy still says full, on a real filesystem with no room."""
    source_path = tmp_path / "big.sponsor"
    connection = sqlite3.connect(source_path)
    connection.execute("CREATE TABLE things (body BLOB)")
    connection.execute("INSERT INTO things VALUES (randomblob(200000))")
    connection.commit()
    connection.close()
    source = connect(source_path, read_only=True)
    try:
        with small_disk(tmp_path / "disk", 64) as disk, pytest.raises(sqlcipher.Error) as raised:
            copy_database(source, disk / "copy.sponsor")
    finally:
        source.close()
    assert str(raised.value) == "database or disk is full"
    assert reason_of(raised.value) is Reason.DISK_FULL
    assert isinstance(classify(raised.value, tmp_path / "copy.sponsor"), DiskFull)


# --- a damaged file's error is built without looking for backups -------------------------------
def test_classifying_damage_looks_for_no_backup_until_it_is_shown(make_store):
    store = make_store()
    path = store.path
    store.close()
    backup = backup_file(path)
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\xee" * (len(data) - 4096))
    error = _error_of(sqlcipher, path, "SELECT * FROM volunteer")
    damaged = classify(error, path)
    assert isinstance(damaged, DamagedFile)
    assert damaged.offer is None and not damaged.searched  # nothing was looked for
    assert "backup" not in str(damaged)
    shown = offering_backup(damaged)
    assert shown.offer is not None and shown.offer.path == backup
    assert f"sponsor-app restore {backup} {path}" in str(shown)
