"""Storage errors the environment or the user caused: shown as a message, never a traceback.

Each message is one sentence or two a person can act on. `classify` turns what SQLite or the
operating system said into one of them; whatever it cannot place is a bug and stays one.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import SponsorDeskError

if TYPE_CHECKING:
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
    """A group file that cannot be read as one: offer this group's newest good backup."""

    def __init__(
        self, path: Path, why: str = "", offer: BackupInfo | None = None, searched: bool = False
    ):
        self.path = path
        self.why = why
        self.offer = offer
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
        elif searched:
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
    def __init__(self, path: Path, why: str = ""):
        self.path = path
        super().__init__(why or f"That recovery code is not the code of {path}.")


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


def classify(error: BaseException, path: Path, new_file: bool = False) -> StorageError | None:
    """Map a low-level SQLite or OS error to the storage error a person can act on, or None (a
    bug). A failed write on a nearly full disk is "disk full", never "damaged". With
    `new_file`, `path` is a file being made (a copy, a new group): a read-only place is its
    folder."""
    from .driver import DriverError

    original = getattr(error, "orig", error)
    if isinstance(original, StorageError):
        return original
    if isinstance(original, OSError):
        return from_os_error(original, path, new_file)
    if not isinstance(original, DriverError):
        return None
    text = str(original).lower()
    name = getattr(original, "sqlite_errorname", "") or ""
    if "disk is full" in text or name == "SQLITE_FULL":
        return DiskFull(path)
    if "readonly" in text or "read-only" in text or name.startswith("SQLITE_READONLY"):
        return ReadOnlyPlace(path.parent) if new_file else ReadOnlyFile(path)
    if "database is locked" in text or "busy" in text:
        return FileBusy(path)
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        if nearly_full(path):
            return DiskFull(path)
        if name != "SQLITE_IOERR_SHORT_READ":  # a short read is a cut-off file: damage
            return DiskError(path)
    if name == "SQLITE_CANTOPEN" or "unable to open database file" in text:
        if new_file:
            return ReadOnlyPlace(path.parent)
        return GroupFileMissing(path) if not path.exists() else ReadOnlyFile(path)
    if (
        "malformed" in text
        or "not a database" in text
        or "disk i/o error" in text
        or name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    ):
        return damaged(path, "SQLite cannot read it")
    return None


def damaged(path: Path, why: str) -> DamagedFile:
    """A DamagedFile; the backup to offer is looked for when it is shown
    (storage/backup.py `offering_backup`), never while the error is made."""
    return DamagedFile(path, why)
