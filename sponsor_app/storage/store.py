"""The open group file: its engine, write lock, sessions and change sets.

`transaction(description)` is the only way to write: it opens a change set, every row the
transaction touches is audited into it by the database's triggers, and after the commit the
store tells its subscribers what changed (a `Changes`, worked out from the audit rows).

Sessions nest within a thread: a `read()` or `transaction()` inside another reuses the outer
session, so a composite figure (the dashboard, a report) is read from one snapshot of the file
and a service that calls other services still makes one change set.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.changes import Changes
from . import migrate
from .changesets import close_change_set, open_change_set
from .connect import check_is_group_file, make_engine, stamp_new_file
from .errors import GroupFileExists, classify
from .lock import WriteLock, who_am_i
from .models import ChangeKind

Subscriber = Callable[[Changes], None]


def _refuse_flush_when_reading(session: Session, _context, _instances) -> None:
    if session.info.get("read_only") and (session.new or session.dirty or session.deleted):
        raise RuntimeError("write attempted in a read() session; use transaction()")


class _ThreadState(threading.local):
    session: Session | None = None
    writing: bool = False
    description: str | None = None
    recorders: list[list[Changes]]

    def __init__(self) -> None:
        self.recorders = []


class Store:
    """One open group file. Use `transaction()` for writes and `read()` for reads."""

    def __init__(self, path: Path, actor: str | None = None):
        self.path = Path(path)
        self.actor = actor or who_am_i()
        self._lock = WriteLock(self.path)
        self.engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._state = _ThreadState()
        self._subscribers: list[Subscriber] = []

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
            stamp_new_file(path)
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
            else:
                migrate.ensure_audit_triggers(store.engine)
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
        from sqlalchemy import event

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

    # --- change notices ---------------------------------------------------------------
    def subscribe(self, callback: Subscriber) -> None:
        """Call `callback(changes)` after every committed change set, in the writing thread."""
        self._subscribers.append(callback)

    def unsubscribe(self, callback: Subscriber) -> None:
        if callback in self._subscribers:
            self._subscribers.remove(callback)

    @contextmanager
    def recording(self) -> Iterator[list[Changes]]:
        """Collect the change sets this thread commits inside the block (for the undo stack)."""
        recorded: list[Changes] = []
        self._state.recorders.append(recorded)
        try:
            yield recorded
        finally:
            self._state.recorders.remove(recorded)

    @contextmanager
    def describing(self, description: str) -> Iterator[None]:
        """Name the change sets written inside the block with the caller's words (the window's
        translated "Add household H3"), rather than the service's own default."""
        previous, self._state.description = self._state.description, description
        try:
            yield
        finally:
            self._state.description = previous

    # --- sessions -----------------------------------------------------------------------
    @contextmanager
    def transaction(
        self,
        description: str = "",
        *,
        kind: str = ChangeKind.EDIT,
        reverts_id: int | None = None,
    ) -> Iterator[Session]:
        """One write transaction and its change set: committed together, or rolled back."""
        state = self._state
        if state.session is not None:
            if not state.writing:
                raise RuntimeError("a write inside read(): open the transaction first")
            yield state.session  # part of the outer transaction and its change set
            return
        described = state.description or description
        changes: Changes | None = None
        with self._guard(), self._session() as session, session.begin():
            # IMMEDIATE takes the write lock up front, so two writers wait instead of failing.
            connection = session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
            change_set_id = open_change_set(connection, self.actor, described, kind, reverts_id)
            state.session, state.writing = session, True
            try:
                yield session
                session.flush()
            finally:
                state.session, state.writing = None, False
            changes = close_change_set(connection, change_set_id, described)
        if changes is not None:
            self._announce(changes)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent snapshot for reading; a flush through it is a bug and raises.

        Inside another read or a transaction of this thread, it is that same session."""
        state = self._state
        if state.session is not None:
            yield state.session
            return
        with self._guard(), self._session(read_only=True) as session:
            state.session = session
            try:
                yield session
            finally:
                state.session = None
            # Closing (not rolling back) keeps loaded attributes readable on the way out.

    def _announce(self, changes: Changes) -> None:
        for recorded in self._state.recorders:
            recorded.append(changes)
        for callback in list(self._subscribers):
            callback(changes)

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
