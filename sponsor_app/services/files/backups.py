"""Backups and restoring, as the window and the command line use them.

The window lists the open group's backups with what each holds, restores one into a new file
or over the open one (a copy of it is kept first), and answers a damaged file with the group's
newest good backup (`DamagedFile.offer`); the command line backs up and restores through the
same functions. Module-level imports stay light: the window calls
`clean_up_at_start` before any database code is loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...storage import rotation
from ...storage.errors import DamagedFile, FileMoved

if TYPE_CHECKING:
    from ...storage.backup import BackupInfo, Restored
    from ...storage.store import Store

__all__ = [
    "KEPT_MONTHS",
    "DamagedFile",
    "FileMoved",
    "back_up",
    "backups_of",
    "clean_up_at_start",
    "clean_up_beside",
    "offering_backup",
    "restore",
]

# Automatic backups older than this many months are retired (storage/rotation.py).
KEPT_MONTHS = rotation.MONTHS


def clean_up_at_start() -> int:
    """Remove what killed backups left; returns how many."""
    from ...storage.leftovers import clean_partials

    return len(clean_partials())


def offering_backup(error: DamagedFile) -> DamagedFile:
    """The damaged file's error, offering this group's newest good backup (or saying there
    is none): what the window and the command line show."""
    from ...storage.backup import offering_backup as offering

    return offering(error)


def backups_of(store: Store) -> list[BackupInfo]:
    """The open group's backups in the app's folder, newest first, each with its date, size
    and counts of households, volunteers and transactions (unreadable ones left out)."""
    from ...storage.backup import describe, list_backups

    described = (describe(info) for info in list_backups(store.group.uuid))
    return [info for info in described if info is not None]


def backups_folder(store: Store) -> Path:
    from ...storage.backup import group_folder

    return group_folder(store.group.uuid)


def restore(
    backup: Path, target: Path, *, another_group: bool = False, unprotect: bool = False
) -> Restored:
    """Put `backup` at `target`: a new file, or over the file there after keeping a copy of it
    (or, if it is too damaged to copy, setting it aside beside itself). The one way to restore,
    for the window and the command line alike; each says yes to two things only when the
    person did: replacing a file of `another_group`, and a plain backup over a protected file
    (`unprotect`). Without them, either is refused and nothing changes."""
    from ...storage.backup import restore_backup

    return restore_backup(
        Path(backup), Path(target), another_group=another_group, unprotect=unprotect
    )


def back_up(path: Path, to_dir: Path | None = None) -> Path:
    """A consistent copy of the file at `path` (works while a window has it open: it only
    reads), in the group's backups folder or in `to_dir`; returns where it went."""
    from ...storage.backup import backup_file

    return backup_file(Path(path), to_dir=to_dir)


def clean_up_beside(path: Path) -> None:
    """A killed unprotect or restore leaves a whole plain copy beside the file: remove it
    before anything else is done with the file."""
    from ...storage.leftovers import clean_beside

    clean_beside(Path(path))
