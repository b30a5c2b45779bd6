"""What a killed backup leaves: `.partial` copies, removed at start unless still being written.

Kept apart from backup.py so that the window can clean up as it starts without loading any
database code (start-up time).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from ..locations import backup_dir
from . import files, lock

PARTIAL = ".partial"


def clean_partials(folder: Path | None = None) -> list[Path]:
    """Remove `.partial` copies a killed backup left (never one a live process is writing)."""
    removed = []
    with contextlib.suppress(OSError):
        folder = folder or backup_dir()
        for partial in folder.rglob(f"*{PARTIAL}"):
            if lock.remove_if_abandoned(partial, files.remove_database):
                removed.append(partial)
        for marker in folder.rglob(f"*{PARTIAL}.lock"):  # killed between rename and unmark
            partial = marker.with_suffix("")
            if not partial.exists():
                lock.remove_if_abandoned(partial)
    return removed
