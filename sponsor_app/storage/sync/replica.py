"""Which copy of the group file this is: its replica id, taken before it writes anything.

A laptop joins a group by copying the shared file, so a copy must notice it is one and take an
identity of its own (two copies never share one; minting too often is always safe, sharing an
id never is). The file alone cannot tell a copy from the original, so this computer keeps a
small registry, `<data_dir>/replicas/<replica_id>.json`: the path where that replica lives and
how far its own numbering went.

| file vs this computer's registry                                  | action             |
|-------------------------------------------------------------------|--------------------|
| no identity in the file                                           | mint (first)       |
| no registry entry (from a USB stick, another laptop, a backup)    | mint               |
| entry at this path, the file's numbering not behind it            | keep               |
| entry at this path, the file's numbering behind (an older copy)   | mint               |
| entry at another path that still holds this replica (a copy)      | mint               |
| entry at another path that no longer holds it (the file moved)    | keep, note the path|

The inode is not used: protecting a file rewrites it, and FAT or network drives renumber.
A minted copy keeps everything that describes the data (what it has seen, the versions of its
fields, its conflicts) and gets a new id, a new id prefix (random once the file is shared;
storage/sync/ids.py) and its own numbering from 1.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from ... import clock
from ...locations import data_dir, private_folder
from . import hlc
from .ids import MAX_PREFIX
from .seal import Keys, new_group_key


@dataclass(frozen=True)
class Replica:
    replica_id: str
    id_prefix: int
    parent_replica_id: str | None
    next_seq: int
    hlc: int
    laptop_name: str


def identity(connection: Connection) -> Replica | None:
    found = connection.exec_driver_sql(
        "SELECT replica_id, id_prefix, parent_replica_id, next_seq, hlc, laptop_name "
        "FROM sync_replica WHERE id = 1"
    ).first()
    return None if found is None else Replica(*found)


def is_shared(connection: Connection) -> bool:
    return connection.exec_driver_sql("SELECT 1 FROM sync_group").first() is not None


def now_ms() -> int:
    return int(clock.now().timestamp() * 1000)


def mint(connection: Connection) -> Replica:
    """A new identity for this copy, in the caller's transaction."""
    old = identity(connection)
    if old is None or not is_shared(connection):
        # Unshared copies can never exchange change sets (joining means copying the shared
        # file), so they all count from prefix 0, and the ids people see stay short.
        prefix = old.id_prefix if old is not None else 0
    else:
        # 31 random bits: two of a group's laptops drawing the same is about as likely as
        # two of its volunteers sharing a four-digit PIN with a billion others.
        prefix = secrets.randbelow(MAX_PREFIX) + 1
    new = Replica(
        replica_id=str(uuid.uuid4()),
        id_prefix=prefix,
        parent_replica_id=old.replica_id if old else None,
        next_seq=1,
        hlc=old.hlc if old else 0,  # the clock of the data goes on; never back
        laptop_name=platform.node()[:120],
    )
    connection.exec_driver_sql("DELETE FROM sync_replica")
    connection.exec_driver_sql(
        "INSERT INTO sync_replica (id, replica_id, id_prefix, parent_replica_id, next_seq, hlc,"
        " laptop_name) VALUES (1, ?, ?, ?, ?, ?, ?)",
        (
            new.replica_id,
            new.id_prefix,
            new.parent_replica_id,
            new.next_seq,
            new.hlc,
            new.laptop_name,
        ),
    )
    return new


def ensure(connection: Connection) -> Replica:
    """This copy's identity, minted when it has none (a new file's first change set)."""
    return identity(connection) or mint(connection)


def found_group(connection: Connection) -> str:
    """Start sharing this file: the group key and the genesis that every copy made from now
    on carries. Returns the genesis. Refused (ValueError) when it is already shared."""
    if is_shared(connection):
        raise ValueError("this file is already shared")
    me = ensure(connection)
    key = new_group_key()
    genesis = str(uuid.uuid4())
    connection.exec_driver_sql(
        "INSERT INTO sync_group (id, group_key, key_id, genesis, founder_replica, founded_at)"
        " VALUES (1, ?, ?, ?, ?, ?)",
        (
            key,
            Keys(key).key_id,  # derived from the key: seal() refuses a header naming another
            genesis,
            me.replica_id,
            clock.now().replace(tzinfo=None).isoformat(sep=" "),
        ),
    )
    return genesis


# --- this computer's registry -------------------------------------------------------------
def _registry(replica_id: str, create: bool = False) -> Path:
    folder = data_dir(create) / "replicas"
    if create:
        private_folder(folder)
    return folder / f"{replica_id}.json"


def _registered(replica_id: str) -> dict | None:
    try:
        entry = json.loads(_registry(replica_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return entry if isinstance(entry, dict) else None


def register(path: Path, replica: Replica) -> None:
    """Note where this replica lives and how far it numbered (at open, close and sync)."""
    with contextlib.suppress(OSError):  # without it the next open mints again: safe
        target = _registry(replica.replica_id, create=True)
        partial = target.with_name(target.name + ".new")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"path": str(Path(path).resolve()), "next_seq": replica.next_seq}, out)
        os.replace(partial, target)


def _still_holds(place: Path, replica_id: str) -> bool:
    """Does the file at `place` still hold `replica_id`? Unreadable counts as yes: minting
    when unsure is safe."""
    if not place.exists():
        return False
    from ..connect import connect
    from ..driver import DriverError
    from ..errors import PassphraseNeeded

    try:
        connection = connect(place, read_only=True)
    except (DriverError, PassphraseNeeded, OSError):
        return True
    try:
        found = connection.execute("SELECT replica_id FROM sync_replica").fetchone()
        return found is not None and found[0] == replica_id
    except DriverError:
        return True
    finally:
        with contextlib.suppress(DriverError):
            connection.close()


def needs_new_identity(path: Path, replica: Replica | None) -> bool:
    """The decision of the table above, for the file opened at `path`."""
    if replica is None:
        return True
    entry = _registered(replica.replica_id)
    if entry is None:
        return True
    here = str(Path(path).resolve())
    if entry.get("path") == here:
        return replica.next_seq < int(entry.get("next_seq", 0))
    return _still_holds(Path(str(entry.get("path"))), replica.replica_id)


def settle(connection: Connection, path: Path) -> Replica:
    """Run at open, after migration and before any write, in one short transaction: keep this
    file's identity or mint a new one, and register it."""
    current = identity(connection)
    if needs_new_identity(path, current):
        current = mint(connection)
    return current


def advance_clock(connection: Connection, stamp: int) -> None:
    connection.exec_driver_sql("UPDATE sync_replica SET hlc = ? WHERE id = 1", (stamp,))


def tick(connection: Connection, remote: int | None = None) -> int:
    """The next stamp of this copy's clock (past `remote` when applying a record)."""
    last = identity(connection).hlc
    stamp = hlc.send(last, now_ms()) if remote is None else hlc.receive(last, remote, now_ms())
    advance_clock(connection, stamp)
    return stamp
