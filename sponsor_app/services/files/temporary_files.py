"""Temporary files in the app's own private folder, gone when the process ends, crash or not.

Libraries write temporary files where `tempfile` says (openpyxl streams a whole export through
one): left in /tmp, a failed export would leave the roster there for anyone to read. Each
process gets its own owner-only folder under the app's data folder instead; it is removed when
the process exits (normally or by an error), and a folder a killed process left is removed the
next time Sponsor Desk starts. A marker held locked while the process lives tells the two apart.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import secrets
import shutil
import tempfile
from pathlib import Path

from ...locations import data_dir, private_folder

_FOLDER: Path | None = None
_MARKER: int | None = None


def temporary_root() -> Path:
    return private_folder(data_dir() / "tmp")


def use_private_temporary_folder() -> Path:
    """Make this process's temporary files go into its own private folder (once)."""
    global _FOLDER, _MARKER
    from ...storage import lock

    if _FOLDER is not None and _FOLDER.is_dir():
        return _FOLDER
    root = temporary_root()
    remove_abandoned(root)
    folder = root / f"{os.getpid()}-{secrets.token_hex(4)}"
    # Marked live before it exists: another start cleaning up at this moment would otherwise
    # take a folder made but not yet marked for a dead process's, and remove it.
    _MARKER = lock.hold(folder)
    folder.mkdir(mode=0o700)
    _FOLDER = folder
    tempfile.tempdir = str(folder)
    atexit.register(_remove_ours)
    return folder


def prepare_app_folder(command: str, writes: bool) -> None:
    """At the start of a command: clear what killed processes left, and give this process a
    private temporary folder. A command that only reads goes ahead without the app's folder
    when it cannot be written (a read-only disk); one that `writes` says which folder it
    cannot write."""
    from ...storage.errors import AppFolderUnwritable
    from ...storage.leftovers import clean_partials

    clean_partials()
    try:
        use_private_temporary_folder()
        if writes:
            tempfile.TemporaryFile(dir=data_dir()).close()  # can it be written at all?
    except OSError as error:
        if writes:
            raise AppFolderUnwritable(data_dir(create=False), error, command) from None
        use_folder_outside_the_app()


def use_folder_outside_the_app() -> Path:
    """When the app's own folder cannot be written (a read-only disk), a command that only
    reads still needs somewhere private: a folder of this user's alone (0700) in the system's
    temporary folder, removed when the process ends."""
    global _FOLDER
    if _FOLDER is not None and _FOLDER.is_dir():
        return _FOLDER
    tempfile.tempdir = None
    folder = Path(tempfile.mkdtemp(prefix="sponsor-desk-"))
    _FOLDER = folder
    tempfile.tempdir = str(folder)
    atexit.register(_remove_ours)
    return folder


def _remove_ours() -> None:
    global _FOLDER, _MARKER
    from ...storage import lock

    if _FOLDER is None:
        return
    shutil.rmtree(_FOLDER, ignore_errors=True)
    if _MARKER is not None:
        lock.let_go(_FOLDER, _MARKER)
    if tempfile.tempdir == str(_FOLDER):
        tempfile.tempdir = None
    _FOLDER, _MARKER = None, None


def remove_abandoned(root: Path) -> list[Path]:
    """Remove the folders of processes that are gone (never a live one's)."""
    from ...storage import lock

    removed = []
    with contextlib.suppress(OSError):
        for folder in root.iterdir():
            if folder.is_dir() and lock.remove_if_abandoned(
                folder, lambda p: shutil.rmtree(p, ignore_errors=True)
            ):
                removed.append(folder)
            elif folder.suffix == ".lock" and not folder.with_suffix("").exists():
                lock.remove_if_abandoned(folder.with_suffix(""))  # killed before unmarking
    return removed


def remove_temporary_files(prefix: str) -> None:
    """Remove what a library left in this process's private folder under `prefix` (a failed
    export's streamed rows): never anything outside it."""
    if _FOLDER is None or tempfile.tempdir != str(_FOLDER):
        return
    for leftover in _FOLDER.glob(f"{prefix}*"):
        with contextlib.suppress(OSError):
            leftover.unlink()
