"""The one way into a group file: every connection to one is made here, and only here.

The engine the store uses, the read-only probe that reads the schema revision, the connections
that make backups and restore them, and the first connection that stamps a new file all come
from this module. No other module imports the SQLite driver.

The driver is `sqlcipher3` (SQLite with SQLCipher 4 built in) for every file, protected or not.
A protected file's key (storage/keys.py) is added here and nowhere else: a process keeps the
keys it was given in memory (`remember_key`), by the key's id, and every connection to a file
whose header names a key is keyed with it, or refused with `PassphraseNeeded`. Backups and
copies of a protected file are written with the same key, so they are protected too.
SQLCipher keeps its temporary tables and sorts in memory (never in a temporary file) and logs
nothing (its log would name files and failures on stderr).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import sqlcipher3.dbapi2 as driver
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

from .errors import (
    UNREADABLE,
    DamagedFile,
    FileMoved,
    GroupFileMissing,
    NotAGroupFile,
    PassphraseNeeded,
    Unreadable,
)
from .keys import DataKey
from .schema import APPLICATION_ID, SQLITE_MAGIC

BUSY_TIMEOUT_MS = 5000
# SQLCipher leaves this much of a protected file's first page plain: SQLite's signature, the
# app's id (offset 68) and the key's id (user_version, offset 60), so a protected file is
# recognised as one (and its key found) without the key. The rest of every page is encrypted.
PLAINTEXT_HEADER = 96
RESERVE_OFFSET = 20  # SQLite's "reserved bytes per page": SQLCipher's IV and HMAC live there


_PRAGMAS = (
    "foreign_keys=ON",
    "journal_mode=WAL",
    "synchronous=FULL",
    f"busy_timeout={BUSY_TIMEOUT_MS}",
    "temp_store=MEMORY",
)


class _Connection(driver.Connection):
    """A driver connection that knows the key it was opened with (None: a plain file)."""

    data_key: DataKey | None = None


# --- keys this process was given ---------------------------------------------------------------
_KEYS: dict[int, DataKey] = {}
_KEYS_GUARD = threading.Lock()
_SETUP_DONE = False


def remember_key(key: DataKey) -> None:
    """Let this process open files protected with `key` (and their backups and copies)."""
    with _KEYS_GUARD:
        _KEYS[key.key_id] = key


def known_key(key_id: int) -> DataKey | None:
    with _KEYS_GUARD:
        return _KEYS.get(key_id)


def forget_keys() -> None:
    """Drop every key (the window closed its protected file)."""
    with _KEYS_GUARD:
        _KEYS.clear()


def _set_up_driver() -> None:
    """Process-wide SQLCipher settings, once: no log, and the plain header for new keys."""
    global _SETUP_DONE
    if _SETUP_DONE:
        return
    with _KEYS_GUARD:
        if not _SETUP_DONE:
            setup = driver.connect(":memory:")
            try:
                setup.execute("PRAGMA cipher_log_level = NONE")
                setup.execute(f"PRAGMA cipher_default_plaintext_header_size = {PLAINTEXT_HEADER}")
            finally:
                setup.close()
            _SETUP_DONE = True


def protection_of(path: Path) -> int | None:
    """The id of the key a protected file needs, or None for a plain file (read from its
    header; None too when it cannot be read: opening it says why)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return None
    return key_id_in(header)


def key_id_in(header: bytes) -> int | None:
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC) or header[RESERVE_OFFSET] == 0:
        return None
    return int.from_bytes(header[60:64], "big", signed=True)


def _key_for(path: Path) -> DataKey | None:
    """The key `path` needs (None: plain), or PassphraseNeeded when this process lacks it."""
    key_id = protection_of(path)
    if key_id is None:
        return None
    key = known_key(key_id)
    if key is None:
        raise PassphraseNeeded(path, key_id)
    return key


def key_of(connection) -> DataKey | None:
    """The key a connection from this module was opened with (None: a plain file)."""
    return getattr(connection, "data_key", None)


