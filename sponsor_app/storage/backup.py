"""Backups of a group file, kept by the group's id (never its file name).

Every copy is made with SQLite's online backup from a read connection (the store's own, or one
opened beside a file another window has open): one consistent snapshot holding every commit,
written as `.partial` in the folder it goes to, flushed, then renamed into place.

The app's backups live in `backups/<group id>/<UTC time>-<why>.sponsor`. Those made by the app
itself (on open, on close, before an upgrade, before a restore) are kept as a rotating set
(storage/rotation.py); backups a person asked for are never pruned. Restoring writes through
the same backup API into a temporary file and renames it into place, after keeping a copy of
what it replaces.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from .. import clock
from ..locations import GROUP_FILE_SUFFIX, backup_dir, private_folder
from . import files, keys, lock, makers, rotation
from .connect import (
    check_is_group_file,
    connect,
    copy_database,
    key_of,
    known_key,
    protection_of,
)
from .driver import DriverError
from .errors import (
    UNREADABLE,
    BackupFailed,
    DamagedFile,
    DifferentGroup,
    FolderMissing,
    GroupFileExists,
    NotAFolder,
    NotAGroupFile,
    RestoreWouldUnprotect,
    SameFile,
    StorageError,
    classify,
    storage_errors,
)
from .facts import GroupId, read_counts, read_group
from .known_files import other_known_files, remember_group, remembered_group
from .leftovers import PARTIAL
from .outputs import in_backups

STAMP = "%Y%m%dT%H%M%S%fZ"
MANUAL = "manual"
_STATE = "last-backup.json"


@dataclass(frozen=True)
class BackupInfo:
    """One backup: where it is, whose, when and why; what it holds once `described`."""

    path: Path
    group_id: str
    taken_at: datetime  # UTC
    reason: str
    size: int
    group_name: str = ""
    households: int | None = None
    volunteers: int | None = None
    transactions: int | None = None
    locked: bool = False  # protected with a key not given yet: not described, not checked

    @property
    def automatic(self) -> bool:
        return self.reason != MANUAL

    @property
    def taken_text(self) -> str:
        return self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")

    @property
    def counts_text(self) -> str:
        return (
            f"{_count(self.households, 'household')}, {_count(self.volunteers, 'volunteer')} "
            f"and {_count(self.transactions, 'transaction')}"
        )


def _count(number: int | None, noun: str) -> str:
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


# --- where backups go ------------------------------------------------------------------------
def group_folder(group_id: str) -> Path:
    return backup_dir() / group_id


def _name(taken_at: datetime, reason: str) -> str:
    return f"{taken_at.astimezone(UTC).strftime(STAMP)}-{reason}{GROUP_FILE_SUFFIX}"


def _parse(path: Path, group_id: str) -> BackupInfo | None:
    stamp, _, reason = path.stem.partition("-")
    try:
        taken_at = datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, group_id, taken_at, reason, size)


# --- taking a backup ----------------------------------------------------------------------------
def write_copy(
    source, target: Path, *, replace_existing: bool = False, verify: bool = False
) -> Path:
    """Write what the read connection `source` sees to `target`, all or nothing.

    With `verify`, the copy passes SQLite's quick check before it is put in place: a copy a
    person asked for is never a damaged one they would count on (the automatic backups are
    checked when one is offered instead).

    A new name is never taken from a file that appeared meanwhile; with `replace_existing` the
    file there is replaced in one rename (the caller holds its lock). A log or shared memory
    left beside the target belonged to the file replaced (or to one gone): it is removed
    first, since SQLite would replay it into the copy. Errors are StorageErrors about `target`
    (its disk), or about the source when it cannot be read; a copy killed half way leaves only
    a `.partial` that the clean-up at start removes.
    """
    partial = files.temporary_beside(target, PARTIAL.lstrip("."))
    marker = None
    try:
        with files.removed_on_failure(partial):
            marker = lock.hold(partial)
            copy_database(source, partial)
            if verify and not _passes_quick_check(partial):
                raise DamagedFile(_file_of(source), UNREADABLE)  # what it read
            files.fsync_file(partial)
            _give_key_file(key_of(source), target, _file_of(source))
            if replace_existing or not target.exists():
                for leftover in files.sidecars(target):
                    leftover.unlink(missing_ok=True)
            if replace_existing:
                files.replace(partial, target)
            else:
                files.publish_new(partial, target)
            _record(source, target)
    except (OSError, DriverError) as error:
        known = classify(error, target, new_file=True)
        if isinstance(known, DamagedFile):  # the copy is new: it is what was read that is
            known = classify(error, _file_of(source))
        if known is None:
            raise
        raise known from error
    finally:
        if marker is not None:
            lock.let_go(partial, marker)
    return target


def _record(source, target: Path) -> None:
    """Note who made the copy (storage/makers.py): a backup's maker, or a copy elsewhere."""
    with contextlib.suppress(DriverError, OSError):
        group = read_group(source)
        if group is None:
            return
        if in_backups(target):
            makers.record_backup(group.uuid, target, _file_of(source))
        else:
            makers.record_copy(group.uuid, target, _file_of(source))


