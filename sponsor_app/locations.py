"""Where the app keeps its own files: data (default group file, backups), settings and logs.

SPONSOR_DESK_HOME points all of them at one folder: tests use it so that they never touch the
real user folders, and it makes a portable install on a USB stick possible.

Every folder here is the user's alone (0700), made so when it is created and put right when an
earlier version left it open to others.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

_DIRS = PlatformDirs("SponsorDesk", appauthor=False)
HOME_VARIABLE = "SPONSOR_DESK_HOME"
GROUP_FILE_SUFFIX = ".sponsor"


def private_folder(folder: Path) -> Path:
    """`folder`, made (with any missing parents) for this user alone."""
    folder = Path(folder)
    if not folder.is_dir():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix" and folder.stat().st_mode & 0o077:
        os.chmod(folder, 0o700)
    return folder


def _folder(kind: str, default: str, create: bool = True) -> Path:
    home = os.environ.get(HOME_VARIABLE)
    place = Path(home) / kind if home else Path(default)
    if not create:
        return place
    if home:
        private_folder(Path(home))
    return private_folder(place)


def data_dir(create: bool = True) -> Path:
    """The app's data folder; `create=False` only says where it is (a read-only disk, or a
    question that must not make it)."""
    return _folder("data", _DIRS.user_data_dir, create)


def config_dir() -> Path:
    return _folder("config", _DIRS.user_config_dir)


def log_dir() -> Path:
    return _folder("logs", _DIRS.user_log_dir)


def backup_dir(create: bool = True) -> Path:
    place = data_dir(create) / "backups"
    return private_folder(place) if create else place


def documents_dir() -> Path:
    """The user's Documents folder (under SPONSOR_DESK_HOME when that is set): where file
    choosers open before a folder was used for that kind of file. Not created here."""
    home = os.environ.get(HOME_VARIABLE)
    return Path(home) / "documents" if home else Path(_DIRS.user_documents_dir)


def default_group_file() -> Path:
    """Where a new group file is offered to be saved when the user has not chosen."""
    return documents_dir() / "Sponsor Desk" / f"My group{GROUP_FILE_SUFFIX}"


def installed_at() -> Path:
    """Where this copy of Sponsor Desk is installed: the folder (or macOS app) of a built app,
    or the source folder the package runs from."""
    import sys

    if getattr(sys, "frozen", False):
        program = Path(sys.executable).resolve()
        for folder in program.parents:  # Sponsor Desk.app/Contents/MacOS/sponsor-desk
            if folder.suffix == ".app":
                return folder
        return program.parent
    return Path(__file__).resolve().parent.parent
