"""A change set in and out of its envelope: `ChangeRecord` <-> sealed bytes, and a laptop's
seen record (what it has applied, when, with which version).

Opening verifies every record of a pull before any is applied. A record that does not open is
left out with every record read from the same file (a segment is written whole or not at all,
so one bad record says the whole file cannot be trusted) and named in one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .codec import pack, unpack
from .records import ChangeRecord
from .seal import Header, Keys, open_sealed, seal
from .transport import Channel, Kind, Sealed, SyncCode, SyncProblem


def seal_change(keys: Keys, channel: Channel, record: ChangeRecord) -> Sealed:
    header = Header(
        Kind.CHANGE, channel.group, keys.key_id, record.replica, record.seq, record.schema
    )
    return seal(keys, header, pack(record.to_value()))


@dataclass(frozen=True)
class Opened:
    records: list[ChangeRecord]
    refused: list[SyncProblem]


def open_changes(keys: Keys, channel: Channel, sealed: Sequence[Sealed]) -> Opened:
    """The change records that authenticate and parse; the problems of those that do not
    (with every record of the same file)."""
    good: list[tuple[str, ChangeRecord]] = []
    bad_sources: dict[str, SyncProblem] = {}
    for item in sealed:
        where = item.source or f"the record {item.replica}/{item.seq}"
        if item.source and item.source in bad_sources:
            continue
        try:
            opened = open_sealed(keys, channel.group, item)
            record = ChangeRecord.from_value(unpack(opened.plaintext, where))
            if (record.replica, record.seq) != (item.replica, item.seq):
                raise SyncProblem(SyncCode.MISPLACED, where)
        except SyncProblem as problem:
            bad_sources[item.source or where] = problem
            continue
        except ValueError:
            bad_sources[item.source or where] = SyncProblem(SyncCode.NEWER_SCHEMA, where)
            continue
        good.append((item.source, record))
    records = [record for source, record in good if not (source and source in bad_sources)]
    return Opened(records, list(bad_sources.values()))


def seal_seen(
    keys: Keys, channel: Channel, replica: str, seq: int, schema: str, seen: dict
) -> Sealed:
    """This laptop's seen record: `seen` holds its vector, the time, its version and name."""
    header = Header(Kind.SEEN, channel.group, keys.key_id, replica, seq, schema)
    return seal(keys, header, pack(seen))


def open_seen(keys: Keys, channel: Channel, sealed: Sequence[Sealed]) -> list[dict]:
    """The seen records that open (one that does not is left out: it is replaced whole by its
    laptop's next sync)."""
    found = []
    for item in sealed:
        try:
            value = unpack(open_sealed(keys, channel.group, item).plaintext)
        except SyncProblem:
            continue
        if isinstance(value, dict):
            found.append({**value, "replica": item.replica})
    return found