def _give_key_file(key, target: Path, source: Path) -> None:
    """A protected copy outside the app's folder gets its key file beside it (so it opens
    with the passphrase on another computer); a plain one replaces no stale key file."""
    if key is None:
        keys.remove_key_file(target)
    elif backup_dir() not in target.parents:
        keys.copy_key_file(key, target, source)


def _passes_quick_check(path: Path) -> bool:
    connection = connect(path, read_only=True)
    try:
        return connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        connection.close()


def _file_of(connection) -> Path:
    """The file a connection reads (SQLite's own record of it)."""
    return Path(connection.execute("PRAGMA database_list").fetchone()[2])


def take_backup(
    source,
    group: GroupId,
    reason: str,
    *,
    at: datetime | None = None,
    consequence: str = "",
) -> Path:
    """A backup of the group `source` reads, into the app's backups folder for that group
    (checked when asked for, as `write_copy` says)."""
    folder = group_folder(group.uuid)
    taken_at = at or clock.now()
    try:
        private_folder(folder)
        target = folder / _name(taken_at, reason)
        while target.exists():  # two in one microsecond (a test, or a very fast disk)
            taken_at = taken_at.replace(microsecond=(taken_at.microsecond + 1) % 1_000_000)
            target = folder / _name(taken_at, reason)
        return write_copy(source, target, verify=reason == MANUAL)
    except StorageError as error:
        if isinstance(error, GroupFileExists | DamagedFile):
            raise
        raise BackupFailed(folder, error, consequence) from error
    except OSError as error:
        known = classify(error, folder / "backup", new_file=True)
        if known is None:
            raise
        raise BackupFailed(folder, known, consequence) from error


def backup_file(
    path: Path, reason: str = MANUAL, to_dir: Path | None = None, consequence: str = ""
) -> Path:
    """Back up the group file at `path`, whether or not another window has it open (a read
    connection beside it sees every commit). To the app's folder for the group, or `to_dir`."""
    path = Path(path)
    check_is_group_file(path)
    source = _open_source(path)
    try:
        group = _group_or_damaged(source, path)
        if to_dir is None:
            return take_backup(source, group, reason, consequence=consequence)
        return write_copy(source, copy_name(Path(to_dir), path), verify=True)
    finally:
        source.close()


def copy_name(folder: Path, path: Path) -> Path:
    """Where a backup of `path` goes in a folder a person chose (a USB stick): a name they
    recognise, with the time. The folder is made if it is missing."""
    if folder.exists() and not folder.is_dir():
        raise NotAFolder(folder)
    with storage_errors(folder / "backup", OSError, new_file=True):
        folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().astimezone().strftime("%Y-%m-%d %H%M%S")
    target = folder / f"{path.stem} backup {stamp}{GROUP_FILE_SUFFIX}"
    number = 1
    while target.exists():  # two in one second: never over the first
        number += 1
        target = folder / f"{path.stem} backup {stamp} ({number}){GROUP_FILE_SUFFIX}"
    return target


