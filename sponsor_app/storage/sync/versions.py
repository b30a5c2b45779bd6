"""Every change set is a record of the laptop that made it; this keeps what each copy has seen.

A copy numbers its own change sets 1, 2, 3... without gaps, so a **version vector**
{replica: highest seq applied} says exactly what it has seen. A write (replica, seq) is
**covered** by a record whose vector (its `deps`) has seen it.

For every field this copy keeps the writes its value came from (`sync_field`): one normally,
several when two laptops wrote it without seeing each other's write (the value shown is the
one of the largest (hlc, replica); the others wait in `sync_conflict`). `sync_row` keeps each
row's insert version and, once it is deleted, the delete's version and its last values.
All of it is a function of the set of records seen, so copies that have seen the same ones
hold the same bookkeeping, whatever order the records came in.

Local writes: `record_local` runs as a change set closes (storage/changesets.py), in its
transaction; it costs a few statements per row touched.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection

from ..changesets import net_changes
from . import replica as replicas
from .policy import DERIVED_FIELDS
from .records import ChangeRecord, RowImage, key_text

GENESIS = ("", 0, 0)  # (replica, seq, hlc) of whatever a row held before versions were kept


def _dumps(value) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True)


# --- the version vector -------------------------------------------------------------------
def vector(connection: Connection) -> dict[str, int]:
    return dict(connection.exec_driver_sql("SELECT replica, seq FROM sync_vector").all())


def bump_vector(connection: Connection, replica: str, seq: int) -> None:
    connection.exec_driver_sql(
        "INSERT INTO sync_vector (replica, seq) VALUES (?, ?) "
        "ON CONFLICT (replica) DO UPDATE SET seq = max(seq, excluded.seq)",
        (replica, seq),
    )


# --- field and row versions ---------------------------------------------------------------
def field_writes(connection: Connection, table: str, row_key: str, column: str) -> list[tuple]:
    """[(hlc, replica, seq, value JSON)] of the writes the field's value came from."""
    return [
        tuple(row)
        for row in connection.exec_driver_sql(
            "SELECT hlc, replica, seq, value FROM sync_field WHERE table_name = ? AND "
            "row_key = ? AND column_name = ?",
            (table, row_key, column),
        )
    ]


def set_field_writes(
    connection: Connection, table: str, row_key: str, column: str, writes: list[tuple]
) -> None:
    connection.exec_driver_sql(
        "DELETE FROM sync_field WHERE table_name = ? AND row_key = ? AND column_name = ?",
        (table, row_key, column),
    )
    for hlc, replica, seq, value in writes:
        connection.exec_driver_sql(
            "INSERT INTO sync_field (table_name, row_key, column_name, replica, seq, hlc, value)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (table, row_key, column, replica, seq, hlc, value),
        )


def row_state(connection: Connection, table: str, row_key: str) -> tuple | None:
    """(insert_hlc, insert_replica, insert_seq, deleted_hlc, deleted_replica, deleted_seq,
    last_values) of the row, or None when no version of it was kept (rows older than sharing)."""
    found = connection.exec_driver_sql(
        "SELECT insert_hlc, insert_replica, insert_seq, deleted_hlc, deleted_replica, "
        "deleted_seq, last_values FROM sync_row WHERE table_name = ? AND row_key = ?",
        (table, row_key),
    ).first()
    return None if found is None else tuple(found)


def mark_inserted(
    connection: Connection, table: str, row_key: str, version: tuple[int, str, int]
) -> None:
    """The row (again) exists since `version` (hlc, replica, seq): its fields start there."""
    hlc, replica, seq = version
    connection.exec_driver_sql(
        "INSERT INTO sync_row (table_name, row_key, insert_hlc, insert_replica, insert_seq) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (table_name, row_key) DO UPDATE SET "
        "insert_hlc = excluded.insert_hlc, insert_replica = excluded.insert_replica, "
        "insert_seq = excluded.insert_seq, deleted_hlc = NULL, deleted_replica = NULL, "
        "deleted_seq = NULL, last_values = NULL",
        (table, row_key, hlc, replica, seq),
    )
    forget_fields(connection, table, row_key)
    drop_conflicts(connection, table, row_key, kind="edit_delete")


