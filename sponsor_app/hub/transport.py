"""The hub as a transport: a group's login on the hub's PostgreSQL database.

Row-level security keeps the login to its group's rows, so nothing here names the group in a
WHERE clause: `my_group()` fills group_id on insert, and reads see only the group's rows.

A push is one transaction that first locks the group's row: one group's pushes take turns, so
hub_seq (the order of arrival, dense) is also the order of commit, and a pull's cursor (the last
hub_seq read) never skips a push that committed late. A push cut off (a kill, a dropped
connection, the server stopping) never commits: none of it is seen.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import psycopg

from ..storage.sync.transport import (
    START,
    Channel,
    Kind,
    Pulled,
    Sealed,
    SnapshotInfo,
    SyncCode,
    SyncProblem,
)
from . import HEAD, SCHEMA
from .connection import connect, named_failures, schema_revision, shown

S = SCHEMA


class HubTransport:
    def __init__(self, url: str):
        self._url = url
        self.where = shown(url)
        self._connection: psycopg.Connection | None = None

    # --- the channel ----------------------------------------------------------------------
    def open(self, channel: Channel) -> None:
        connection = connect(self._url)
        try:
            with named_failures(self._url), connection.transaction():
                self._check(connection, channel)
        except BaseException:
            connection.close()
            raise
        self._connection = connection

    def _check(self, connection: psycopg.Connection, channel: Channel) -> None:
        revision = schema_revision(connection)
        if revision is None:
            raise SyncProblem(SyncCode.NOT_A_HUB, self.where)
        if revision > HEAD:
            raise SyncProblem(SyncCode.HUB_NEWER, self.where)
        if _is_administrator(connection):
            raise SyncProblem(SyncCode.ADMIN_URL, self.where)
        row = connection.execute(
            f"SELECT group_id::text, genesis::text, key_id FROM {S}.hub_group"
        ).fetchone()
        if row is None:
            raise SyncProblem(SyncCode.NOT_A_GROUP, self.where)
        group, genesis, key_id = row
        if group != channel.group:
            raise SyncProblem(SyncCode.FOREIGN_GROUP, self.where)
        if genesis is None:  # the group's first laptop to sync names the channel
            connection.execute(
                f"UPDATE {S}.hub_group SET genesis = %s, key_id = %s WHERE genesis IS NULL",
                (channel.genesis, channel.key_id),
            )
        elif genesis != channel.genesis:
            raise SyncProblem(SyncCode.OTHER_GENESIS, self.where)
        elif key_id != channel.key_id:
            raise SyncProblem(SyncCode.OTHER_KEY, self.where)

    @property
    def connection(self) -> psycopg.Connection:
        if self._connection is None:
            raise RuntimeError("open the channel first")
        return self._connection

    # --- change records -------------------------------------------------------------------
    def push(self, records: Sequence[Sealed]) -> int:
        if not records:
            return 0
        if len({r.replica for r in records}) != 1 or any(
            r.kind is not Kind.CHANGE for r in records
        ):
            raise ValueError("a push carries change records of one replica (its own)")
        replica = records[0].replica
        unique = {r.seq: r for r in records}
        with named_failures(self._url), self.connection.transaction():
            connection = self.connection
            # The group's row lock: pushes of one group take turns (see the module's note).
            (next_seq,) = connection.execute(
                f"SELECT next_hub_seq FROM {S}.hub_group FOR UPDATE"
            ).fetchone()
            held = {
                seq
                for (seq,) in connection.execute(
                    f"SELECT seq FROM {S}.hub_record WHERE replica_id = %(r)s "
                    f"AND seq = ANY(%(s)s) UNION SELECT seq FROM {S}.hub_removed "
                    f"WHERE replica_id = %(r)s AND seq = ANY(%(s)s)",
                    {"r": replica, "s": list(unique)},
                )
            }
            new = [unique[seq] for seq in sorted(unique) if seq not in held]
            if not new:
                return 0
            connection.execute(
                f"INSERT INTO {S}.hub_record (group_id, replica_id, seq, hub_seq, body) "
                f"SELECT {S}.my_group(), %s, seq, hub_seq, body "
                "FROM unnest(%s::bigint[], %s::bigint[], %s::bytea[]) AS t(seq, hub_seq, body)",
                (
                    replica,
                    [r.seq for r in new],
                    list(range(next_seq, next_seq + len(new))),
                    [r.body for r in new],
                ),
            )
            connection.execute(
                f"UPDATE {S}.hub_group SET next_hub_seq = %s", (next_seq + len(new),)
            )
        return len(new)

    def pull(self, cursor: str = START, limit: int = 500) -> Pulled:
        after = _read_cursor(cursor)
        with named_failures(self._url), self.connection.transaction():
            rows = self.connection.execute(
                f"SELECT replica_id::text, seq, body, hub_seq FROM {S}.hub_record "
                "WHERE hub_seq > %s ORDER BY hub_seq LIMIT %s",
                (after, limit),
            ).fetchall()
        found = tuple(
            Sealed(replica, seq, Kind.CHANGE, bytes(body), f"{self.where} record {hub_seq}")
            for replica, seq, body, hub_seq in rows
        )
        last = rows[-1][3] if rows else after
        return Pulled(found, str(last) if last else START, len(rows) >= limit)

    def highest_seq(self, replica: str) -> int:
        with named_failures(self._url), self.connection.transaction():
            (highest,) = self.connection.execute(
                f"SELECT greatest((SELECT max(seq) FROM {S}.hub_record WHERE replica_id = %(r)s), "
                f"(SELECT max(seq) FROM {S}.hub_removed WHERE replica_id = %(r)s))",
                {"r": replica},
            ).fetchone()
        return int(highest or 0)

    # --- seen records ---------------------------------------------------------------------
    def publish_seen(self, record: Sealed) -> None:
        if record.kind is not Kind.SEEN:
            raise ValueError("publish a seen record")
        with named_failures(self._url), self.connection.transaction():
            self.connection.execute(
                f"INSERT INTO {S}.hub_replica (group_id, replica_id, seq, body) "
                f"VALUES ({S}.my_group(), %s, %s, %s) ON CONFLICT (group_id, replica_id) "
                "DO UPDATE SET seq = excluded.seq, body = excluded.body, updated_at = now()",
                (record.replica, record.seq, record.body),
            )

    def seen(self) -> list[Sealed]:
        with named_failures(self._url), self.connection.transaction():
            rows = self.connection.execute(
                f"SELECT replica_id::text, seq, body FROM {S}.hub_replica ORDER BY replica_id"
            ).fetchall()
        return [
            Sealed(replica, seq, Kind.SEEN, bytes(body), f"{self.where} seen {replica}")
            for replica, seq, body in rows
        ]

    # --- snapshots ------------------------------------------------------------------------
    def snapshots(self) -> list[SnapshotInfo]:
        with named_failures(self._url), self.connection.transaction():
            rows = self.connection.execute(
                f"SELECT snapshot_id, count(*), sum(size) FROM {S}.hub_snapshot "
                "GROUP BY snapshot_id ORDER BY min(stored_at), snapshot_id"
            ).fetchall()
        return [SnapshotInfo(name, chunks, int(size)) for name, chunks, size in rows]

    def read_snapshot(self, snapshot_id: str) -> list[Sealed]:
        with named_failures(self._url), self.connection.transaction():
            rows = self.connection.execute(
                f"SELECT replica_id::text, chunk, body FROM {S}.hub_snapshot "
                "WHERE snapshot_id = %s ORDER BY chunk",
                (snapshot_id,),
            ).fetchall()
        where = f"{self.where} snapshot {snapshot_id}"
        return [Sealed(r, chunk, Kind.SNAPSHOT, bytes(body), where) for r, chunk, body in rows]

    def compact(
        self, snapshot_id: str, chunks: Sequence[Sealed], remove: Collection[tuple[str, int]]
    ) -> None:
        with named_failures(self._url), self.connection.transaction():
            connection = self.connection
            connection.execute(f"SELECT 1 FROM {S}.hub_group FOR UPDATE")
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {S}.hub_snapshot (group_id, snapshot_id, chunk, replica_id, "
                    f"body) VALUES ({S}.my_group(), %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    [(snapshot_id, c.seq, c.replica, c.body) for c in chunks],
                )
            removing = sorted(remove)
            connection.execute(
                f"INSERT INTO {S}.hub_removed (group_id, replica_id, seq, snapshot_id) "
                f"SELECT {S}.my_group(), r, s, %s FROM unnest(%s::uuid[], %s::bigint[]) "
                "AS t(r, s) ON CONFLICT DO NOTHING",
                (snapshot_id, [r for r, _ in removing], [s for _, s in removing]),
            )
            connection.execute(
                f"DELETE FROM {S}.hub_record h USING unnest(%s::uuid[], %s::bigint[]) "
                "AS t(r, s) WHERE h.replica_id = t.r AND h.seq = t.s",
                ([r for r, _ in removing], [s for _, s in removing]),
            )

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _is_administrator(connection: psycopg.Connection) -> bool:
    """A superuser or the hub schema's owner: its reads pass row-level security, so a laptop
    using it would see (and write) every group's log."""
    return bool(
        connection.execute(
            "SELECT r.rolsuper OR r.rolbypassrls OR n.nspowner = r.oid "
            "FROM pg_roles r, pg_namespace n WHERE r.rolname = session_user AND n.nspname = %s",
            (S,),
        ).fetchone()[0]
    )


def _read_cursor(cursor: str) -> int:
    if cursor == START:
        return 0
    if not cursor.isdigit():
        raise ValueError("not a hub's cursor")
    return int(cursor)