def _open_source(path: Path):
    with storage_errors(path, DriverError):
        return connect(path, read_only=True)


def _group_or_damaged(source, path: Path) -> GroupId:
    with storage_errors(path, DriverError):
        group = read_group(source)
    if group is None:
        raise DamagedFile(path, "it has no group profile")
    remember_group(path, group.uuid)
    return group


# --- listing, describing, pruning -------------------------------------------------------------
def list_backups(group_id: str) -> list[BackupInfo]:
    """This group's backups in the app's folder, newest first (not yet described)."""
    folder = group_folder(group_id)
    if not folder.is_dir():
        return []
    found = [
        info
        for path in folder.glob(f"*{GROUP_FILE_SUFFIX}")
        if (info := _parse(path, group_id)) is not None
    ]
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def describe(info: BackupInfo, verify: bool = False) -> BackupInfo | None:
    """The backup with its group's name and counts; None when it cannot be read (or, with
    `verify`, fails SQLite's quick check or belongs to another group)."""
    try:
        connection = connect(info.path, read_only=True)
    except (DriverError, StorageError):  # unreadable, or protected with a key not given here
        return None
    try:
        if verify and connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            return None
        group = read_group(connection)
        if group is None or group.uuid != info.group_id:
            return None
        counts = read_counts(connection)
    except DriverError:
        return None
    finally:
        connection.close()
    return replace(
        info,
        group_name=group.name,
        households=counts.households,
        volunteers=counts.volunteers,
        transactions=counts.transactions,
    )


def backups_of_file(group_id: str, path: Path) -> list[BackupInfo]:
    """The group's backups that the file at `path` made (storage/makers.py), newest first:
    never another copy's of the same group."""
    found = list_backups(group_id)
    others = bool(other_known_files(group_id, path))
    mine = set(makers.made_by(group_id, path, [i.path.name for i in found], others))
    return [info for info in found if info.path.name in mine]


def newest_good_backup(path: Path) -> BackupInfo | None:
    """The newest backup of the file at `path` (else of its group: as the file says, or as it
    was when it was last opened) that passes SQLite's check. A backup protected with a key
    this process lacks cannot be checked: it is offered, newest first, as `locked`, so the
    person can give its passphrase."""
    from .facts import group_of_file

    group = group_of_file(path)
    group_id = group.uuid if group else remembered_group(path)
    if group_id is None:
        return None
    mine = backups_of_file(group_id, path)
    ours = {info.path for info in mine}
    others = [info for info in list_backups(group_id) if info.path not in ours]
    for candidates in (mine, others):
        for info in candidates:
            if _locked(info.path):
                return replace(info, locked=True)
            good = describe(info, verify=True)
            if good is not None:
                return good
    return None


def offering_backup(error: DamagedFile) -> DamagedFile:
    """`error` offering this group's newest good backup. Looked for here, when a damaged file
    is to be shown to a person, never while the error is made: making an error reads no
    backups folder. One already looked for is returned as it is."""
    if error.searched:
        return error
    return DamagedFile(error.path, error.why, newest_good_backup(Path(error.path)), searched=True)


def _locked(path: Path) -> bool:
    """Protected with a key this process has not been given."""
    key_id = protection_of(path)
    return key_id is not None and known_key(key_id) is None


def prune(group_id: str, now: datetime | None = None) -> list[Path]:
    """Remove the automatic backups the rotation rule no longer keeps; returns what went."""
    automatic = [info for info in list_backups(group_id) if info.automatic]
    keep = rotation.to_keep((info.taken_at for info in automatic), now or clock.now())
    removed = []
    for info in automatic:
        if info.taken_at not in keep:
            with contextlib.suppress(OSError):
                info.path.unlink()
                removed.append(info.path)
    return removed


# --- whether the file changed since its last automatic backup ---------------------------------
def _fingerprint(path: Path) -> dict | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    wal = files.sidecars(path)[0]
    if wal.exists() and wal.stat().st_size:
        return None  # commits in a log beside it: not closed cleanly, or open elsewhere
    return {"ino": info.st_ino, "size": info.st_size, "mtime_ns": info.st_mtime_ns}


