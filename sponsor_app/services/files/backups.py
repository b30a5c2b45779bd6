"""Backups and restoring, as the window uses them.

The window lists the open group's backups with what each holds, restores one into a new file
or over the open one (a copy of it is kept first), and answers a damaged file with the group's
newest good backup (`offer_backup`). Module-level imports stay light: the window calls
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
    "backups_of",
    "clean_up_at_start",
    "offer_backup",
    "restore",
]

# Automatic backups older than this many months are retired (storage/rotation.py).
KEPT_MONTHS = rotation.MONTHS


def clean_up_at_start() -> int:
    """Remove what killed backups left; returns how many."""
    from ...storage.leftovers import clean_partials

    return len(clean_partials())


def backups_of(store: Store) -> list[BackupInfo]:
    """The open group's backups in the app's folder, newest first, each with its date, size
    and counts of households, volunteers and transactions (unreadable ones left out)."""
    from ...storage.backup import describe, list_backups

    described = (describe(info) for info in list_backups(store.group.uuid))
    return [info for info in described if info is not None]


def offer_backup(error: DamagedFile) -> DamagedFile:
    """A damaged file's refusal with this group's newest good backup offered (or none found)."""
    from ...storage.backup import offer_backup as with_offer

    return with_offer(error)


def backups_folder(store: Store) -> Path:
    from ...storage.backup import group_folder

    return group_folder(store.group.uuid)


def restore(backup: Path, target: Path, *, unprotect: bool = False) -> Restored:
    """Put `backup` at `target`: a new file, or over the file there after keeping a copy of it
    (or, if it is too damaged to copy, setting it aside beside itself). A plain backup over a
    protected file only with `unprotect` (the person was asked)."""
    from ...storage.backup import restore_backup

    return restore_backup(Path(backup), Path(target), unprotect=unprotect)
