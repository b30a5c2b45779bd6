"""Copies of the open group file a person asks for: Save a Copy, and Back up to a folder.

Both read through the store's own connection with SQLite's backup API, so they hold every
saved change, work while the window writes, and still work after the file was moved. The copy
is written under a temporary name beside the target and renamed over it when complete.
"""

from __future__ import annotations

import os
from pathlib import Path

from ...domain.errors import InvalidInput
from ...domain.messages import Files
from ...storage.backup import copy_name
from ...storage.errors import FolderMissing
from ...storage.lock import WriteLock
from ...storage.store import Store
from .outputs import in_backups


def save_copy(store: Store, target: Path | str) -> Path:
    """Write a complete copy to `target`, replacing a file there unless another Sponsor Desk
    has it open (refused, naming who). The open file is untouched."""
    target = Path(target)
    if target.is_dir():
        raise InvalidInput.single("path", Files.COPY_ONTO_FOLDER(path=target))
    if target.exists() and os.path.samestat(os.stat(target), store.identity):
        raise InvalidInput.single("path", Files.COPY_ONTO_OPEN_FILE())
    if not target.parent.is_dir():
        raise FolderMissing(target.parent)
    if in_backups(target.resolve()):
        raise InvalidInput.single("path", Files.COPY_INTO_BACKUPS())
    target_lock = WriteLock(target)
    replacing = target.exists()
    if replacing:
        target_lock.acquire(target)
    try:
        return store.copy_to(target, replace_existing=replacing)
    finally:
        target_lock.release()


def back_up_to(store: Store, folder: Path | str) -> Path:
    """A backup of the open file in a folder a person chose (a USB stick); returns the file."""
    return store.copy_to(copy_name(Path(folder), store.path))
