"""Which group each file this computer opened holds, remembered (in the backups folder) for
when a file cannot be read any more: its backups can still be found by the group's id."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from ..locations import backup_dir


def _known_file(create: bool = False) -> Path:
    return backup_dir(create) / "known-files.json"


def remember_group(path: Path, group_id: str) -> None:
    """Note which group the file at `path` holds, so that if it is damaged beyond reading, its
    backups can still be found by the group's id."""
    key = str(Path(path).resolve())
    known = _known()
    if known.get(key) == group_id:
        return
    known[key] = group_id
    with contextlib.suppress(OSError):  # only a help for later: never worth a failed open
        target = _known_file(create=True)
        partial = target.with_name(target.name + ".new")
        partial.write_text(json.dumps(known), encoding="utf-8")
        os.replace(partial, target)


def remembered_group(path: Path) -> str | None:
    return _known().get(str(Path(path).resolve()))


def other_known_files(group_id: str, path: Path) -> list[Path]:
    """Other files of the same group this computer has opened that are still there."""
    mine = str(Path(path).resolve())
    return [
        Path(place)
        for place, group in _known().items()
        if group == group_id and place != mine and Path(place).is_file()
    ]


def _known() -> dict[str, str]:
    try:
        known = json.loads(_known_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}
