"""The dashboard as it was when the group file was last closed, to paint it at once next time.

Start-up is bound by importing SQLAlchemy (about half a second on a small laptop, twice a bare
Qt window). The window paints the saved figures straight away and opens the file behind them.
A snapshot is used only when it cannot be out of date: same file, same size and modification
time (so nothing wrote to it since), same day (overdue and days-since figures move with the
date) and same version of the app. Importing this module loads no database code.

A snapshot lies in the app's data folder, outside the group file, so it holds nothing personal:
figures, dates, household codes and outcome areas, but no one's name, no address, no task
title and not the group's name (those show as "…" until the file is open, half a second
later). None is kept for a protected file, and one whose group file is gone is removed. It is
JSON read into the known result types only, never pickle (which runs whatever code a file
names: anyone able to write the data folder could have run code as the user).
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import json
import os
import secrets
import types
import typing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ... import __version__, clock
from ...locations import data_dir, private_folder
from ..results import (
    DashboardFigures,
    GroupInfo,
    LapsedAssignment,
    LeaseAlert,
    TaskDue,
    VettingAlert,
)

FORMAT = 3  # 3: the dashboard's vetting alerts hold each requirement's standing
HIDDEN = "…"
# Text a person wrote or that names someone: never written into a snapshot.
PERSONAL = {
    GroupInfo: ("name",),
    TaskDue: ("title", "assignee"),
    VettingAlert: ("name",),
    LeaseAlert: ("address",),
    LapsedAssignment: ("title", "volunteer"),
}


@dataclass(frozen=True)
class Snapshot:
    path: str
    size: int
    mtime_ns: int
    day: date
    version: str
    info: GroupInfo
    figures: DashboardFigures


def _folder() -> Path:
    return private_folder(data_dir() / "snapshots")


def _snapshot_file(group_file: Path) -> Path:
    key = hashlib.sha256(str(group_file.resolve()).encode()).hexdigest()[:24]
    return _folder() / f"{key}.json"


def save_snapshot(group_file: Path, info: GroupInfo, figures: DashboardFigures) -> None:
    """Call after the file is closed (its last write done), so its size and time are final.
    A protected file gets none (and loses one it had)."""
    from ...storage.protection import is_protected

    group_file = Path(group_file)
    if is_protected(group_file):
        forget_snapshot(group_file)
        return
    stat = group_file.stat()
    snapshot = Snapshot(
        str(group_file.resolve()),
        stat.st_size,
        stat.st_mtime_ns,
        figures.today,
        __version__,
        info,
        figures,
    )
    target = _snapshot_file(group_file)
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    text = json.dumps({"format": FORMAT, "snapshot": _encode(snapshot)}, ensure_ascii=False)
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def load_snapshot(group_file: Path, today: date | None = None) -> Snapshot | None:
    """The saved dashboard of `group_file` if it is certainly still right, else None."""
    group_file = Path(group_file)
    try:
        stat = group_file.stat()
    except OSError:
        forget_snapshot(group_file)  # the file is gone: so is what was kept about it
        return None
    wal = Path(f"{group_file}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None  # another process has it open, or it was not closed cleanly
    try:
        saved = json.loads(_snapshot_file(group_file).read_text(encoding="utf-8"))
        if saved.get("format") != FORMAT:
            return None
        snapshot = _decode(Snapshot, saved["snapshot"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    fresh = (
        snapshot.path == str(group_file.resolve())
        and snapshot.size == stat.st_size
        and snapshot.mtime_ns == stat.st_mtime_ns
        and snapshot.day == (today or clock.today())
        and snapshot.version == __version__
    )
    return snapshot if fresh else None


def forget_snapshot(group_file: Path) -> None:
    with contextlib.suppress(OSError):
        _snapshot_file(Path(group_file)).unlink(missing_ok=True)


def remove_stale_snapshots() -> int:
    """Remove snapshots whose group file no longer exists, and any from older versions (the
    pickled ones held names). Returns how many went."""
    removed = 0
    with contextlib.suppress(OSError):
        for saved in _folder().iterdir():
            if saved.suffix == ".json":
                try:
                    path = json.loads(saved.read_text(encoding="utf-8"))["snapshot"]["path"]
                    if Path(path).exists():
                        continue
                except (OSError, ValueError, KeyError, TypeError):
                    pass
            saved.unlink(missing_ok=True)
            removed += 1
    return removed


# --- JSON into the known types, and back ---------------------------------------------------------
def _encode(value):
    if dataclasses.is_dataclass(value):
        hidden = PERSONAL.get(type(value), ())
        return {
            f.name: HIDDEN if f.name in hidden else _encode(getattr(value, f.name))
            for f in dataclasses.fields(value)
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    raise TypeError(f"a snapshot cannot hold a {type(value).__name__}")


def _decode(kind, data):
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return None if data is None else _decode(options[0], data)
    if origin is tuple:
        (item, *_rest) = typing.get_args(kind)
        return tuple(_decode(item, v) for v in data)
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return kind(
            **{
                f.name: _decode(hints[f.name], data[f.name])
                for f in dataclasses.fields(kind)
                if f.init and f.name in data
            }
        )
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(data)
    if kind is date:
        return date.fromisoformat(data)
    if kind in (int, str, bool) and isinstance(data, kind):
        return data
    raise TypeError(f"{data!r} is not a {kind}")
