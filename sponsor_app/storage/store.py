"""The open group file: engine, pragmas, write lock, sessions and transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from . import migrate
from .audit import install_audit_hook
from .errors import GroupFileExists, GroupFileMissing, NotAGroupFile, classify
from .lock import WriteLock, who_am_i
from .schema import APPLICATION_ID, SQLITE_MAGIC

BUSY_TIMEOUT_MS = 5000


def _configure_connection(dbapi_connection, _record) -> None:
    # pysqlite's own transaction handling is switched off so that SQLAlchemy's BEGIN (see
    # _begin) is the only one; that keeps DDL in migrations transactional too.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in (
        "foreign_keys=ON",
        "journal_mode=WAL",
        "synchronous=FULL",
        f"busy_timeout={BUSY_TIMEOUT_MS}",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _begin(connection) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "")
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


def _refuse_flush_when_reading(session: Session, _context, _instances) -> None:
    if session.info.get("read_only") and (session.new or session.dirty or session.deleted):
        raise RuntimeError("write attempted in a read() session; use transaction()")


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False},
        pool_size=2,
        max_overflow=4,
    )
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def read_header(path: Path) -> bytes:
    """The first 100 bytes (SQLite's header), checked before SQLite is let near the file."""
    if not path.exists():
        raise GroupFileMissing(path)
    if path.is_dir():
        raise NotAGroupFile(path, "it is a folder")
    with open(path, "rb") as handle:
        return handle.read(100)


def check_is_group_file(path: Path) -> None:
    header = read_header(path)
    if not header.startswith(SQLITE_MAGIC):
        raise NotAGroupFile(path, "empty file" if not header else "")
    if len(header) < 100:
        raise classify(sqlite3.DatabaseError("file is not a database"), path)  # type: ignore[misc]
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise NotAGroupFile(path, "a database of another program")


class Store:
    """One open group file. Use `transaction()` for writes and `read()` for reads."""

    def __init__(self, path: Path, actor: str | None = None):
        self.path = Path(path)
        self.actor = actor or who_am_i()
        self._lock = WriteLock(self.path)
        self.engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None

    # --- opening and closing ----------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, actor: str | None = None) -> Store:
        """A new, empty group file at the newest schema. Refuses to overwrite anything."""
        path = Path(path)
        if path.exists():
            raise GroupFileExists(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        store = cls(path, actor)
        store._lock.acquire(path)
        try:
            # The application id goes in before WAL is switched on, so the main file's header
            # carries it from the first byte written.
            raw = sqlite3.connect(path)
            raw.execute(f"PRAGMA application_id={APPLICATION_ID}")
            raw.commit()
            raw.close()
            store._start_engine()
            migrate.upgrade(store.engine, path, backup_first=False)
        except BaseException:
            store.discard()
            raise
        return store

    def discard(self) -> None:
        """Close and delete a file that was being created, so a failed creation leaves nothing."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    @classmethod
    def open(cls, path: Path | str, actor: str | None = None) -> Store:
        """Open an existing group file, migrating it (after a backup) if it is older."""
        path = Path(path)
        check_is_group_file(path)
        store = cls(path, actor)
        store._lock.acquire(path)
        try:
            revision = migrate.current_revision(path)
            migrate.refuse_newer(path, revision)
            store._start_engine()
            if migrate.needs_upgrade(revision):
                migrate.upgrade(store.engine, path, backup_first=True)
        except BaseException as exc:
            store.close()
            known = classify(exc, path)
            if known is not None:
                raise known from exc
            raise
        return store

    def _start_engine(self) -> None:
        self.engine = make_engine(self.path)
        self._sessions = sessionmaker(
            self.engine, expire_on_commit=False, info={"actor": self.actor}
        )
        install_audit_hook(self._sessions)
        event.listen(self._sessions, "before_flush", _refuse_flush_when_reading)

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self.engine is not None

    # --- sessions -----------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write transaction: committed (with its audit rows) at the end, or rolled back."""
        with self._guard(), self._session() as session, session.begin():
            # IMMEDIATE takes the write lock up front, so two writers wait instead of failing.
            session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent snapshot for reading; a flush through it is a bug and raises."""
        with self._guard(), self._session(read_only=True) as session:
            yield session
            # Closing (not rolling back) keeps loaded attributes readable on the way out.

    def _session(self, read_only: bool = False) -> Session:
        if self._sessions is None:
            raise RuntimeError("the group file is closed")
        session = self._sessions()
        session.info["read_only"] = read_only
        return session

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn SQLite's environment errors (disk full, read-only...) into messages."""
        try:
            yield
        except DBAPIError as exc:
            known = classify(exc, self.path)
            if known is not None:
                raise known from exc
            raise
