"""Row ids are never reused: every table keyed by one integer id gets AUTOINCREMENT.

Without it SQLite gives a new row the id of the newest row deleted before it, so undoing that
delete was refused ("changed since", naming the new row), and the history mixed two records
under one id. Each such table is rebuilt by SQLite's own procedure (a new table with the same
columns, constraints and indexes; the rows copied with their ids; the old one dropped and the
new one renamed): no id changes. The counter of each table starts after the largest id it ever
held, in the table or in its history (a row deleted since still owns its id).

Sharing between laptops (issue 22) can later scope new ids by replica on top of this counter.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

import re

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_KEY_COLUMN = re.compile(r"(?m)^(\s*)id INTEGER NOT NULL(?=\s*,)")


def _keyed_by_one_id(connection, table: str) -> bool:
    info = connection.exec_driver_sql(f'PRAGMA table_info("{table}")').all()
    key = [row for row in info if row[5]]
    return len(key) == 1 and key[0][1] == "id" and key[0][2].upper() == "INTEGER"


def _with_autoincrement(sql: str, table: str, new_name: str) -> str:
    """The table's own CREATE statement (kept exactly, as this file has it), renamed, with
    its primary key moved onto the id column with AUTOINCREMENT."""
    key_constraint = re.compile(
        rf',\s*CONSTRAINT "?(pk_{re.escape(table)})"? PRIMARY KEY \("?id"?\)', re.IGNORECASE
    )
    found = key_constraint.search(sql)
    name = found.group(1) if found else f"pk_{table}"
    sql = key_constraint.sub("", sql, count=1)
    sql, replaced = _KEY_COLUMN.subn(
        rf"\1id INTEGER NOT NULL CONSTRAINT {name} PRIMARY KEY AUTOINCREMENT", sql, count=1
    )
    if not replaced or "AUTOINCREMENT" not in sql:
        raise RuntimeError(f"schema 0012: the id column of {table} was not found")
    return re.sub(
        rf'^CREATE TABLE "?{re.escape(table)}"?', f'CREATE TABLE "{new_name}"', sql, count=1
    )


def _largest_id_ever(connection, table: str) -> int:
    in_table = connection.exec_driver_sql(f'SELECT max(id) FROM "{table}"').scalar() or 0
    if table in ("audit_entry", "change_set"):
        return in_table
    in_history = (
        connection.exec_driver_sql(
            "SELECT max(CAST(json_extract(row_key, '$[0]') AS INTEGER)) FROM audit_entry "
            "WHERE table_name = ?",
            (table,),
        ).scalar()
        or 0
    )
    return max(in_table, in_history)


def upgrade() -> None:
    connection = op.get_bind()
    tables = [
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' ORDER BY name"
        )
    ]
    largest = {
        t: _largest_id_ever(connection, t) for t in tables if _keyed_by_one_id(connection, t)
    }
    for table in largest:
        sql = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).scalar()
        if "AUTOINCREMENT" in sql.upper():
            continue
        indexes = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL",
                (table,),
            )
        ]
        # Only the audit triggers exist, and migrate.upgrade has taken them off (and puts
        # them back from the new schema); any other trigger is a schema this code never made.
        other = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type IN ('trigger', 'view')"
        ).scalar()
        if other:
            raise RuntimeError("schema 0012: a trigger or view the app did not make is present")
        new_name = f"_0012_{table}"
        connection.exec_driver_sql(_with_autoincrement(sql, table, new_name))
        columns = ", ".join(
            f'"{row[1]}"'
            for row in connection.exec_driver_sql(f'PRAGMA table_info("{table}")').all()
        )
        # Rows are copied as they are: a value another program stored against a CHECK is
        # the health check's to name, never a reason for the upgrade to fail half way.
        connection.exec_driver_sql("PRAGMA ignore_check_constraints = ON")
        try:
            connection.exec_driver_sql(
                f'INSERT INTO "{new_name}" ({columns}) SELECT {columns} FROM "{table}"'
            )
        finally:
            connection.exec_driver_sql("PRAGMA ignore_check_constraints = OFF")
        connection.exec_driver_sql(f'DROP TABLE "{table}"')
        connection.exec_driver_sql(f'ALTER TABLE "{new_name}" RENAME TO "{table}"')
        for index in indexes:
            connection.exec_driver_sql(index)
    for table, seq in largest.items():
        connection.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
        connection.exec_driver_sql(
            "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, seq)
        )


def downgrade() -> None:
    # Taking AUTOINCREMENT away would let ids be reused again; a file keeps it.
    pass