DELETES = ""  # sync_field's column name for a tombstoned row's deletes


def mark_deleted(
    connection: Connection,
    table: str,
    row_key: str,
    version: tuple[int, str, int],
    last_values: dict | None,
    covers=None,
    cascaded_too: bool = False,
) -> None:
    """A tombstone: the delete stands against every write that had not seen it. Deletes made
    at once on several laptops are all kept (`covers(replica, seq)` says which earlier ones
    the new delete had seen; None: all), so a later restore must have seen every one.
    `cascaded_too`: a delete that had seen every edit of the row also ends the deletes a
    parent's cascade left on it (no values of their own), which stood only against those
    edits (a copy that had this delete first never made them)."""
    hlc, replica, seq = version
    kept = [
        w
        for w in field_writes(connection, table, row_key, DELETES)
        if covers is not None and not covers(w[1], w[2]) and not (cascaded_too and w[3] is None)
    ]
    forget_fields(connection, table, row_key)
    drop_conflicts(connection, table, row_key, kind="field")
    entry = (hlc, replica, seq, None if last_values is None else _dumps(last_values))
    set_deletes(connection, table, row_key, sorted({*kept, entry}))


def set_deletes(connection: Connection, table: str, row_key: str, deletes: list[tuple]) -> None:
    """Store a tombstoned row's deletes; the row shows the latest one and its last values."""
    set_field_writes(connection, table, row_key, DELETES, deletes)
    hlc, replica, seq, values = max(deletes, key=lambda w: (w[0], w[1]))
    connection.exec_driver_sql(
        "INSERT INTO sync_row (table_name, row_key, insert_hlc, insert_replica, insert_seq, "
        "deleted_hlc, deleted_replica, deleted_seq, last_values) VALUES (?, ?, 0, '', 0, ?, ?, "
        "?, ?) ON CONFLICT (table_name, row_key) DO UPDATE SET deleted_hlc = excluded."
        "deleted_hlc, deleted_replica = excluded.deleted_replica, deleted_seq = excluded."
        "deleted_seq, last_values = excluded.last_values",
        (table, row_key, hlc, replica, seq, values),
    )


def deletes_of(connection: Connection, table: str, row_key: str) -> list[tuple]:
    return field_writes(connection, table, row_key, DELETES)


def forget_fields(connection: Connection, table: str, row_key: str) -> None:
    connection.exec_driver_sql(
        "DELETE FROM sync_field WHERE table_name = ? AND row_key = ?", (table, row_key)
    )


def drop_conflicts(
    connection: Connection, table: str, row_key: str, column: str | None = None, kind="field"
) -> None:
    sql = "DELETE FROM sync_conflict WHERE table_name = ? AND row_key = ? AND kind = ?"
    params: tuple = (table, row_key, kind)
    if column is not None:
        sql += " AND column_name = ?"
        params += (column,)
    connection.exec_driver_sql(sql, params)


# --- local writes ---------------------------------------------------------------------------
def record_local(connection: Connection, change_set_id: int) -> tuple[str, int]:
    """Make the closing change set this copy's next record: number it, stamp it, note what it
    had seen, and set the versions of every row and field it wrote. Returns (replica, seq)."""
    me = replicas.ensure(connection)
    seq = me.next_seq
    stamp = replicas.tick(connection)
    deps = vector(connection)
    connection.exec_driver_sql("UPDATE sync_replica SET next_seq = ? WHERE id = 1", (seq + 1,))
    connection.exec_driver_sql(
        "UPDATE change_set SET origin_replica = ?, origin_seq = ?, hlc = ?, deps = ?, native = 1"
        " WHERE id = ?",
        (me.replica_id, seq, stamp, _dumps(deps), change_set_id),
    )
    bump_vector(connection, me.replica_id, seq)
    if not replicas.is_shared(connection):
        # Every copy of a group is copied from the founded file (joining means copying it), so
        # what was written before founding is every copy's common start: its rows need no
        # versions (GENESIS). Skipping them keeps a 100,000-row import of an unshared file as
        # fast as before sharing existed.
        return me.replica_id, seq
    _set_versions(connection, change_set_id, (stamp, me.replica_id, seq))
    return me.replica_id, seq


