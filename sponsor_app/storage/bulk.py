"""Fetching tens of thousands of plain numbers without building a Row object for each.

The statement is still built and compiled by SQLAlchemy for the connection's dialect (so the
SQL stays portable); only the result skips SQLAlchemy's per-row machinery, which costs about
twice the query itself at 100,000 rows. Use it for integer columns only.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Select
from sqlalchemy.orm import Session


def _plain(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()  # how the Date type stores days on SQLite; PostgreSQL casts it
    return value


def fetch_int_rows(session: Session, statement: Select) -> list[tuple[int, ...]]:
    """All rows of `statement`, whose columns must all be integers, as plain tuples."""
    connection = session.connection()
    compiled = statement.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    values = compiled.construct_params()
    if compiled.positional:
        params = [_plain(values[name]) for name in compiled.positiontup]
    else:
        params = {name: _plain(value) for name, value in values.items()}
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return cursor.fetchall()
    finally:
        cursor.close()
