"""Storage errors the environment or the user caused: shown as a message, never a traceback.

Each message is one sentence or two a person can act on. `classify` turns what SQLite or the
operating system said into one of them, by SQLite's result code or the OS's errno, never by
the words of a message (a message saying "malformed JSON" is not a damaged file); whatever it
cannot place is a bug and stays one.
"""

from __future__ import annotations

import enum
import errno
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import SponsorDeskError

if TYPE_CHECKING:
    from ..domain.messages import Message
    from .backup import BackupInfo

# Below this much free space a failed write is blamed on a full disk, not on the file.
NEARLY_FULL_BYTES = 4 * 1024 * 1024


class StorageError(SponsorDeskError):
    """Something about the group file itself; the message says what to do."""


class GroupFileMissing(StorageError):
    def __init__(self, path: Path):
        super().__init__(f"{path} does not exist. Check the name, or create it with “new”.")


class GroupFileExists(StorageError):
    def __init__(self, path: Path):
        super().__init__(f"{path} already exists; choose another name or open it instead.")


class NotAGroupFile(StorageError):
    def __init__(self, path: Path, why: str = ""):
        detail = f" ({why})" if why else ""
        super().__init__(f"{path} is not a Sponsor Desk group file{detail}.")


class Unreadable(StorageError):
    def __init__(self, path: Path):
        super().__init__(
            f"Sponsor Desk is not allowed to read {path}; ask whoever manages it for access."
        )


class DamagedFile(StorageError):
    """A group file that cannot be read as one. Building it looks for nothing: where it is
    shown, `offering_backup` (storage/backup.py) adds this group's newest good backup; `searched`
    says that was done (or that there is nothing to offer), and only then does the message
    say what to restore."""

    def __init__(
        self, path: Path, why: str = "", offer: BackupInfo | None = None, *, searched: bool = False
    ):
        self.path = path
        self.why = why
        self.offer = offer
        self.searched = searched or offer is not None
        detail = f" ({why})" if why else ""
        if offer is not None and offer.locked:
            hint = (
                f" The newest backup of this group, from {offer.taken_text}, is protected with "
                f"a passphrase: restore it with “sponsor-app restore {offer.path} {path}” and "
                "give its passphrase or recovery code (the damaged file is kept)."
            )
        elif offer is not None:
            hint = (
                f" The newest good backup of this group is from {offer.taken_text}, with "
                f"{offer.counts_text}: restore it with “sponsor-app restore {offer.path} {path}” "
                "(the damaged file is kept)."
            )
        elif self.searched:
            hint = " No good backup of this group was found."
        else:
            hint = ""
        super().__init__(f"{path} is damaged and cannot be opened{detail}.{hint}")


class PassphraseNeeded(StorageError):
    """A protected file this process has no key for: ask for its passphrase, then try again."""

    def __init__(self, path: Path, key_id: int):
        self.path = path
        self.key_id = key_id
        super().__init__(
            f"{path} is protected with a passphrase: give it (SPONSOR_APP_PASSPHRASE on the "
            "command line) or the file's recovery code."
        )


class WrongPassphrase(StorageError):
    def __init__(self, path: Path, key_file_alone: bool = False):
        self.path = path
        # AES-GCM cannot tell a wrong passphrase from a tampered slot: when only the key file
        # beside it could open it, say that it may be the key file.
        maybe = (
            " (or its key file is damaged; the recovery code still opens it)"
            if key_file_alone
            else ""
        )
        super().__init__(f"That is not the passphrase of {path}{maybe}. Nothing was changed.")


