"""`sponsor-app sync FILE --folder DIR | --hub URL`: one sync of a group file, no window.

The first sync of a file not shared yet starts sharing it (this laptop is the group's first);
every other laptop joins by copying the shared file. Exit status: 0 synced; 1 synced, but some
records could not be applied (each named on stderr: damaged, or from a newer Sponsor Desk);
2 nothing was synced (the folder or hub refused or could not be reached, the file could not be
opened), with one line on stderr saying why.
"""

from __future__ import annotations

import argparse
import sys

EXIT_SYNCED = 0
EXIT_PARTLY = 1
EXIT_NOT_SYNCED = 2


def add_sync_parser(commands) -> None:
    sync = commands.add_parser(
        "sync",
        help="exchange change sets with the group's other laptops (a shared folder or a hub)",
        description="Send the change sets the folder or hub lacks and apply those of the other "
        "laptops. The first sync of a file starts sharing it; another laptop joins by copying "
        "the shared file (never put the group file itself in the shared folder).",
        epilog="Exit status: 0 synced; 1 synced, but some change sets could not be applied "
        "(named on stderr); 2 nothing was synced (one line on stderr says why).",
    )
    sync.add_argument("file", type=_path, metavar="FILE")
    where = sync.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--folder",
        metavar="DIR",
        help="a shared folder: a USB stick, a network drive, a cloud folder",
    )
    where.add_argument(
        "--hub", metavar="URL", help="the group's hub URL, as sponsor-app hub add-group printed it"
    )


def _path(text: str):
    from pathlib import Path

    return Path(text)


def run_sync_command(args: argparse.Namespace) -> int:
    from .domain.messages import Sharing, english
    from .services.group.groups import open_group
    from .services.sharing.places import folder_place, hub_place
    from .services.sharing.share import is_shared, share_file
    from .services.sharing.sync import sync

    place = folder_place(args.folder, args.file) if args.folder else hub_place(args.hub)
    with open_group(args.file) as store:
        if is_shared(store):
            result = sync(store, place)
        else:
            shared = share_file(store, place)
            result = shared.first_sync
            print(english(Sharing.STARTED(path=args.file)))
            if shared.plain:
                _warn(english(Sharing.PLAIN_FILE(path=args.file)))
    print(english(Sharing.SYNCED(path=args.file, where=result.where)))
    for message in result.messages():
        print(f"  {english(message)}")
    for problem in result.refused:
        _warn(str(problem))
    return EXIT_PARTLY if result.refused or result.newer else EXIT_SYNCED


def _warn(text: str) -> None:
    from .domain.words import printable

    print(f"sponsor-app: warning: {printable(text)}", file=sys.stderr)