def _open(target: str | Path, key: DataKey | None, **options) -> _Connection:
    _set_up_driver()
    connection = driver.connect(target, check_same_thread=False, factory=_Connection, **options)
    if key is not None:
        try:
            connection.execute(f'PRAGMA key = "{key.pragma}"')
        except BaseException:
            connection.close()
            raise
        connection.data_key = key
    return connection


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

    A protected file gets SQLAlchemy's pysqlcipher dialect, which keys every connection
    (the key travels in the URL's password, which SQLAlchemy never prints); statements' values
    are never put in an error's text (hide_parameters), so no logged error holds a person's data.
    """

    def moved() -> FileMoved:
        return FileMoved(path, deleted=not Path(path).exists())

    key = _key_for(path)

    def creator() -> driver.Connection:
        if identity is not None and not same_file(path, identity):
            raise moved()
        connection = _open(_uri(path, "rw"), None, uri=True)  # the dialect adds the key
        connection.data_key = key
        if identity is not None and not same_file(path, identity):  # moved as we connected
            connection.close()
            raise moved()
        return connection

    # The URL only names the dialect (and carries the key): the creator opens the file (a
    # memory URL would otherwise choose a pool meant for memory databases).
    url = (
        URL.create("sqlite+pysqlcipher", password=key.pragma)
        if key is not None
        else URL.create("sqlite")
    )
    engine = _pooled_engine(url, creator)
    event.listen(engine, "connect", _configure)
    event.listen(engine, "begin", _begin)
    return engine


def make_read_engine(path: Path, identity: os.stat_result | None = None) -> Engine:
    """The engine of a store opened only to read (Store.open_to_read): read-only connections
    (immutable on a read-only disk), kept in a small pool, with explicit BEGINs so each
    session reads one snapshot. A connection opened after the file was moved or replaced is
    refused, as the writing engine's are."""

    def creator() -> driver.Connection:
        if identity is not None and not same_file(path, identity):
            raise FileMoved(path, deleted=not Path(path).exists())
        connection = connect(path, read_only=True, pragmas=False)
        connection.isolation_level = None
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA temp_store=MEMORY")
        return connection

    engine = _pooled_engine(URL.create("sqlite"), creator)
    event.listen(engine, "begin", _begin)
    return engine


def _pooled_engine(url: URL, creator) -> Engine:
    """An engine whose connections `creator` opens, a few kept in a pool; a statement's
    values are never put in an error's text (hide_parameters): no logged error holds a
    person's data."""
    from sqlalchemy.pool import QueuePool

    return create_engine(
        url,
        creator=creator,
        module=driver,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        hide_parameters=True,
    )


def make_reader(path: Path) -> Engine:
    """An engine of read-only connections (the health check): never writes, never needs the
    write lock, so it reads a file another window has open, and every commit of it."""
    from sqlalchemy.pool import NullPool

    return create_engine(
        URL.create("sqlite"),
        creator=lambda: connect(path, read_only=True),
        module=driver,
        poolclass=NullPool,
        hide_parameters=True,
    )


def same_file(path: Path, identity: os.stat_result) -> bool:
    """Is `path` still the file that had `identity` (device and inode)?"""
    try:
        return os.path.samestat(os.stat(path), identity)
    except OSError:
        return False


def connect(path: Path, *, read_only: bool = False, pragmas: bool = True) -> driver.Connection:
    """A DB-API connection (backups and their targets, probes, a new file's first bytes),
    keyed when the file is protected (PassphraseNeeded when this process lacks its key).

    Read-only connections never create the file and cannot write to it; they read a file's
    write-ahead log too, so a copy made through one holds every commit. A writable one gets the
    engine's pragmas unless told not to (a backup's target stays a single file, no WAL).
    """
    key = _key_for(Path(path))
    if read_only:
        uri = _uri(path, "ro")
        if _on_read_only_media(Path(path)):
            # No log to read and nowhere to put SQLite's shared memory (a write-protected USB
            # stick, a CD): nothing can change the file, so it is read as it stands.
            uri += "&immutable=1"
        return _open(uri, key, uri=True)
    connection = _open(Path(path), key)
    if pragmas:
        _configure(connection)
    return connection


def create_database(path: Path, key: DataKey | None) -> driver.Connection:
    """A connection to a new, empty file made owner-only here, encrypted with `key` (or
    plain), with no pragmas: what a copy or an export is written into."""
    os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
    return _open(Path(path), key)


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
    copy = create_database(target, key_of(source))
    steps: list[int] = []
    try:
        copy.execute("PRAGMA synchronous=OFF")  # the caller fsyncs the finished file once
        try:
            source.backup(copy, progress=lambda status, _left, _total: steps.append(status))
        except driver.Error as error:
            _give_code(error, steps)
            raise
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()


def _give_code(error: BaseException, steps: list[int]) -> None:
    """sqlcipher3's backup raises without SQLite's result code (it words the code with
    sqlite3_errstr instead); the progress callback was told the code of each step, so the
    error gets the last one, to be classified by code like every other (storage/errors.py)."""
    if getattr(error, "sqlite_errorcode", None) is None and steps and steps[-1] not in (0, 101):
        error.sqlite_errorcode = steps[-1]  # type: ignore[attr-defined]  # not SQLITE_OK/DONE


def stamp_new_file(path: Path) -> None:
    """Write the application id into a new, empty file before anything else.

    It goes in before WAL is switched on, so the main file's header carries it from the first
    byte written and any tool can tell a group file.
    """
    raw = _open(Path(path), None)
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
    """Refuse what is not a group file. One this computer knew as a group file (its first
    page zeroed by a failing disk, or written over by another program) is called damaged, and
    its group's backups are offered, rather than "not a group file"."""
    header = read_header(path)
    if header.startswith(SQLITE_MAGIC) and len(header) < 100:
        raise DamagedFile(path, UNREADABLE)  # cut inside its header
    if header.startswith(SQLITE_MAGIC) and int.from_bytes(header[68:72], "big") == APPLICATION_ID:
        return
    if _known_group_file(path):
        raise DamagedFile(path, "its beginning is not a group file's any more")
    if not header.startswith(SQLITE_MAGIC):
        raise NotAGroupFile(path, "empty file" if not header else "")
    raise NotAGroupFile(path, "a database of another program")


def _known_group_file(path: Path) -> bool:
    from .known_files import remembered_group

    try:
        return remembered_group(path) is not None
    except OSError:
        return False
