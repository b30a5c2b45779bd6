"""An in-memory folder-or-hub for the local core's tests, and one sync run over it.

It keeps the transport contract (sponsor_app/storage/sync/transport.py: `Channel`, `Sealed`,
`Pulled`, `START`, and the methods of `Transport`); the records are kept as opaque bytes, as a
real transport keeps sealed ones.
The run here is a smaller cousin of services/sharing/sync.py (push what the place lacks, pull,
apply, keep the cursor) that the local core's tests drive a page at a time and without sealing.
"""

from __future__ import annotations

import json

from sponsor_app.storage.store import Store
from sponsor_app.storage.sync import replica, versions
from sponsor_app.storage.sync.records import ChangeRecord
from sponsor_app.storage.sync.transport import START, Channel, Kind, Pulled, Sealed


class MemoryTransport:
    """One place, shared by the test's laptops: records in the order they were stored."""

    where = "memory"

    def __init__(self) -> None:
        self.log: list[Sealed] = []
        self.channel: Channel | None = None
        self._seen: dict[str, Sealed] = {}

    def open(self, channel: Channel) -> None:
        if self.channel is None:
            self.channel = channel
        elif self.channel != channel:
            raise ValueError("other_genesis")

    def push(self, records) -> int:
        held = {(r.replica, r.seq) for r in self.log}
        new = [r for r in records if (r.replica, r.seq) not in held]
        self.log.extend(new)
        return len(new)

    def pull(self, cursor: str = START, limit: int = 500) -> Pulled:
        start = int(cursor or 0)
        part = self.log[start : start + limit]
        end = start + len(part)
        return Pulled(tuple(part), str(end), end < len(self.log))

    def highest_seq(self, replica_id: str) -> int:
        return max((r.seq for r in self.log if r.replica == replica_id), default=0)

    def publish_seen(self, record: Sealed) -> None:
        self._seen[record.replica] = record

    def seen(self) -> list[Sealed]:
        return list(self._seen.values())

    def snapshots(self) -> list:
        return []

    def read_snapshot(self, snapshot_id: str) -> list[Sealed]:
        return []

    def compact(self, snapshot_id, chunks, remove) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


def encode(record: ChangeRecord) -> Sealed:
    body = json.dumps(record.to_value(), sort_keys=True).encode("utf-8")
    return Sealed(record.replica, record.seq, Kind.CHANGE, body)


def decode(sealed: Sealed) -> ChangeRecord:
    return ChangeRecord.from_value(json.loads(sealed.body))


def channel_of(store: Store) -> Channel:
    with store.read() as session:
        genesis, key_id = (
            session.connection().exec_driver_sql("SELECT genesis, key_id FROM sync_group").one()
        )
    return Channel(store.group.uuid, key_id, genesis)


def push(store: Store, place: MemoryTransport) -> int:
    """Every record this copy holds that the place lacks (its own, and any it passes on)."""
    pushed = 0
    with store.read() as session:
        connection = session.connection()
        for origin in versions.vector(connection):
            records = versions.records_of(connection, origin, place.highest_seq(origin))
            pushed += place.push([encode(r) for r in records])
    return pushed


def cursor_of(store: Store, place: MemoryTransport) -> str:
    with store.read() as session:
        found = (
            session.connection()
            .exec_driver_sql("SELECT cursor FROM sync_channel WHERE location = ?", (place.where,))
            .first()
        )
    return found[0] if found else START


def pull(store: Store, place: MemoryTransport, limit: int = 500, pages: int | None = None):
    """Apply what the place holds since this copy's cursor (`pages` of `limit` at most). The
    cursor moves only past what was applied or already seen, so records that wait (an
    earlier one missing) are pulled again next time."""
    cursor = cursor_of(store, place)
    reports = []
    while pages is None or pages > 0:
        pulled = place.pull(cursor, limit)
        report = store.apply_records([decode(s) for s in pulled.records])
        reports.append(report)
        if report.waiting or report.newer:
            break
        cursor = pulled.cursor
        with store.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO sync_channel (location, kind, cursor, last_result) VALUES "
                "(?, 'memory', ?, 'ok') ON CONFLICT (location) DO UPDATE SET cursor = "
                "excluded.cursor",
                (place.where, cursor),
            )
        if not pulled.more:
            break
        if pages is not None:
            pages -= 1
    return reports


def sync(store: Store, place: MemoryTransport) -> None:
    place.open(channel_of(store))
    push(store, place)
    pull(store, place)
    push(store, place)


def me(store: Store) -> str:
    with store.read() as session:
        return replica.identity(session.connection()).replica_id


# Replica-local bookkeeping and the log: everything else must be equal on converged copies.
NOT_COMPARED = {
    "change_set",
    "audit_entry",
    "sync_replica",
    "sync_id_counter",
    "sync_channel",
    "alembic_version",
    "sqlite_sequence",
}


def dump(store: Store) -> dict[str, list]:
    """Every table's rows but the replica-local ones, sorted."""
    with store.read() as session:
        connection = session.connection()
        tables = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if row[0] not in NOT_COMPARED
        ]
        return {
            table: sorted(
                (tuple(row) for row in connection.exec_driver_sql(f'SELECT * FROM "{table}"')),
                key=repr,
            )
            for table in tables
        }


def differences(*stores: Store) -> dict[str, list]:
    """The rows not held alike by every store, by table (empty when they converged)."""
    dumps = [dump(store) for store in stores]
    found = {}
    for table in dumps[0]:
        rows = [set(d.get(table, ())) for d in dumps]
        common = set.intersection(*rows)
        odd = [sorted(r - common, key=repr) for r in rows]
        if any(odd):
            found[table] = odd
    return found


def explain(found: dict) -> str:
    """The first differing row of each table, as each copy has it (for a failure message)."""
    lines = []
    for table, sides in found.items():
        first = next(row for side in sides for row in side)
        ident = first[:2]
        lines.append(table)
        for number, side in enumerate(sides):
            lines.append(f"  {number}: {[row for row in side if row[:2] == ident]}")
    return "\n".join(lines)[:4000]
