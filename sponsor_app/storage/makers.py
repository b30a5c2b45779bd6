"""Which file made each backup, and the copies made elsewhere: kept per group, in the group's
backups folder (`made-by.json`, owner-only).

Two copies of one group file share the group's id, so the group's backups folder holds the
backups of both. A backup belongs to the file that made it: protecting a file re-protects its
own backups and never another copy's (protecting a test copy once encrypted every backup of
the real file with the test passphrase). A file is known by its path and its identity (device
and inode), either of which finds it: a rename keeps the identity, a rewrite in place (protect,
restore) keeps the path, and both are brought up to date after such a rewrite.

Copies made outside the app's folder (Back Up To, `backup --to`, Save a Copy, a backup restored
as a new file) are listed too, so that protecting the file can say which copies made before
stay readable, and where they are.

Backups older than this record have no maker: they are taken to belong to a file when no other
file of the same group is known on this computer.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import clock

RECORD = "made-by.json"


@dataclass(frozen=True)
class Copy:
    """A copy of a group file made outside the app's folder."""

    path: Path
    made_at: datetime | None


def _record_path(group_id: str, create: bool = False) -> Path:
    from ..locations import backup_dir, private_folder

    folder = backup_dir(create) / group_id
    if create:
        private_folder(folder)
    return folder / RECORD


def _read(group_id: str) -> dict:
    try:
        data = json.loads(_record_path(group_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"backups": {}, "copies": []}
    if not isinstance(data, dict):
        return {"backups": {}, "copies": []}
    backups = data.get("backups") if isinstance(data.get("backups"), dict) else {}
    copies = data.get("copies") if isinstance(data.get("copies"), list) else []
    return {"backups": backups, "copies": copies}


def _write(group_id: str, data: dict) -> None:
    """Written whole (a temporary file renamed into place); a failure only loses the help."""
    from .keys import write_private

    with contextlib.suppress(OSError):
        write_private(_record_path(group_id, create=True), json.dumps(data, indent=1))


def identity_of(path: Path) -> dict:
    """How a file is known: its real path, and its device and inode when it exists."""
    real = Path(path).resolve()
    try:
        facts = os.stat(real)
    except OSError:
        return {"path": str(real)}
    return {"path": str(real), "dev": facts.st_dev, "ino": facts.st_ino}


def _is(maker: object, known: dict) -> bool:
    if not isinstance(maker, dict):
        return False
    if maker.get("path") == known.get("path"):
        return True
    return "ino" in known and (maker.get("dev"), maker.get("ino")) == (
        known.get("dev"),
        known.get("ino"),
    )


def maker_of_backup(group_id: str, backup: Path) -> dict | None:
    return _read(group_id)["backups"].get(Path(backup).name)


def maker_of_source(group_id: str, source: Path) -> dict:
    """Who a copy read from `source` is a copy of: a backup's maker (a backup restored as a
    new file is a copy of the file that made it), else `source` itself."""
    from ..locations import backup_dir

    folder = backup_dir(create=False).resolve()
    real = Path(source).resolve()
    if folder in real.parents:
        found = maker_of_backup(group_id, real)
        if found is not None:
            return found
    return identity_of(real)


def record_backup(group_id: str, backup: Path, maker: Path) -> None:
    data = _read(group_id)
    data["backups"][Path(backup).name] = maker_of_source(group_id, maker)
    _write(group_id, data)


def record_copy(group_id: str, copy: Path, source: Path) -> None:
    data = _read(group_id)
    entry = {
        "path": str(Path(copy).resolve()),
        "of": maker_of_source(group_id, source),
        "at": clock.now().isoformat(),
    }
    data["copies"] = [c for c in data["copies"] if c.get("path") != entry["path"]] + [entry]
    _write(group_id, data)


def forget_copy(group_id: str, copy: Path) -> None:
    data = _read(group_id)
    real = str(Path(copy).resolve())
    data["copies"] = [c for c in data["copies"] if c.get("path") != real]
    _write(group_id, data)


def rewritten(group_id: str, path: Path, before: dict) -> None:
    """`path` was written anew in place (a new inode): what `before` identified is now it."""
    now = identity_of(path)
    data = _read(group_id)
    changed = False
    for name, maker in data["backups"].items():
        if _is(maker, before) or _is(maker, now):
            data["backups"][name] = now
            changed = True
    for copy in data["copies"]:
        if _is(copy.get("of"), before) or _is(copy.get("of"), now):
            copy["of"] = now
            changed = True
    if changed:
        _write(group_id, data)


def made_by(group_id: str, path: Path, names: list[str], others_known: bool) -> list[str]:
    """Of the backups named `names`, those the file at `path` made (and, when no other file of
    the group is known here, those older than this record)."""
    known = identity_of(path)
    backups = _read(group_id)["backups"]
    return [
        name
        for name in names
        if _is(backups.get(name), known) or (name not in backups and not others_known)
    ]


def copies_of(group_id: str, path: Path) -> list[Copy]:
    """The copies of the file at `path` made outside the app's folder that are still there
    (never the file itself), oldest first."""
    known = identity_of(path)
    found = []
    for entry in _read(group_id)["copies"]:
        place = Path(str(entry.get("path", "")))
        if not _is(entry.get("of"), known) or not place.is_file():
            continue
        if _is(identity_of(place), known):
            continue
        try:
            made = datetime.fromisoformat(str(entry.get("at")))
        except ValueError:
            made = None
        found.append(Copy(place, made))
    return found
