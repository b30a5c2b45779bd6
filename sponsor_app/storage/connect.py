"""The one way into a group file: every connection to one is made here, and only here.

The engine the store uses, the read-only probe that reads the schema revision, the connections
that make backups and restore them, and the first connection that stamps a new file all come
from this module. A passphrase for an encrypted file (SQLCipher) is added here and nowhere else;
no other module imports the SQLite driver.
"""

from __future__ import annotations

import os
import sqlite3 as driver
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from .errors import FileMoved, GroupFileMissing, NotAGroupFile, Unreadable
from .schema import APPLICATION_ID, SQLITE_MAGIC

BUSY_TIMEOUT_MS = 5000

# The driver's exception classes, for code that must tell a database error from a bug.
DriverError = driver.Error
DriverDatabaseError = driver.DatabaseError

_PRAGMAS = (
    "foreign_keys=ON",
    "journal_mode=WAL",
    "synchronous=FULL",
    f"busy_timeout={BUSY_TIMEOUT_MS}",
)


def _configure(dbapi_connection, _record=None) -> None:
    # pysqlite's own transaction handling is switched off so that SQLAlchemy's BEGIN (see
    # _begin) is the only one; that keeps DDL in migrations transactional too.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in _PRAGMAS:
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _begin(connection) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "")
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


def _uri(path: Path, mode: str) -> str:
    return f"{Path(path).absolute().as_uri()}?mode={mode}"


def make_engine(path: Path, identity: os.stat_result | None = None) -> Engine:
    """The engine a Store works through: pragmas on every connection, explicit BEGINs.

    Its connections never create a file ("rw", not "rwc"), and with the `identity` the file
    had when it was locked, a connection opened after the file was moved or replaced is refused
    rather than reading or writing whatever now lies at the path.
    """

    def moved() -> FileMoved:
        return FileMoved(path, deleted=not Path(path).exists())

    def creator() -> driver.Connection:
        if identity is not None and not same_file(path, identity):
            raise moved()
        connection = driver.connect(_uri(path, "rw"), uri=True, check_same_thread=False)
        if identity is not None and not same_file(path, identity):  # moved as we connected
            connection.close()
            raise moved()
        return connection

    from sqlalchemy.pool import QueuePool

    # "sqlite://" only names the dialect: the creator opens the file (a memory URL would
    # otherwise choose a pool meant for memory databases).
    engine = create_engine(
        "sqlite://", creator=creator, poolclass=QueuePool, pool_size=2, max_overflow=4
    )
    event.listen(engine, "connect", _configure)
    event.listen(engine, "begin", _begin)
    return engine


def make_reader(path: Path) -> Engine:
    """An engine of read-only connections (the health check): never writes, never needs the
    write lock, so it reads a file another window has open, and every commit of it."""
    from sqlalchemy.pool import NullPool

    return create_engine(
        "sqlite://", creator=lambda: connect(path, read_only=True), poolclass=NullPool
    )


def same_file(path: Path, identity: os.stat_result) -> bool:
    """Is `path` still the file that had `identity` (device and inode)?"""
    try:
        return os.path.samestat(os.stat(path), identity)
    except OSError:
        return False


def connect(path: Path, *, read_only: bool = False, pragmas: bool = True) -> driver.Connection:
    """A plain DB-API connection (backups and their targets, probes, a new file's first bytes).

    Read-only connections never create the file and cannot write to it; they read a file's
    write-ahead log too, so a copy made through one holds every commit. A writable one gets the
    engine's pragmas unless told not to (a backup's target stays a single file, no WAL).
    """
    if read_only:
        uri = _uri(path, "ro")
        if _on_read_only_media(Path(path)):
            # No log to read and nowhere to put SQLite's shared memory (a write-protected USB
            # stick, a CD): nothing can change the file, so it is read as it stands.
            uri += "&immutable=1"
        return driver.connect(uri, uri=True, check_same_thread=False)
    connection = driver.connect(Path(path), check_same_thread=False)
    if pragmas:
        _configure(connection)
    return connection


def _on_read_only_media(path: Path) -> bool:
    """A read-only filesystem (not merely a folder we may not write in: someone else may be
    writing there) with no log beside the file."""
    wal = Path(f"{path}-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return False
        if hasattr(os, "statvfs"):
            return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
        return not os.access(path.parent, os.W_OK)  # pragma: no cover - Windows
    except OSError:
        return False


def copy_database(source: driver.Connection, target: Path) -> None:
    """Copy what `source` sees (one consistent snapshot) into the new file `target` with SQLite's
    online backup, as one self-contained file (no write-ahead log beside it).

    One step: the snapshot is read in one transaction, so writers on other connections never
    wait for it (WAL) and it never restarts because one of them committed.
    """
    copy = connect(target, pragmas=False)
    try:
        copy.execute("PRAGMA synchronous=OFF")  # the caller fsyncs the finished file once
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()


def stamp_new_file(path: Path) -> None:
    """Write the application id into a new, empty file before anything else.

    It goes in before WAL is switched on, so the main file's header carries it from the first
    byte written and any tool can tell a group file.
    """
    raw = connect(path, pragmas=False)
    try:
        raw.execute(f"PRAGMA application_id={APPLICATION_ID}")
        raw.commit()
    finally:
        raw.close()


def read_header(path: Path) -> bytes:
    """The first 100 bytes (SQLite's header), checked before SQLite is let near the file."""
    if not path.exists():
        raise GroupFileMissing(path)
    if path.is_dir():
        raise NotAGroupFile(path, "it is a folder")
    if not path.is_file():
        raise NotAGroupFile(path, "it is not a regular file")
    try:
        with open(path, "rb") as handle:
            return handle.read(100)
    except PermissionError:
        raise Unreadable(path) from None


def check_is_group_file(path: Path) -> None:
    from .errors import classify

    header = read_header(path)
    if not header.startswith(SQLITE_MAGIC):
        raise NotAGroupFile(path, "empty file" if not header else "")
    if len(header) < 100:
        raise classify(driver.DatabaseError("file is not a database"), path)  # type: ignore[misc]
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise NotAGroupFile(path, "a database of another program")
