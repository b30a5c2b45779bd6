"""The open group file: its engine, write lock, sessions and change sets.

`transaction(description)` is the only way to write: it opens a change set, every row the
transaction touches is audited into it by the database's triggers, and after the commit the
store tells its subscribers what changed (a `Changes`, worked out from the audit rows).

Sessions nest within a thread: a `read()` or `transaction()` inside another reuses the outer
session, so a composite figure (the dashboard, a report) is read from one snapshot of the file
and a service that calls other services still makes one change set.

The store keeps the file's identity (device and inode) from the moment it locked it. Every
write checks, before it starts and again just before it commits, that the path still leads to
that file: if the file was moved or deleted, the write is refused and the store stops writing
(a commit would go to a write-ahead log left behind at the old path). Its own read connection,
opened with the file, still reads what it holds, so it can be saved somewhere else.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.changes import Changes
from ..domain.errors import InvalidInput
from ..domain.validation import control_character_problem
from . import backup, files, known_files, leftovers, lock, migrate
from .changesets import close_change_set, close_left_open, left_open, open_change_set
from .connect import (
    check_is_group_file,
    connect,
    make_engine,
    make_read_engine,
    same_file,
    stamp_new_file,
)
from .driver import DriverError
from .errors import (
    BackupFailed,
    DamagedFile,
    FileMoved,
    GroupFileExists,
    GroupFileMissing,
    NotAGroupFile,
    OpenedToRead,
    StorageError,
    StoredValueWrong,
    classify,
    storage_errors,
)
from .facts import GroupId, group_of_file, missing_tables, read_group
from .lock import WriteLock, who_am_i
from .models import ChangeKind
from .schema import SCHEMA_VERSION
from .sync.versions import record_local
from .values import wrong_values

if TYPE_CHECKING:
    from .sync.records import ApplyReport

Subscriber = Callable[[Changes], None]
BUILDING = "building"


def _refuse_flush_when_reading(session: Session, _context, _instances) -> None:
    if session.info.get("read_only") and (session.new or session.dirty or session.deleted):
        raise RuntimeError("write attempted in a read() session; use transaction()")


def _refuse_control_characters(session: Session, _context, _instances) -> None:
    """No text is stored with a control character in it (an escape sequence pasted into a
    name reached the terminal raw, and broke the CSV export): whatever service wrote it, the
    write is refused, naming the field. Only values being written are checked, so a value an
    older version stored never blocks an unrelated edit."""
    from sqlalchemy import Enum, String, inspect

    problems = []
    for row in (*session.new, *session.dirty):
        state = inspect(row)
        for prop in state.mapper.column_attrs:
            column = prop.columns[0]
            if column.info.get("internal") or isinstance(column.type, Enum):
                continue
            if not isinstance(column.type, String):  # Text is a String
                continue
            value = getattr(row, prop.key)
            if not isinstance(value, str):
                continue
            if row in session.dirty and not state.attrs[prop.key].history.has_changes():
                continue
            problem = control_character_problem(prop.key, value)
            if problem is not None:
                problems.append(problem)
    if problems:
        raise InvalidInput(problems)


class _ThreadState(threading.local):
    session: Session | None = None
    writing: bool = False
    description: str | None = None
    recorders: list[list[Changes]]

    def __init__(self) -> None:
        self.recorders = []


def _known(error: BaseException, path: Path, new_file: bool = False) -> BaseException:
    """The sentence for an environment error at `path`, or the error itself."""
    return classify(error, path, new_file) or error


def _openable_revision(path: Path) -> str:
    """The schema version of the group file at `path`, or the sentence why it cannot be
    opened: not a group file, from a newer Sponsor Desk, or cut short as it was created."""
    check_is_group_file(path)
    revision = migrate.current_revision(path)
    migrate.refuse_newer(path, revision)
    if revision is None:
        raise DamagedFile(path, "it holds no records: its creation was cut short")
    return revision


class Store:
    """One open group file. Use `transaction()` for writes and `read()` for reads.

    With `keep_backups` (the window and the command line), the file is backed up into the
    app's folder when it opens (unless it is unchanged since its last backup) and when it
    closes after a write, and the group's automatic backups are pruned to the rotating set.
    """

    def __init__(self, path: Path, actor: str | None = None, keep_backups: bool = False):
        self.path = Path(path)
        self.actor = actor or who_am_i()
        self.keep_backups = keep_backups
        self.identity: os.stat_result | None = None
        self.group: GroupId | None = None
        self.wrote = False
        self.backed_up = False  # the newest backup holds the file as it was opened
        self.stopped = False  # the file moved: no more writes
        self.backup_problem: BackupFailed | None = None  # an automatic backup that failed
        self._lock = WriteLock(self.path)
        self._reader = None  # our own read connection: backups, and reading after a move
        self._reader_guard = threading.Lock()
        self.engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._state = _ThreadState()
        self._subscribers: list[Subscriber] = []
        self.reading_only = False  # opened with open_to_read: every write is refused

    # --- creating ---------------------------------------------------------------------------
    @classmethod
    @contextmanager
    def building(cls, path: Path | str, actor: str | None = None) -> Iterator[Store]:
        """A new group file at the newest schema, built under a temporary name beside `path`
        and renamed to `path` only when the block ends without error. A failure or a kill
        leaves nothing at `path`; a file that appeared there meanwhile is never replaced."""
        path = Path(path)
        if path.exists():
            raise GroupFileExists(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _known(error, path, new_file=True) from error
        _remove_abandoned_builds(path.parent)
        temporary = files.temporary_beside(path, BUILDING)
        store = cls(temporary, actor)
        marker = None
        try:
            marker = lock.hold(temporary)
            os.close(os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
            store.identity = os.stat(temporary)
            stamp_new_file(temporary)
            store._start_engine()
            migrate.upgrade(store.engine, temporary, backup_first=False)
            yield store
            store._finish_building()
            files.fsync_file(temporary)
            files.publish_new(temporary, path)
            _register_built(path)
            built = group_of_file(path)
            if built is not None:  # so that its backups can be found if it is ever damaged
                known_files.remember_group(path, built.uuid)
        except BaseException as error:
            store.close()
            with contextlib.suppress(OSError):
                files.remove_database(temporary)
            known = _known(error, path, new_file=True)
            if known is not error:
                raise known from error
            raise
        finally:
            store.close()
            if marker is not None:
                lock.let_go(temporary, marker)

    def _finish_building(self) -> None:
        """Everything into the main file and the engine closed: the file is whole alone."""
        with self.engine.connect() as connection:
            busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()[0]
        self.engine.dispose()
        self.engine = None
        wal = files.sidecars(self.path)[0]
        if busy or (wal.exists() and wal.stat().st_size):  # pragma: no cover - defensive
            raise RuntimeError(f"{self.path}: the new file's log was not written into it")

    # --- opening and closing ----------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, actor: str | None = None, *, keep_backups=False) -> Store:
        """Open an existing group file, migrating it (after a backup) if it is older.

        Refused with a sentence, the file untouched: not a group file, newer, damaged (a table
        or the group profile missing, an unknown schema version), or open in another window.
        """
        path = Path(path)
        if not path.exists():
            raise GroupFileMissing(path)
        if path.is_dir():
            raise NotAGroupFile(path, "it is a folder")
        store = cls(path, actor, keep_backups)
        with store._closed_if_refused():
            store.identity = store._lock.acquire(path)
            leftovers.clean_beside(path)  # a killed protect's or restore's copies
            revision = _openable_revision(path)
            store._open_reader()
            store._check_contents(at_head=revision == SCHEMA_VERSION)
            upgrading = migrate.needs_upgrade(revision)
            if keep_backups and not upgrading:
                store._backup_on_open()
            store._start_engine()
            if upgrading:
                migrate.upgrade(store.engine, path, backup_first=True)
                store._check_contents(at_head=True)
            else:
                migrate.ensure_audit_triggers(store.engine)
            store._close_change_sets_left_open()
            store._settle_identity()
            known_files.remember_group(path, store.group.uuid)
            if keep_backups:
                backup.prune(store.group.uuid)
        return store

    @classmethod
    def open_to_read(cls, path: Path | str, actor: str | None = None) -> Store:
        """Open an existing group file only to read it: no write lock (so it works while a
        window has the file open, seeing every commit there), no backups, nothing written (so
        a file on a read-only disk reads too). Every `transaction()` is refused.

        An older file is first upgraded as any open does (after a backup); where it cannot be
        (the disk is read-only), that is the sentence.
        """
        path = Path(path)
        if not path.exists():
            raise GroupFileMissing(path)
        if path.is_dir():
            raise NotAGroupFile(path, "it is a folder")
        store = cls(path, actor)
        store.reading_only = True
        with store._closed_if_refused():
            revision = _openable_revision(path)
            if migrate.needs_upgrade(revision):
                cls.open(path, actor, keep_backups=True).close()
            store.identity = os.stat(path)
            store._open_reader()
            store._check_contents(at_head=True)
            store.engine = make_read_engine(path, store.identity)
            store._sessions = sessionmaker(
                store.engine, expire_on_commit=False, info={"actor": store.actor}
            )
            from sqlalchemy import event

            event.listen(store._sessions, "before_flush", _refuse_flush_when_reading)
            known_files.remember_group(path, store.group.uuid)
        return store

    @contextmanager
    def _closed_if_refused(self) -> Iterator[None]:
        """Opening failed: close what was opened, and say why in a sentence where there is one."""
        try:
            yield
        except BaseException as error:
            self.close()
            known = _known(error, self.path)
            if known is not error:
                raise known from error
            raise

    def _open_reader(self) -> None:
        self._reader = connect(self.path, read_only=True)

    def _close_change_sets_left_open(self) -> None:
        """A change set committed while still open blocks every write (only one may be
        open): closed as it stands before anything else is written."""
        with self.engine.connect() as connection:
            if not left_open(connection):
                return
        with self.engine.begin() as connection:
            close_left_open(connection)

    def _settle_identity(self) -> None:
        """A copy of the file takes its own identity before it writes anything (sharing,
        storage/sync/replica.py): one short transaction, so a kill leaves the old or the new."""
        from .sync import replica

        with self.engine.begin() as connection:
            current = replica.settle(connection, self.path)
        replica.register(self.path, current)

    def _register_identity(self) -> None:
        """How far this copy numbered its change sets, for telling an older copy from it."""
        from .sync import replica

        current = None
        with contextlib.suppress(Exception), self.engine.connect() as connection:
            current = replica.identity(connection)
        if current is not None:
            replica.register(self.path, current)

    def _check_contents(self, at_head: bool) -> None:
        """Refuse a file with no group profile or, at the current schema, a table missing."""
        with self._reader_guard:
            group = read_group(self._reader)
            missing = missing_tables(self._reader) if at_head else []
        if missing:
            raise DamagedFile(self.path, f"the table {missing[0]} is missing")
        if group is None:
            raise DamagedFile(self.path, "it has no group profile")
        self.group = group

    def _backup_on_open(self) -> None:
        if backup.backed_up_as_is(self.group.uuid, self.path):
            self.backed_up = True  # the newest backup already holds exactly this file
            return
        try:
            self.backup("open")
            self.backed_up = True
        except BackupFailed as problem:
            self.backup_problem = problem  # opening still goes ahead; the window says so

    def _start_engine(self) -> None:
        self.engine = make_engine(self.path, self.identity)
        self._sessions = sessionmaker(
            self.engine, expire_on_commit=False, info={"actor": self.actor}
        )
        from sqlalchemy import event

        event.listen(self._sessions, "before_flush", _refuse_flush_when_reading)
        event.listen(self._sessions, "before_flush", _refuse_control_characters)

    def close(self) -> None:
        """Close the file; after a session that wrote, back it up first (keep_backups)."""
        closing_backup = None
        if self.engine is not None:
            self.still_in_place()  # a move seen now still gets its log emptied into the file
        if self.engine is not None and self.wrote and not self.stopped and not self.reading_only:
            self._register_identity()
        if self.engine is not None and self.keep_backups and self.wrote and not self.stopped:
            try:
                closing_backup = self.backup("close")
            except StorageError as problem:  # closing goes ahead; the backup is a safety net
                self.backup_problem = problem
        self._close_reader()  # first: the last connection to close must be able to checkpoint
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None
        if closing_backup is not None or (self.backed_up and not self.wrote):
            backup.record_backed_up(self.group.uuid, self.path)
        if closing_backup is not None:
            backup.prune(self.group.uuid)
        if self.stopped and not self.path.exists():
            _remove_empty_log(self.path)  # ours, emptied when the move was seen
        self._lock.release()

    def _close_reader(self) -> None:
        with self._reader_guard:
            if self._reader is not None:
                with contextlib.suppress(DriverError):
                    self._reader.close()
                self._reader = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self.engine is not None

    # --- copies of what is open -------------------------------------------------------------
    def backup(self, reason: str) -> Path:
        """A backup into the app's folder for this group, from the store's own connection."""
        with self._reader_guard:
            if self._reader is None:
                raise RuntimeError("the group file is closed")
            return backup.take_backup(self._reader, self.group, reason)

    def copy_to(self, target: Path, *, replace_existing: bool = False) -> Path:
        """A complete, checked copy of what is open at `target`, all or nothing
        (backup.write_copy). It reads through the store's own connection, so it works after
        the file was moved."""
        with self._reader_guard:
            if self._reader is None:
                raise RuntimeError("the group file is closed")
            return backup.write_copy(
                self._reader, Path(target), replace_existing=replace_existing, verify=True
            )

    def still_in_place(self) -> bool:
        """Does the path still lead to the file that was opened? Once not, writes stop."""
        if (
            not self.stopped
            and self.identity is not None
            and not same_file(self.path, self.identity)
        ):
            self.stopped = True
            self._empty_the_log()
        return not self.stopped

    def _empty_the_log(self) -> None:
        """The log stays at the old path when the file moves: write what it holds into the
        file (wherever it now is) and empty it, so the moved file is whole even if this process
        dies, and nothing is left to be replayed into a file put at the old path later."""
        if self.engine is None:
            return
        with contextlib.suppress(Exception):  # best effort: the commits stay readable anyway
            raw = self.engine.raw_connection()
            try:
                raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()

    def rewrite_without_traces(self) -> None:
        """Write the file anew (VACUUM) and empty its log: values just removed for good would
        otherwise stay readable, byte for byte, in freed pages and in the log's old frames
        until SQLite happened to reuse them."""
        self._check_in_place()
        # The driver's own connection: SQLAlchemy would wrap VACUUM in a BEGIN (connect.py).
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("VACUUM")
            busy = raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except DriverError as error:
            raise (classify(error, self.path) or error) from error
        finally:
            raw.close()
        if busy and busy[0]:  # a reader in this process kept the log: not all of it was moved
            raise StorageError(f"{self.path}: the file could not be rewritten; try again")

    def _check_in_place(self) -> None:
        if not self.still_in_place():
            raise FileMoved(self.path, deleted=not self.path.exists())

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
        if self.reading_only:
            raise OpenedToRead(self.path)
        if state.session is not None:
            if not state.writing:
                raise RuntimeError("a write inside read(): open the transaction first")
            yield state.session  # part of the outer transaction and its change set
            return
        described = state.description or description
        changes: Changes | None = None
        self._check_in_place()
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
            changes = close_change_set(
                connection,
                change_set_id,
                described,
                # A record of who saw what, or of a removal, is kept even with no row changed.
                keep_empty=kind in (ChangeKind.ACCESS, ChangeKind.ERASURE),
            )
            if changes is not None:  # this copy's next record for sharing, same transaction
                record_local(connection, change_set_id)
            self._check_in_place()  # last moment before the commit: never into a moved file
        self.wrote = True
        if changes is not None:
            self._announce(changes)

    def apply_records(self, records) -> ApplyReport:
        """Apply other laptops' change records (storage/sync/apply.py) in one transaction:
        all of what was ready, or nothing. Subscribers hear of each applied change set."""
        from .sync.apply import apply

        with self._own_write("records are applied") as connection:
            report, applied = apply(connection, records)
        if applied:
            self.wrote = True
        for changes in applied:
            self._announce(changes)
        return report

    @contextmanager
    def bookkeeping(self) -> Iterator[Connection]:
        """One write transaction of sharing's own tables (sync_group, sync_replica,
        sync_channel) with no change set: founding, a new identity, a cursor. Refused as any
        write is (opened to read, moved); disk errors are named as for any write."""
        with self._own_write("sharing's bookkeeping is written") as connection:
            yield connection

    @contextmanager
    def _own_write(self, what: str) -> Iterator[Connection]:
        """A write transaction outside any change set, never inside another one."""
        if self.reading_only:
            raise OpenedToRead(self.path)
        if self._state.session is not None:
            raise RuntimeError(f"{what} in a transaction of their own")
        self._check_in_place()
        with self._guard(), self._session() as session, session.begin():
            connection = session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
            yield connection
            self._check_in_place()  # last moment before the commit: never into a moved file

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
            with storage_errors(self.path, DBAPIError):
                yield
        except (ValueError, LookupError, TypeError) as exc:
            # A stored value of the wrong kind fails as it is read: name the row. Anything
            # else is a bug and stays one.
            wrong = self.first_wrong_value()
            if wrong is not None:
                raise wrong from exc
            raise

    def first_wrong_value(self) -> StoredValueWrong | None:
        """The first row holding a value of the wrong kind, as an error to raise, or None."""
        with self._reader_guard:
            if self._reader is None:
                return None
            try:
                found, count = wrong_values(self._reader, limit=1)
            except DriverError:
                return None
        return StoredValueWrong(self.path, found[0], count) if found else None


def _remove_abandoned_builds(folder: Path) -> None:
    """Remove what a `new` killed half way left in `folder` (never one still running)."""
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f".*.{BUILDING}"):
            lock.remove_if_abandoned(leftover, files.remove_database)
        for marker in folder.glob(f".*.{BUILDING}.lock"):  # killed between removal and unmark
            if not marker.with_suffix("").exists():
                lock.remove_if_abandoned(marker.with_suffix(""))


def _register_built(path: Path) -> None:
    """A new file's identity (minted by its first change set) is noted at its final path."""
    from .sync import replica

    try:
        connection = connect(path, read_only=True)
        try:
            found = connection.execute(
                "SELECT replica_id, id_prefix, parent_replica_id, next_seq, hlc, laptop_name "
                "FROM sync_replica"
            ).fetchone()
        finally:
            connection.close()
    except DriverError:
        return  # the next open mints: always safe
    if found is not None:
        replica.register(path, replica.Replica(*found))


def _remove_empty_log(path: Path) -> None:
    wal, shm = files.sidecars(path)[:2]
    with contextlib.suppress(OSError):
        if not wal.exists() or wal.stat().st_size == 0:
            wal.unlink(missing_ok=True)
            shm.unlink(missing_ok=True)
