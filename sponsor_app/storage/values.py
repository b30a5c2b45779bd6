"""Stored values the app cannot read: text in a date column, an unknown choice, a text amount.

SQLite keeps whatever another program writes, whatever the column's declared type; the app
then fails as it reads the row. This module checks every column of every table of the model
against the kind of value the model keeps there, in SQL (so a large file is checked in one
pass per column), and names each row that breaks it: `check` lists them, and a command that
meets one while reading says which row it is instead of failing with a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Boolean, Date, DateTime, Enum, Integer, String, Text

from .facts import table_names
from .models import Base

SHOWN = 20


@dataclass(frozen=True)
class WrongValue:
    table: str
    row_id: object  # the row's id (or rowid)
    column: str
    value: object
    expected: str  # "a date", "one of: income, expense"...

    def __str__(self) -> str:
        shown = repr(self.value) if not isinstance(self.value, str) else f"“{self.value[:40]}”"
        return (
            f"{self.table.replace('_', ' ')} {self.row_id}: {self.column} holds {shown}, "
            f"not {self.expected}"
        )


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _rule(column) -> tuple[str, str] | None:
    """(SQL that is true for a wrong non-null value, what the value should be)."""
    c = _quote(column.name)
    kind = column.type
    if isinstance(kind, Enum):
        allowed = [e for e in kind.enums]
        listed = ", ".join("'" + v.replace("'", "''") + "'" for v in allowed)
        return f"{c} NOT IN ({listed})", "one of: " + ", ".join(allowed)
    if isinstance(kind, Boolean):
        return f"typeof({c}) != 'integer' OR {c} NOT IN (0, 1)", "yes or no (1 or 0)"
    if isinstance(kind, Integer):
        return f"typeof({c}) != 'integer'", "a whole number"
    if isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime):
        return f"typeof({c}) != 'text' OR datetime({c}) IS NULL", "a date and time"
    if isinstance(kind, Date):
        return f"typeof({c}) != 'text' OR date({c}) IS NULL OR date({c}) != {c}", "a date"
    if isinstance(kind, String | Text):
        return f"typeof({c}) != 'text'", "text"
    return None


def wrong_values(connection, limit: int | None = SHOWN) -> tuple[list[WrongValue], int]:
    """Values of the wrong kind, table by table (at most `limit` named), and how many there
    are in all. `connection`: a DB-API connection from connect.py."""
    present = table_names(connection)
    found: list[WrongValue] = []
    total = 0
    for name, table in sorted(Base.metadata.tables.items()):
        if name not in present:
            continue
        stored = {row[1] for row in connection.execute(f"PRAGMA table_info({_quote(name)})")}
        key = "id" if "id" in stored else "rowid"
        for column in table.columns:
            rule = _rule(column) if column.name in stored else None
            if rule is None:
                continue
            condition, expected = rule
            where = f"{_quote(column.name)} IS NOT NULL AND ({condition})"
            count = connection.execute(
                f"SELECT count(*) FROM {_quote(name)} WHERE {where}"
            ).fetchone()[0]
            if not count:
                continue
            total += count
            room = None if limit is None else max(0, limit - len(found))
            if room == 0:
                continue
            rows = connection.execute(
                f"SELECT {key}, {_quote(column.name)} FROM {_quote(name)} WHERE {where} "
                f"ORDER BY {key} LIMIT ?",
                (room if room is not None else -1,),
            ).fetchall()
            found += [WrongValue(name, r[0], column.name, r[1], expected) for r in rows]
    return found, total
