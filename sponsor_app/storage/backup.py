"""Copies of a group file: before a migration, on request, and restore."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from ..locations import GROUP_FILE_SUFFIX, backup_dir
from .connect import DriverDatabaseError, connect


def backup_name(path: Path, reason: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    return f"{path.stem}-{stamp}-{reason}{GROUP_FILE_SUFFIX}"


def backup_file(path: Path, reason: str = "manual", to_dir: Path | None = None) -> Path:
    """A consistent copy made with SQLite's online backup (safe while the file is open)."""
    folder = to_dir or backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backup_name(path, reason)
    partial = target.with_name(target.name + ".partial")
    source = connect(path, read_only=True)
    try:
        copy = connect(partial, pragmas=False)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            copy.close()
    finally:
        source.close()
    _fsync(partial)
    os.replace(partial, target)  # a backup is either complete or absent, never half written
    return target


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def list_backups(path: Path, folder: Path | None = None) -> list[Path]:
    """Backups of this group file, newest first."""
    folder = folder or backup_dir()
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{path.stem}-*{GROUP_FILE_SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def restore_backup(backup: Path, target: Path) -> Path | None:
    """Put `backup` in place of `target`; the file it replaces is kept as a backup first.

    Returns that safety copy (None when there was no readable file to keep). The swap is one
    rename, so a crash leaves either the old file or the restored one, never a mixture.
    """
    from .connect import check_is_group_file
    from .errors import NotAGroupFile
    from .lock import WriteLock

    check_is_group_file(backup)
    copy = connect(backup, read_only=True)
    try:
        healthy = copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        copy.close()
    if not healthy:
        raise NotAGroupFile(backup, "the backup itself is damaged")
    lock = WriteLock(target)
    lock.acquire(target)
    try:
        kept = None
        if target.exists():
            try:
                kept = backup_file(target, reason="before-restore")
            except DriverDatabaseError:
                kept = None  # the file being replaced is unreadable; nothing to keep
        staged = target.with_name(target.name + ".restoring")
        staged.write_bytes(backup.read_bytes())
        _fsync(staged)
        for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)  # they belong to the file being replaced
        os.replace(staged, target)
        return kept
    finally:
        lock.release()