class WrongRecoveryCode(StorageError):
    """A well-formed recovery code that is another file's."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(f"That recovery code is not the code of {path}.")


class MistypedRecoveryCode(WrongRecoveryCode):
    """What was typed is no recovery code at all (`why` says what is wrong with it)."""

    def __init__(self, path: Path, why: Message | str):
        self.path = path
        StorageError.__init__(self, why)


class NoPassphraseHere(StorageError):
    """A protected file whose passphrase slot is neither beside it nor on this computer."""

    def __init__(self, path: Path, key_file: Path):
        self.path = path
        super().__init__(
            f"{path} is protected, but its key file ({key_file.name}) is not beside it and this "
            "computer keeps no copy of its key, so its passphrase cannot open it here. Open it "
            "with its recovery code, or copy the key file next to it."
        )


class KeyFileNotWritten(StorageError):
    """The passphrase slot could not be saved, so nothing was changed (the key must be safe
    before the file is encrypted with it)."""

    def __init__(self, path: Path, place: Path, error: OSError):
        self.path = path
        reason = (error.strerror or str(error)).lower()
        super().__init__(
            f"The key file {place} could not be written ({reason}), so {path} was not changed."
        )


class RestoreWouldUnprotect(StorageError):
    """A plain backup over a protected file would silently remove its protection."""

    def __init__(self, target: Path, backup: Path):
        self.path = target
        super().__init__(
            f"{target} is protected with a passphrase; the backup {backup.name} is not: add "
            "--force to restore it unprotected. Nothing was changed."
        )


class KeyFileDamaged(NoPassphraseHere):
    """The key file beside a protected file is there but is no key file (damaged, empty, cut
    short, a folder), and this computer has no slot of its own for the file."""

    def __init__(self, path: Path, key_file: Path, what: str = "is damaged"):
        self.path = path
        StorageError.__init__(
            self,
            f"{key_file.name} {what}, so the passphrase cannot open {path} here: open the file "
            "with its recovery code.",
        )


class KeyFileOfAnother(NoPassphraseHere):
    def __init__(self, path: Path, key_file: Path):
        self.path = path
        StorageError.__init__(
            self,
            f"{key_file.name} belongs to another group file, so the passphrase cannot open "
            f"{path} here: put its own key file beside it, or open it with its recovery code.",
        )


class AlreadyProtected(StorageError):
    def __init__(self, path: Path):
        super().__init__(
            f"{path} is already protected with a passphrase; change it instead (File ▸ Change "
            "Passphrase, or “sponsor-app protect” with SPONSOR_APP_PASSPHRASE set)."
        )


class NotProtected(StorageError):
    def __init__(self, path: Path):
        super().__init__(f"{path} is not protected with a passphrase; nothing was changed.")


class NewerSchema(StorageError):
    def __init__(self, path: Path, found: str, supported: str):
        super().__init__(
            f"{path} was saved by a newer version of Sponsor Desk (schema {found}; this version "
            f"reads up to {supported}). Update Sponsor Desk to open it; the file was not changed."
        )


class FileLocked(StorageError):
    def __init__(self, path: Path, holder: str):
        super().__init__(f"{path} is already open in {holder}. Close it there first.")


class AppFolderUnwritable(StorageError):
    """The app's own folder (backups, keys, temporary files) cannot be written, and the
    command needs it: a write is never made without the backup that comes first."""

    def __init__(self, folder: Path, error: OSError, command: str):
        self.folder = folder
        reason = (
            "its disk is full"
            if is_disk_full(error)
            else "it is read-only"
            if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
            else (error.strerror or str(error)).lower()
        )
        if command == "backup":
            why = "where backups go: give --to FOLDER to write the backup elsewhere"
        else:
            why = f"where it keeps the backup taken before “{command}” changes anything"
        super().__init__(
            f"Sponsor Desk cannot write in its own folder {folder} ({reason}), {why}; nothing "
            "was changed. Free it, or set SPONSOR_DESK_HOME to a folder you can write in."
        )


class StoredValueWrong(StorageError):
    """A row holds a value of the wrong kind (written by another program): named, rather
    than failing as it is read."""

    def __init__(self, path: Path, first, count: int):
        self.path = path
        more = f" (and {count - 1:,} more)" if count > 1 else ""
        super().__init__(
            f"{path} holds a value Sponsor Desk cannot read: {first}{more}. Another program "
            f"may have written it; “sponsor-app check {path.name}” lists every one. Restore a "
            "backup, or correct the value."
        )


class OpenedToRead(StorageError):
    """A write asked of a file opened only to read it (a bug in the command, not the user's)."""

    def __init__(self, path: Path):
        super().__init__(f"{path} was opened only to read it; nothing was changed.")


class LockInTheWay(StorageError):
    def __init__(self, path: Path, lock: Path):
        super().__init__(
            f"{path} cannot be opened for writing: {lock} is in the way (Sponsor Desk keeps its "
            "lock there, and it is a folder or a link). Move it away, then try again."
        )


class DiskFull(StorageError):
    def __init__(self, path: Path):
        super().__init__(
            f"The disk holding {path} is full: free some space, then try again. Nothing was saved."
        )


class DiskError(StorageError):
    def __init__(self, path: Path):
        super().__init__(
            f"The disk holding {path} reported an error while Sponsor Desk read or wrote it. If it "
            "is a removable disk, check it is still connected, then try again."
        )


class ReadOnlyFile(StorageError):
    def __init__(self, path: Path):
        super().__init__(
            f"{path} cannot be written: the file, its folder or its disk is read-only. Copy it "
            "to a folder you can write in (a backup works: it only reads) and open the copy."
        )


class ReadOnlyPlace(StorageError):
    def __init__(self, folder: Path):
        super().__init__(
            f"Sponsor Desk cannot write in {folder}: it is read-only (a write-protected disk, or "
            "a folder you may not change). Choose another folder."
        )


class FileBusy(StorageError):
    def __init__(self, path: Path):
        super().__init__(f"{path} is busy in another program; try again in a moment.")


class FileMoved(StorageError):
    """The open file is no longer at its path: writes stop, reads of what is open still work."""

    def __init__(self, path: Path, deleted: bool):
        what = "moved or deleted" if deleted else "replaced by another file"
        super().__init__(
            f"{path} was {what} while it was open, so Sponsor Desk has stopped saving to it: "
            "nothing more was saved there. Save what is open to a new place (File ▸ Save a "
            "Copy), then work on that copy."
        )


class BackupFailed(StorageError):
    """A backup could not be written; `consequence` says what did not happen because of it."""

    def __init__(self, folder: Path, cause: StorageError, consequence: str = ""):
        self.folder = folder
        reason = (
            "its disk is full"
            if isinstance(cause, DiskFull)
            else "it is read-only"
            if isinstance(cause, ReadOnlyFile | ReadOnlyPlace)
            else "its disk reported an error"
        )
        then = f" {consequence}" if consequence else ""
        super().__init__(
            f"No backup could be written to {folder}: {reason}.{then} Free some space there "
            "(or choose another folder), then try again."
        )


class SameFile(StorageError):
    def __init__(self, first: Path, second: Path):
        super().__init__(f"{first} and {second} are the same file; nothing was changed.")


class DifferentGroup(StorageError):
    def __init__(self, backup: Path, backup_group: str, target: Path, target_group: str):
        super().__init__(
            f"{backup} is a backup of another group (“{backup_group}”), not of {target} "
            f"(“{target_group}”). Nothing was changed; add --force to replace {target} with it "
            "anyway."
        )


class FolderMissing(StorageError):
    def __init__(self, folder: Path):
        super().__init__(f"The folder {folder} does not exist; create it or choose another.")


class NotAFolder(StorageError):
    def __init__(self, path: Path):
        super().__init__(
            f"{path} is a file, not a folder: give the folder to write the backup into."
        )


def is_disk_full(error: OSError) -> bool:
    return error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def from_os_error(error: OSError, path: Path, new_file: bool = False) -> StorageError | None:
    """The storage error for what the operating system said about `path` (with `new_file`, a
    file being made there), or None."""
    if is_disk_full(error):
        return DiskFull(path)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyPlace(path.parent) if new_file else ReadOnlyFile(path)
    if error.errno == errno.EIO:
        return DiskError(path)
    return None


def nearly_full(path: Path) -> bool:
    """True when the disk holding `path` (or its nearest existing folder) has almost no room."""
    for place in (path, *path.parents):
        try:
            return shutil.disk_usage(place).free < NEARLY_FULL_BYTES
        except OSError:
            continue
    return False


class Reason(enum.Enum):
    """What SQLite's result code says went wrong in the environment (not in the code)."""

    DISK_FULL = enum.auto()
    READ_ONLY = enum.auto()
    BUSY = enum.auto()
    DISK_ERROR = enum.auto()
    CANNOT_OPEN = enum.auto()
    DAMAGED = enum.auto()


# SQLite's primary result codes (https://sqlite.org/rescode.html); an extended code keeps its
# primary one in the low byte. Any code not listed (SQLITE_ERROR for "no such table" or
# "malformed JSON", a constraint, a misuse) is a bug in a statement, not the environment.
SQLITE_BUSY = 5  # another connection holds the lock
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
# A read that found the file shorter than its header says: a cut-off file. Only a driver that
# reports extended codes (the standard library's sqlite3) says so; sqlcipher3 reports primary
# codes, and there a short read is a disk error like any other.
SQLITE_IOERR_SHORT_READ = SQLITE_IOERR | (2 << 8)

_REASONS = {
    SQLITE_BUSY: Reason.BUSY,
    SQLITE_READONLY: Reason.READ_ONLY,
    SQLITE_IOERR: Reason.DISK_ERROR,
    SQLITE_CORRUPT: Reason.DAMAGED,
    SQLITE_FULL: Reason.DISK_FULL,
    SQLITE_CANTOPEN: Reason.CANNOT_OPEN,
    SQLITE_NOTADB: Reason.DAMAGED,
}


def sqlite_code(error: BaseException) -> int | None:
    """The SQLite result code the driver attached to `error` (sqlite3 and sqlcipher3 both set
    `sqlite_errorcode` on what SQLite raised), or None: an error the driver made itself
    ("Cannot operate on a closed database"), or one that never came from a driver."""
    code = getattr(error, "sqlite_errorcode", None)
    return code if isinstance(code, int) and not isinstance(code, bool) else None


def reason_of(error: BaseException) -> Reason | None:
    """Why SQLite refused, by its result code alone; None for a bug (or no SQLite error)."""
    code = sqlite_code(error)
    if code is None:
        return None
    if code == SQLITE_IOERR_SHORT_READ:
        return Reason.DAMAGED
    return _REASONS.get(code & 0xFF)


def classify(error: BaseException, path: Path, new_file: bool = False) -> StorageError | None:
    """Map a low-level SQLite or OS error to the storage error a person can act on, or None (a
    bug). A failed write on a nearly full disk is "disk full", never "damaged". With
    `new_file`, `path` is a file being made (a copy, a new group): a read-only place is its
    folder."""
    original = getattr(error, "orig", error)  # SQLAlchemy wraps the driver's error
    if isinstance(original, StorageError):
        return original
    if isinstance(original, OSError):
        return from_os_error(original, path, new_file)
    reason = reason_of(original)
    # An I/O error (even a short read) where the disk has no room left is the full disk's.
    failed_io = (sqlite_code(original) or 0) & 0xFF == SQLITE_IOERR
    if reason is Reason.DISK_FULL or (failed_io and nearly_full(path)):
        return DiskFull(path)
    if reason is Reason.READ_ONLY:
        return ReadOnlyPlace(path.parent) if new_file else ReadOnlyFile(path)
    if reason is Reason.BUSY:
        return FileBusy(path)
    if reason is Reason.DISK_ERROR:
        return DiskError(path)
    if reason is Reason.CANNOT_OPEN:
        if new_file:
            return ReadOnlyPlace(path.parent)
        return GroupFileMissing(path) if not path.exists() else ReadOnlyFile(path)
    if reason is Reason.DAMAGED:
        return damaged(path, UNREADABLE)
    return None


@contextmanager
def storage_errors(
    path: Path,
    catch: type[BaseException] | tuple[type[BaseException], ...] = Exception,
    *,
    new_file: bool = False,
) -> Iterator[None]:
    """What SQLite or the OS raises inside (of the kinds in `catch`) leaves as the storage
    error a person can act on (`classify`); anything it cannot place is a bug and stays one."""
    try:
        yield
    except catch as error:
        known = classify(error, path, new_file)
        if known is None:
            raise
        raise known from error


# Why a file SQLite refuses to read is damaged, when nothing more precise is known.
UNREADABLE = "SQLite cannot read it"


def damaged(path: Path, why: str) -> DamagedFile:
    """A DamagedFile; the backup to offer is looked for when it is shown
    (storage/backup.py `offering_backup`), never while the error is made."""
    return DamagedFile(path, why)
