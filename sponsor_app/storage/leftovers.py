"""What a killed backup leaves: `.partial` copies, removed at start unless still being written.

Kept apart from backup.py so that the window can clean up as it starts without loading any
database code (start-up time).
"""

from __future__ import annotations

import contextlib
import glob
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


BESIDE_KINDS = ("protecting", PARTIAL.lstrip("."))


def clean_beside(group_file: Path) -> list[Path]:
    """Remove what a killed protect, unprotect or restore left beside `group_file`: its hidden
    `.NAME.<hex>.protecting` and `.partial` copies (a plain one holds every record), with their
    logs and markers; never one a live process is still writing."""
    group_file = Path(group_file)
    prefix = f".{group_file.name}."
    found: set[Path] = set()
    with contextlib.suppress(OSError):
        for kind in BESIDE_KINDS:
            for place in group_file.parent.glob(f"{glob.escape(prefix)}*.{kind}*"):
                name = place.name
                found.add(
                    place.with_name(name[: name.index(f".{kind}", len(prefix)) + len(kind) + 1])
                )
    removed = []
    for partial in sorted(found):
        if lock.remove_if_abandoned(partial, files.remove_database):
            removed.append(partial)
    return removed
