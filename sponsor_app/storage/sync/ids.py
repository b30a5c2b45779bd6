"""New rows' ids: `id_prefix << 32 | n`, unique across every copy of a group file.

n comes from a per-table counter (`sync_id_counter`) that only grows. A file's first copy has
prefix 0 and goes on with 1, 2, 3..., so no existing id ever changes; a later copy (another
laptop) draws a random prefix (storage/sync/replica.py), so rows made on two laptops never
collide. Ids stay integers, which every key, foreign key, history row and report already use.
"""

from __future__ import annotations

from sqlalchemy import Connection

RANGE_BITS = 32
RANGE = 1 << RANGE_BITS
MAX_PREFIX = (1 << 31) - 1  # ids stay positive signed 64-bit integers

# Numbered by each file alone: the log itself, and this copy's bookkeeping.
LOCAL_TABLES = frozenset({"change_set", "audit_entry"})


def prefix_of(row_id: int) -> int:
    return row_id >> RANGE_BITS


def id_prefix(connection: Connection) -> int:
    """This copy's prefix; 0 before it has an identity (a file being built)."""
    found = connection.exec_driver_sql("SELECT id_prefix FROM sync_replica WHERE id = 1").first()
    return 0 if found is None else found[0]


def next_id(connection: Connection, table: str) -> int:
    """Take the next id of `table` in this transaction (a rollback gives it back)."""
    return reserve_ids(connection, table, 1)[0]


def reserve_ids(connection: Connection, table: str, count: int) -> range:
    """Take `count` consecutive ids of `table` in this transaction, in two statements: a
    100,000-row import gives its rows their ids at once instead of one query each."""
    prefix = id_prefix(connection)
    connection.exec_driver_sql(
        "INSERT INTO sync_id_counter (table_name, next) VALUES (?, 1) ON CONFLICT DO NOTHING",
        (table,),
    )
    # Prefix 0 shares its range with SQLite's own AUTOINCREMENT (rows written by older
    # versions, or by plain SQL): the counter never falls behind the highest id SQLite gave.
    floor = (
        "max(next, coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?1 AND seq < ?3), 0) + 1)"
        if prefix == 0
        else "next"
    )
    first = connection.exec_driver_sql(
        f"UPDATE sync_id_counter SET next = {floor} + ?2 WHERE table_name = ?1 RETURNING next - ?2",
        (table, count, RANGE) if prefix == 0 else (table, count),
    ).scalar_one()
    if first + count > RANGE:
        raise OverflowError(f"{table}: this copy has used all of its ids")
    base = prefix << RANGE_BITS
    return range(base | first, (base | first) + count)
