"""`sponsor-app hub init|add-group|status URL`: the umbrella organisation's side of the hub.

URL is the hub administrator's PostgreSQL URL (libpq's: the password from the URL, PGPASSWORD
or the password file; TLS as libpq does it). `add-group` prints the group's own URL once: the
laptops' `sync --hub` and File > Sharing take it as it is.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from .domain.plurals import counted

HUB_ACTIONS = ("init", "add-group", "status")


def add_hub_parser(commands, parser_class) -> None:
    hub = commands.add_parser(
        "hub",
        help="set up a PostgreSQL hub for an umbrella organisation's groups",
        description="The hub is a PostgreSQL database (14 or newer) where a group's laptops "
        "share encrypted change sets. URL is the administrator's connection URL, "
        "postgresql://USER@HOST/DATABASE (a password in PGPASSWORD or ~/.pgpass keeps it out "
        "of the process list).",
    )
    actions = hub.add_subparsers(dest="hub_action", metavar="ACTION", parser_class=parser_class)
    actions.required = True
    init = actions.add_parser("init", help="create the hub's schema, or bring it up to date")
    init.add_argument("url", metavar="URL")
    add = actions.add_parser(
        "add-group", help="create a group's login and print its URL (once: keep it)"
    )
    add.add_argument("url", metavar="URL")
    add.add_argument("--group-file", dest="file", metavar="FILE", required=True)
    add.add_argument(
        "--label", default="", help="a name for the group that only the hub's administrator sees"
    )
    status = actions.add_parser("status", help="list the groups, their laptops and last syncs")
    status.add_argument("url", metavar="URL")


def run_hub_command(args: argparse.Namespace) -> int:
    if args.hub_action == "init":
        return _init(args)
    if args.hub_action == "add-group":
        return _add_group(args)
    return _status(args)


def _init(args) -> int:
    from .hub.admin import init
    from .hub.connection import shown

    revision = init(args.url)
    print(f"The hub at {shown(args.url)} is ready (schema sponsor_hub, revision {revision}).")
    print("Next: sponsor-app hub add-group URL --group-file FILE, once for each group.")
    return 0


def _add_group(args) -> int:
    from .hub.admin import add_group, insecure_transport
    from .hub.connection import parts_of
    from .services.group.groups import group_info, open_to_read

    store = open_to_read(args.file)
    try:
        group = group_info(store)
    finally:
        store.close()
    made = add_group(args.url, group.uuid, args.label.strip())
    if insecure_transport(parts_of(args.url)):
        print(
            "sponsor-app: warning: this hub is reached over the network without sslmode="
            "verify-full, so the server's identity is not checked; add ?sslmode=verify-full "
            "to the URLs.",
            file=sys.stderr,
        )
    print(f"Added the group {group.uuid}. Its laptops sync with this URL (shown only now):")
    print(made.url)
    return 0


def _status(args) -> int:
    from .hub.admin import status

    groups, laptops = status(args.url)
    if not groups:
        print("No groups yet: add one with sponsor-app hub add-group.")
        return 0
    print(f"{counted(len(groups), 'group')}:")
    for group in groups:
        name = group.label or group.group_id
        print(
            f"  {name}: {counted(group.laptops, 'laptop')}, {counted(group.records, 'change set')}"
            f" ({_size(group.bytes)}), last sync {_when(group.last_seen)}"
        )
        for laptop in laptops:
            if laptop.group_id == group.group_id:
                print(f"    laptop {laptop.replica_id[:8]}: synced {_when(laptop.updated_at)}")
    return 0


def _when(moment: datetime | None) -> str:
    return "never" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} kB"
    return f"{count / 1024 / 1024:.1f} MB"