def record_backed_up(group_id: str, path: Path) -> None:
    """After the closing backup: the file as it is now is the newest backup's content."""
    fingerprint = _fingerprint(path)
    if fingerprint is None:
        return
    with contextlib.suppress(OSError):
        (group_folder(group_id) / _STATE).write_text(json.dumps(fingerprint), encoding="utf-8")


def backed_up_as_is(group_id: str, path: Path) -> bool:
    """Is the file unchanged since the backup taken when it was last closed?"""
    try:
        saved = json.loads((group_folder(group_id) / _STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return saved == _fingerprint(path) and bool(list_backups(group_id))


# --- restoring ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Restored:
    target: Path
    group_name: str
    kept: Path | None  # the replaced file's backup (in the app's folder)
    set_aside: Path | None  # a damaged file it replaced, renamed beside it


def restore_backup(
    backup: Path, target: Path, *, another_group: bool = False, unprotect: bool = False
) -> Restored:
    """Put the content of `backup` at `target`: a new file, or in place of the file there after
    keeping a copy of it. Refused (nothing changed) when the backup is damaged, when `target` is
    open in another window, without `another_group` when it holds another group, and without
    `unprotect` when a plain backup would replace a protected file."""
    backup, target = Path(backup), Path(target)
    check_is_group_file(backup)
    if (
        not unprotect
        and target.is_file()
        and protection_of(target) is not None
        and protection_of(backup) is None
    ):
        raise RestoreWouldUnprotect(target, backup)
    if target.is_dir():
        raise NotAGroupFile(target, "it is a folder")
    if not target.parent.is_dir():
        raise FolderMissing(target.parent)
    if target.exists() and os.path.samefile(backup, target):
        raise SameFile(backup, target)
    source = _open_source(backup)
    write_lock = lock.WriteLock(target)
    try:
        group = _verified_group(source, backup)
        kept = set_aside = None
        if target.exists():
            write_lock.acquire(target)
            kept, set_aside = _keep_what_is_replaced(backup, target, group, another_group)
        write_copy(source, target, replace_existing=write_lock.held and set_aside is None)
        return Restored(target, group.name, kept, set_aside)
    finally:
        write_lock.release()
        source.close()


def _verified_group(source, backup: Path) -> GroupId:
    try:
        healthy = source.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        group = read_group(source) if healthy else None
    except DriverError as error:
        known = classify(error, backup)
        if known is not None and not isinstance(known, DamagedFile):
            raise known from error  # a full or failing disk, not a damaged backup
        healthy, group = False, None
    if not healthy or group is None:
        raise DamagedFile(
            backup,
            "the backup itself is damaged, so it cannot be restored; nothing was changed",
            searched=True,  # a backup has no backup of its own to offer
        )
    return group


def _keep_what_is_replaced(
    backup: Path, target: Path, group: GroupId, another_group: bool
) -> tuple[Path | None, Path | None]:
    """Back up the file about to be replaced, or set it aside beside itself if it is too
    damaged to be read; refuse another group's file unless `another_group`."""
    try:
        current = connect(target, read_only=True)
    except DriverError:
        current = None  # a PassphraseNeeded for a protected target goes to the caller
    try:
        existing = _readable_group(current)
        if existing is not None:
            if existing.uuid != group.uuid and not another_group:
                raise DifferentGroup(backup, group.name, target, existing.name)
            kept = take_backup(
                current, existing, "before-restore", consequence=f"{target} was not replaced."
            )
            return kept, None
    finally:
        if current is not None:
            current.close()
    stamp = clock.now().astimezone().strftime("%Y-%m-%d %H%M%S")
    aside = target.with_name(f"{target.stem} (damaged {stamp}){target.suffix}")
    for part, moved in zip(
        (target, *files.sidecars(target)), (aside, *files.sidecars(aside)), strict=True
    ):
        if part.exists():
            os.replace(part, moved)
    return None, aside


def _readable_group(connection) -> GroupId | None:
    if connection is None:
        return None
    try:
        if connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            return None
        return read_group(connection)
    except DriverError:
        return None
