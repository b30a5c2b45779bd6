"""What the privacy and subject-access tests share: every row of a file, and the first
household's principal applicant (a conftest fixture here would take the name `demo` from
the other tests of this folder)."""

from __future__ import annotations

from pathlib import Path

from sponsor_app.services.households.households import list_households, list_members
from sponsor_app.storage.connect import connect


def every_row(path: Path) -> list[tuple[str, tuple]]:
    """Every row of every table, read as SQLite holds it (for searching a file for a value)."""
    connection = connect(path, read_only=True)
    try:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return [
            (table, row)
            for table in tables
            for row in connection.execute(f'SELECT * FROM "{table}"').fetchall()
        ]
    finally:
        connection.close()


def principal(store):
    household = list_households(store)[0]
    member = next(m for m in list_members(store, household.id) if m.is_principal)
    return household, member
