"""What a group file holds, read without changing it: its group, tables and counts.

Used before a file is trusted (opening refuses a file with a table or its group profile
missing), to name and describe backups, and by the health check. Everything here works on a
plain read-only connection from connect.py, so it reads a file another window has open.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from .connect import connect
from .driver import DriverError


@dataclass(frozen=True)
class GroupId:
    uuid: str
    name: str


@dataclass(frozen=True)
class Counts:
    households: int
    volunteers: int
    transactions: int


def table_names(connection) -> set[str]:
    return {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }


_TEXT_AFFINITY = ("CHAR", "CLOB", "TEXT")  # SQLite's rule for a column of text affinity


def text_columns(connection) -> dict[str, list[str]]:
    """Every column of text affinity in every table of the live schema, by table (SQLite's own
    and Alembic's bookkeeping left out). A privacy rule or test that walks these covers the
    columns added next year without being edited."""
    columns: dict[str, list[str]] = {}
    for table in sorted(table_names(connection)):
        if table.startswith("sqlite_") or table == "alembic_version":
            continue
        for row in connection.execute(f'PRAGMA table_info("{table}")'):
            declared = (row[2] or "").upper()
            if any(word in declared for word in _TEXT_AFFINITY):
                columns.setdefault(table, []).append(row[1])
    return columns


def read_group(connection) -> GroupId | None:
    """The group's id and name, or None when the file has no group profile."""
    if "group_profile" not in table_names(connection):
        return None
    row = connection.execute("SELECT uuid, name FROM group_profile").fetchone()
    return GroupId(row[0], row[1]) if row and row[0] else None


def read_counts(connection) -> Counts:
    def count(table: str) -> int:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    return Counts(count("household"), count("volunteer"), count("ledger_transaction"))


def missing_tables(connection) -> list[str]:
    """Tables of the current schema the file lacks (meaningful at the current revision)."""
    from .models import Base

    return sorted(set(Base.metadata.tables) - table_names(connection))


def group_of_file(path: Path) -> GroupId | None:
    """The group a file belongs to, or None when it cannot be read as a group file."""
    from .errors import PassphraseNeeded

    try:
        connection = connect(path, read_only=True)
    except (DriverError, PassphraseNeeded):
        return None
    try:
        return read_group(connection)
    except DriverError:
        return None
    finally:
        with contextlib.suppress(DriverError):
            connection.close()