def _set_versions(connection: Connection, change_set_id: int, version: tuple) -> None:
    """The versions of every row and field the change set wrote, in a few batched statements
    (an import writes 100,000 rows in one change set)."""
    stamp, replica, seq = version
    inserted, settled, fields = [], [], []
    for (table, key), change in net_changes(connection, change_set_id).items():
        row_key = key_text(key)
        if change.after is None:
            mark_deleted(connection, table, row_key, version, change.before)
        elif change.before is None:
            inserted.append((table, row_key))
        else:
            for column, value in change.after.items():
                if (table, column) in DERIVED_FIELDS:
                    continue  # made again from the other fields on every copy, never merged
                if change.before.get(column) != value:
                    # The person saw the value they changed: their write settles the field.
                    settled.append((table, row_key, column))
                    fields.append((table, row_key, column, replica, seq, stamp, _dumps(value)))
    run = connection.exec_driver_sql
    if inserted:  # as mark_inserted, for many rows
        run(
            "INSERT INTO sync_row (table_name, row_key, insert_hlc, insert_replica, insert_seq) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (table_name, row_key) DO UPDATE SET "
            "insert_hlc = excluded.insert_hlc, insert_replica = excluded.insert_replica, "
            "insert_seq = excluded.insert_seq, deleted_hlc = NULL, deleted_replica = NULL, "
            "deleted_seq = NULL, last_values = NULL",
            [(table, row_key, stamp, replica, seq) for table, row_key in inserted],
        )
        run("DELETE FROM sync_field WHERE table_name = ? AND row_key = ?", inserted)
        run(
            "DELETE FROM sync_conflict WHERE table_name = ? AND row_key = ? "
            "AND kind = 'edit_delete'",
            inserted,
        )
    if settled:
        where = "WHERE table_name = ? AND row_key = ? AND column_name = ?"
        run(f"DELETE FROM sync_field {where}", settled)
        run(f"DELETE FROM sync_conflict {where} AND kind = 'field'", settled)
        run(
            "INSERT INTO sync_field (table_name, row_key, column_name, replica, seq, hlc, value)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            fields,
        )


# --- outgoing records -------------------------------------------------------------------------
def own_records(connection: Connection, after_seq: int = 0, limit: int | None = None):
    """This copy's records numbered above `after_seq`, oldest first (what a folder or hub that
    holds up to `after_seq` lacks)."""
    me = replicas.identity(connection)
    if me is None:
        return []
    return records_of(connection, me.replica_id, after_seq, limit)


def records_of(
    connection: Connection, replica: str, after_seq: int = 0, limit: int | None = None
) -> list[ChangeRecord]:
    """The records of `replica` this copy holds above `after_seq` (a copy of the file holds
    its parent's; any copy can pass on what it applied)."""
    from ..schema import SCHEMA_VERSION

    sql = (
        "SELECT id, origin_seq, hlc, deps, kind, actor, description, at FROM change_set "
        "WHERE origin_replica = ? AND origin_seq > ? ORDER BY origin_seq"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    laptop = dict(
        connection.exec_driver_sql("SELECT replica_id, laptop_name FROM sync_replica").all()
    )
    found = []
    for change_set_id, seq, stamp, deps, kind, actor, description, at in connection.exec_driver_sql(
        sql, (replica, after_seq)
    ).all():
        images = tuple(
            RowImage(table, key, change.before, change.after)
            for (table, key), change in sorted(
                net_changes(connection, change_set_id).items(), key=lambda i: i[1].last_entry
            )
        )
        found.append(
            ChangeRecord(
                replica=replica,
                seq=seq,
                hlc=stamp,
                deps=json.loads(deps or "{}"),
                schema=SCHEMA_VERSION,
                kind=kind,
                actor=actor,
                description=description,
                at=str(at),
                laptop=laptop.get(replica, ""),
                images=images,
            )
        )
    return found
