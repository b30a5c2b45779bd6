"""The dashboard as it was when the group file was last closed, to paint it at once next time.

Start-up is bound by importing SQLAlchemy (about half a second on a small laptop, twice a bare
Qt window). The window paints the saved figures straight away and opens the file behind them.
A snapshot is used only when it cannot be out of date: same file, same size and modification
time (so nothing wrote to it since), same day (overdue and days-since figures move with the
date) and same version of the app. Importing this module loads no database code.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import __version__, clock
from ..locations import data_dir
from .results import DashboardFigures, GroupInfo


@dataclass(frozen=True)
class Snapshot:
    path: str
    size: int
    mtime_ns: int
    day: date
    version: str
    info: GroupInfo
    figures: DashboardFigures


def _snapshot_file(group_file: Path) -> Path:
    key = hashlib.sha256(str(group_file.resolve()).encode()).hexdigest()[:24]
    folder = data_dir() / "snapshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{key}.pickle"


def save_snapshot(group_file: Path, info: GroupInfo, figures: DashboardFigures) -> None:
    """Call after the file is closed (its last write done), so its size and time are final."""
    group_file = Path(group_file)
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
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(pickle.dumps(snapshot, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(partial, target)


def load_snapshot(group_file: Path, today: date | None = None) -> Snapshot | None:
    """The saved dashboard of `group_file` if it is certainly still right, else None."""
    group_file = Path(group_file)
    try:
        stat = group_file.stat()
        wal = Path(f"{group_file}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None  # another process has it open, or it was not closed cleanly
        # Our own cache file in the app's data folder, written by save_snapshot above.
        snapshot = pickle.loads(_snapshot_file(group_file).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    if not isinstance(snapshot, Snapshot):
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
    _snapshot_file(Path(group_file)).unlink(missing_ok=True)
