"""The contract between a sync and where records travel: a shared folder or a PostgreSQL hub.

A transport moves sealed bytes and never opens them: it holds no key, and everything it stores
is a `Sealed` record made by `seal.py`. What a record means (a change set, a snapshot chunk,
a laptop's seen record) is the local core's business; the transport only keeps each one under
its (replica, seq) and hands it back.

Every problem a person may meet is a `SyncProblem` with a `SyncCode`; it carries the message of
the same name from the catalogue (domain/messages/sharing.py), and `str()` is its English.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable

from ...domain.errors import SponsorDeskError
from ...domain.messages import Sharing


class Kind(StrEnum):
    """What a sealed record is: one change set, one chunk of a compacted snapshot, or one
    laptop's seen record (its version vector, time, version and laptop name)."""

    CHANGE = "change"
    SNAPSHOT = "snapshot"
    SEEN = "seen"


@dataclass(frozen=True)
class Channel:
    """What a folder or hub must hold for this group: its id (the group profile's uuid), the
    id of its sharing key (`seal.Keys.key_id`) and the uuid minted when sharing started."""

    group: str
    key_id: str
    genesis: str


@dataclass(frozen=True)
class Sealed:
    """One record as it travels. `replica` and `seq` are where the transport keeps it (a file
    name, hub columns); the sealed header repeats them and `seal.open_sealed` refuses a
    record whose header disagrees. For a snapshot chunk `seq` is the chunk's number (1...);
    for a seen record it is the laptop's own choice (its last seq). `source` names where it
    was read (for a one-line refusal), and is empty for a record not yet stored."""

    replica: str
    seq: int
    kind: Kind
    body: bytes
    source: str = field(default="", compare=False)


@dataclass(frozen=True)
class Pulled:
    """Records stored since a cursor, and the cursor to pull from next time. `more` says the
    limit cut the answer short: pull again with the new cursor. Records may repeat ones seen
    before (a re-pushed segment, a rewritten one): the caller skips a (replica, seq) it has.
    `refused` names files that could not be read as records (cut short while a cloud client
    still copies them, damaged): nothing of them is in `records`, the cursor does not pass
    them, so the next pull tries them again."""

    records: tuple[Sealed, ...]
    cursor: str
    more: bool
    refused: tuple[SyncProblem, ...] = ()


@dataclass(frozen=True)
class SnapshotInfo:
    snapshot_id: str
    chunks: int
    size: int  # bytes, all chunks


START = ""  # the cursor of a laptop that has pulled nothing yet


@runtime_checkable
class Transport(Protocol):
    """A folder or a hub, as a sync sees it. Every method raises SyncProblem for what a person
    can act on (unreachable, refused, read-only, full) and changes nothing when it does."""

    where: str  # the folder's path or the hub's address without its password, for messages

    def open(self, channel: Channel) -> None:
        """Check the place belongs to this channel, setting it up on first use. Refuses
        (foreign_group, other_genesis, other_key, newer_schema, hub_newer, ...) before anything
        is written. Every other method needs it first."""

    def push(self, records: Sequence[Sealed]) -> int:
        """Store change records of one replica; return how many were new. Idempotent: a
        (replica, seq) already stored, or removed by a compaction, is skipped, so a push
        killed before it was marked sent is simply made again."""

    def pull(self, cursor: str = START, limit: int = 500) -> Pulled:
        """Change records stored since `cursor` (START: all), about `limit` at most."""

    def highest_seq(self, replica: str) -> int:
        """The highest seq of `replica` this place ever stored (0: none), compacted ones
        included: a file whose next seq is not above it is a rolled-back copy."""

    def publish_seen(self, record: Sealed) -> None:
        """Replace this replica's seen record (kind SEEN) in one step."""

    def seen(self) -> list[Sealed]:
        """Every replica's latest seen record, this one's included."""

    def snapshots(self) -> list[SnapshotInfo]:
        """The snapshots that compactions left, oldest first."""

    def read_snapshot(self, snapshot_id: str) -> list[Sealed]:
        """A snapshot's chunks (kind SNAPSHOT), in order."""

    def compact(
        self, snapshot_id: str, chunks: Sequence[Sealed], remove: Collection[tuple[str, int]]
    ) -> None:
        """Store a snapshot and remove the records (replica, seq) it replaces, as one step for
        every reader: a reader sees the snapshot before any record is gone. Removed records
        never come back, even when pushed again. Doing the same compaction twice (two laptops
        at once) is harmless."""

    def close(self) -> None: ...


# --- problems ---------------------------------------------------------------------------------
class SyncCode(StrEnum):
    TAMPERED = "tampered"  # authentication failed: edited, damaged, or not a record at all
    CUT_SHORT = "cut_short"  # a record or file ends early (a copy still arriving, a full disk)
    FOREIGN_GROUP = "foreign_group"  # sealed for, or the place belongs to, another group
    OTHER_KEY = "other_key"  # this group, but another sharing key (sharing started again)
    OTHER_GENESIS = "other_genesis"  # the place holds this group shared from another copy
    MISPLACED = "misplaced"  # a header that disagrees with where the record was kept
    NEWER_SCHEMA = "newer_schema"  # written by a newer Sponsor Desk (format or folder layout)
    HUB_NEWER = "hub_newer"  # the hub's schema is newer than this Sponsor Desk knows
    NOT_A_HUB = "not_a_hub"  # the database has no Sponsor Desk hub (hub init not run)
    NOT_A_GROUP = "not_a_group"  # the URL's role is no group of this hub
    ADMIN_URL = "admin_url"  # the administrator's URL where a group's URL belongs
    BAD_URL = "bad_url"  # not a PostgreSQL connection URL
    UNREACHABLE = "unreachable"  # server down, network gone, timed out, connection dropped
    AUTH = "auth"  # wrong password or user, or TLS refused
    FOLDER_UNWRITABLE = "folder_unwritable"
    FOLDER_FULL = "folder_full"
    FOLDER_MISSING = "folder_missing"  # not there (a USB stick not plugged in)
    FOLDER_HOLDS_FILE = "folder_holds_file"  # the sharing folder is, or holds, the group file


class SyncProblem(SponsorDeskError):
    """Something about a folder, a hub or a record that a person can act on. `code` says what,
    `where` names the place or the record's file."""

    def __init__(self, code: SyncCode, where: str):
        self._code = code
        self.where = where
        # Worded from the catalogue (domain/messages/sharing.py): the code's name is its key.
        super().__init__(Sharing[code.name](where=where))

    @property
    def code(self) -> SyncCode:  # a property: the catalogue's errors name their code so too
        return self._code
