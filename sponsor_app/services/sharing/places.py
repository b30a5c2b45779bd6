"""The place a group file syncs with, from what a person gave: a folder or a hub's URL.

A folder is checked before anything is written: it must be a folder, and not the group file
or the folder holding it (the live file is never put where records travel). A hub's URL is
checked when it is first reached (storage's SyncProblem: bad_url, unreachable, auth...)."""

from __future__ import annotations

from pathlib import Path

from ...domain.errors import SponsorDeskError
from ...domain.messages import Sharing
from ...storage.sync.folder import FolderTransport
from ...storage.sync.transport import Transport


class NotAPlace(SponsorDeskError):
    """A sharing folder that cannot be one."""


def folder_place(folder: Path | str, group_file: Path | str) -> FolderTransport:
    """The folder as a transport, named by its full path (so the cursor kept for it is the
    same whichever way it was written). Refuses a file, the group file itself; a missing
    folder, a read-only one or one holding the group file are refused when it is opened."""
    given = Path(folder).expanduser()
    where = given.resolve()
    if where.exists() and not where.is_dir():
        if where == Path(group_file).resolve():
            raise NotAPlace(Sharing.FOLDER_IS_FILE(where=str(given)))
        raise NotAPlace(Sharing.NOT_A_FOLDER(where=str(given)))
    return FolderTransport(where, group_file)


def hub_place(url: str) -> Transport:
    from ...hub.transport import HubTransport

    return HubTransport(url)
