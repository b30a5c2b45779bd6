"""Audit triggers: every insert, update and delete on every table leaves an audit row.

Triggers, not an ORM hook, because only the database sees everything: rows removed or changed
by `ON DELETE CASCADE` and `SET NULL`, bulk statements and plain SQL are recorded as surely as
the ORM's own writes, in the same transaction. Each audit row holds the stored values before
and after (JSON), exactly as SQLite keeps them, so a revert can put a row back with its id.

The triggers are generated from the schema as it is in the file (not from the models), so they
are right at every migration step; `install_triggers` replaces them all and is idempotent.
This is SQLite's trigger dialect. PostgreSQL would follow with one PL/pgSQL function using
`to_jsonb(OLD)` / `to_jsonb(NEW)` and the open change set from the same `change_set` table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection

from ..domain.changes import RowKey

# The log itself and sharing's bookkeeping (storage/models/sync.py), which describes change
# sets rather than being changed by them.
# Sharing's bookkeeping of the change sets (storage/models/sync.py): never audited itself.
SHARING_TABLES = (
    "sync_replica",
    "sync_group",
    "sync_id_counter",
    "sync_channel",
    "sync_vector",
    "sync_row",
    "sync_field",
    "sync_conflict",
)
NOT_AUDITED = frozenset({"audit_entry", "change_set", "alembic_version", *SHARING_TABLES})
TRIGGER_PREFIX = "audit_"
_ACTIONS = ("insert", "update", "delete")


@dataclass(frozen=True)
class TableShape:
    """A table's columns in order and its primary key's columns, read from the file."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]

    def key_of(self, values: dict) -> RowKey:
        return tuple(values[column] for column in self.key)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def table_shapes(connection: Connection) -> dict[str, TableShape]:
    """Every audited table as the file has it now."""
    names = [
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
        if row[0] not in NOT_AUDITED and not row[0].startswith("_alembic")
    ]
    shapes = {}
    for name in names:
        info = connection.exec_driver_sql(f"PRAGMA table_info({_quote(name)})").all()
        columns = tuple(row[1] for row in info)
        key = tuple(row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        shapes[name] = TableShape(name, columns, key or ("rowid",))
    return shapes


def row_json(shape: TableShape, alias: str) -> str:
    """SQL for one row as a JSON object of every column (alias: OLD, NEW or the table)."""
    # json_object takes at most 127 arguments in a default build: 63 columns, far above ours.
    pairs = ", ".join(f"{_literal(c)}, {alias}.{_quote(c)}" for c in shape.columns)
    return f"json_object({pairs})"


def key_json(shape: TableShape, alias: str) -> str:
    return "json_array(" + ", ".join(f"{alias}.{_quote(c)}" for c in shape.key) + ")"


def _trigger_sql(shape: TableShape, action: str) -> str:
    table = _quote(shape.name)
    name = _quote(f"{TRIGGER_PREFIX}{shape.name}_{action}")
    old = row_json(shape, "OLD") if action != "insert" else "NULL"
    new = row_json(shape, "NEW") if action != "delete" else "NULL"
    key = key_json(shape, "NEW" if action == "insert" else "OLD")
    when = ""
    if action == "update":  # an update that changes nothing is not a change
        when = " WHEN " + " OR ".join(
            f"OLD.{_quote(c)} IS NOT NEW.{_quote(c)}" for c in shape.columns
        )
    return (
        f"CREATE TRIGGER {name} AFTER {action.upper()} ON {table}{when} BEGIN "
        "INSERT INTO audit_entry "
        "(change_set_id, action, table_name, row_key, old_values, new_values) VALUES ("
        "(SELECT id FROM change_set WHERE is_open = 1), "
        f"{_literal(action)}, {_literal(shape.name)}, {key}, {old}, {new}); END"
    )


def _existing_triggers(connection: Connection) -> set[str]:
    return {
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
            (TRIGGER_PREFIX + "%",),
        )
    }


def remove_triggers(connection: Connection) -> None:
    for name in _existing_triggers(connection):
        connection.exec_driver_sql(f"DROP TRIGGER {_quote(name)}")


def install_triggers(connection: Connection) -> None:
    """Replace every audit trigger with one generated from the file's current schema."""
    remove_triggers(connection)
    for shape in table_shapes(connection).values():
        for action in _ACTIONS:
            connection.exec_driver_sql(_trigger_sql(shape, action))


def triggers_current(connection: Connection) -> bool:
    """True when every audited table has exactly its three triggers, made for its columns."""
    shapes = table_shapes(connection)
    found = dict(
        connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
            (TRIGGER_PREFIX + "%",),
        ).all()
    )
    wanted = {
        f"{TRIGGER_PREFIX}{shape.name}_{action}": _trigger_sql(shape, action)
        for shape in shapes.values()
        for action in _ACTIONS
    }
    return found == wanted


def fetch_row(connection: Connection, shape: TableShape, key: RowKey) -> dict | None:
    """A row's stored values, as the triggers record them; None when there is no such row."""
    where = " AND ".join(f"{_quote(c)} = ?" for c in shape.key)
    found = connection.exec_driver_sql(
        f"SELECT {row_json(shape, _quote(shape.name))} FROM {_quote(shape.name)} WHERE {where}",
        tuple(key),
    ).first()
    return None if found is None else json.loads(found[0])


def delete_row(connection: Connection, shape: TableShape, key: RowKey) -> None:
    where = " AND ".join(f"{_quote(c)} = ?" for c in shape.key)
    connection.exec_driver_sql(f"DELETE FROM {_quote(shape.name)} WHERE {where}", tuple(key))


def insert_row(connection: Connection, shape: TableShape, values: dict) -> None:
    columns = [c for c in shape.columns if c in values]
    names = ", ".join(_quote(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    connection.exec_driver_sql(
        f"INSERT INTO {_quote(shape.name)} ({names}) VALUES ({marks})",
        tuple(values[c] for c in columns),
    )


def update_row(connection: Connection, shape: TableShape, key: RowKey, values: dict) -> None:
    columns = [c for c in shape.columns if c in values]
    assignments = ", ".join(f"{_quote(c)} = ?" for c in columns)
    where = " AND ".join(f"{_quote(c)} = ?" for c in shape.key)
    connection.exec_driver_sql(
        f"UPDATE {_quote(shape.name)} SET {assignments} WHERE {where}",
        (*(values[c] for c in columns), *key),
    )
