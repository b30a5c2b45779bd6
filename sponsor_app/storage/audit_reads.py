"""Reading the audit trail: what a change set touched, what a row last held, what the history
still holds of rows deleted for good. It knows the audit format (JSON row keys and values,
written by storage/audit.py's triggers), so it lives here: the services that ask (File
history, a retention purge) get plain tuples and dicts and never read that format."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import AuditEntry, Base

RowKey = tuple

# What one audit entry says: the table, the row's key, the action, its values before and after.
ENTRY = (
    AuditEntry.table_name,
    AuditEntry.row_key,
    AuditEntry.action,
    AuditEntry.old_values,
    AuditEntry.new_values,
)


def decoded(table: str, key: str, action: str, old: str | None, new: str | None, empty=None):
    """An `ENTRY` with its JSON read: the key a tuple, the values dicts (`empty()` where the
    entry has none: an insert has no before, a delete no after)."""
    missing = empty or (lambda: None)
    return (
        table,
        tuple(json.loads(key)),
        action,
        json.loads(old) if old else missing(),
        json.loads(new) if new else missing(),
    )


def key_text(key: RowKey) -> str:
    """A row key as the audit triggers write it (SQLite's json_array: compact)."""
    return json.dumps(list(key), separators=(",", ":"), ensure_ascii=False)


def change_sets_touching(table: str, row_id: int | None = None):
    """A query of the ids of the change sets that touched `table` (one row of it)."""
    query = select(AuditEntry.change_set_id).where(AuditEntry.table_name == table)
    if row_id is not None:
        query = query.where(AuditEntry.row_key == key_text((row_id,)))
    return query


def entries_of(
    session: Session, change_set_id: int, limit: int
) -> list[tuple[str, RowKey, str, dict, dict]]:
    """What one change set did, in order (at most `limit`): table, row key, action, and the
    row's values before and after ({} where there is none)."""
    return [
        decoded(*entry, empty=dict)
        for entry in session.execute(
            select(*ENTRY)
            .where(AuditEntry.change_set_id == change_set_id)
            .order_by(AuditEntry.id)
            .limit(limit)
        )
    ]


def last_known_values(session: Session, table: str, key: RowKey) -> dict | None:
    """What the history last held for the row of `table` with `key` (None: never seen)."""
    entry = session.execute(
        select(AuditEntry.old_values, AuditEntry.new_values)
        .where(AuditEntry.table_name == table, AuditEntry.row_key == key_text(key))
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if entry is None:
        return None
    old, new = entry
    return json.loads(new if new is not None else old)


def last_values_of_deleted(session: Session, table: str) -> dict[int, dict]:
    """Each row of `table` that is gone (deleted for good), by id: the values the history
    last held for it."""
    live = set(session.scalars(select(Base.metadata.tables[table].c.id)))
    last: dict[int, dict] = {}
    for row_key, values in session.execute(
        select(AuditEntry.row_key, func.coalesce(AuditEntry.old_values, AuditEntry.new_values))
        .where(AuditEntry.table_name == table)
        .order_by(AuditEntry.id)
    ):
        row_id = json.loads(row_key)[0]
        if row_id not in live and values:
            last[row_id] = json.loads(values)
    return last


def values_when_deleted(session: Session, table: str, row_id: int) -> dict | None:
    """The values the row of `table` with `row_id` had when it was last deleted, if it was."""
    found = session.execute(
        select(AuditEntry.old_values)
        .where(
            AuditEntry.table_name == table,
            AuditEntry.action == "delete",
            AuditEntry.row_key == key_text((row_id,)),
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).scalar()
    return json.loads(found) if found else None


def whole_history(connection) -> list[tuple]:
    """Every change set with each audit row it holds, oldest first: (change set id, at,
    actor, description, action, table, row key, values before, values after), the last four
    None for a change set with no rows, a missing side None."""
    return [
        (*row[:6], tuple(json.loads(row[6])) if row[6] is not None else None,
         json.loads(row[7]) if row[7] is not None else None,
         json.loads(row[8]) if row[8] is not None else None)
        for row in connection.exec_driver_sql(
            "SELECT c.id, c.at, c.actor, c.description, a.action, a.table_name, a.row_key, "
            "a.old_values, a.new_values FROM change_set c LEFT JOIN audit_entry a "
            "ON a.change_set_id = c.id ORDER BY c.id, a.id"
        )
    ]  # fmt: skip
