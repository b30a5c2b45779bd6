"""Storage errors the environment or the user caused: shown as a message, never a traceback."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import SponsorDeskError


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


class DamagedFile(StorageError):
    """The file is a group file but cannot be read: offer a backup."""

    def __init__(self, path: Path, backups: list[Path]):
        self.path = path
        self.backups = backups
        hint = (
            f" The newest backup is {backups[0]}; restore it with “sponsor-app restore”."
            if backups
            else " No backup of it was found."
        )
        super().__init__(f"{path} is damaged and cannot be read.{hint}")


class NewerSchema(StorageError):
    def __init__(self, path: Path, found: str, supported: str):
        super().__init__(
            f"{path} was saved by a newer version of Sponsor Desk (schema {found}; this version "
            f"reads up to {supported}). Update Sponsor Desk to open it; the file was not changed."
        )


class FileLocked(StorageError):
    def __init__(self, path: Path, holder: str):
        super().__init__(f"{path} is already open in {holder}. Close it there first.")


class DiskFull(StorageError):
    def __init__(self, path: Path):
        super().__init__(
            f"The disk holding {path} is full: free some space, then try again. Nothing was saved."
        )


class ReadOnlyFile(StorageError):
    def __init__(self, path: Path):
        super().__init__(
            f"{path} cannot be written (read-only file or folder). "
            "Save a copy somewhere you can write."
        )


class FileBusy(StorageError):
    def __init__(self, path: Path):
        super().__init__(f"{path} is busy in another program; try again in a moment.")


def classify(error: BaseException, path: Path) -> StorageError | None:
    """Map a low-level SQLite error to the storage error a person can act on, or None (a bug)."""
    from .connect import DriverError

    original = getattr(error, "orig", error)
    if not isinstance(original, DriverError):
        return None
    text = str(original).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(path)
    if "readonly" in text or "read-only" in text:
        return ReadOnlyFile(path)
    if "database is locked" in text or "busy" in text:
        return FileBusy(path)
    if "malformed" in text or "not a database" in text or "disk i/o error" in text:
        from .backup import list_backups

        return DamagedFile(path, list_backups(path))
    return None
