"""Every change set is an outgoing record, and every table of the schema is covered: a row
inserted, changed and deleted in any table (found from the schema, so next year's tables are
covered without editing this) travels as images with its values before and after."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Enum, Integer, LargeBinary, String, insert, select
from sqlalchemy.exc import IntegrityError

from sponsor_app.storage.audit import table_shapes
from sponsor_app.storage.models import Base
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync import versions

from .memory import me


def _value(column, connection):
    """A value `column` accepts: an existing parent's key for a reference, else by type."""
    for reference in column.foreign_keys:
        target = reference.column
        return connection.exec_driver_sql(
            f'SELECT "{target.name}" FROM "{target.table.name}" ORDER BY 1 LIMIT 1'
        ).scalar()
    kind = column.type
    if isinstance(kind, Enum):
        first = kind.enums[0]
        return first.value if isinstance(first, enum.Enum) else first
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, DateTime):
        return datetime(2026, 6, 1, 9, 0)
    if isinstance(kind, Date):
        return date(2026, 6, 1)
    if isinstance(kind, Integer):
        return 1
    if isinstance(kind, LargeBinary):
        return b"x"
    if isinstance(kind, String):
        return "2026-06" if column.name == "month" else "sync-capture"
    raise AssertionError(f"{column.table.name}.{column.name}: no value for {kind!r}")


def _new_row(table, connection) -> dict:
    row = {}
    for column in table.columns:
        if column.primary_key and column.default is not None:
            continue  # the app gives the id (storage/sync/ids.py)
        if column.nullable and not column.primary_key and not column.foreign_keys:
            continue
        if (column.default is not None or column.server_default is not None) and not (
            column.primary_key
        ):
            continue
        row[column.name] = _value(column, connection)
    return row


def _changeable(table) -> str:
    """A column to change: a plain one if the table has any, else a key column."""
    for column in table.columns:
        plain = not column.primary_key and not column.foreign_keys
        if plain and isinstance(column.type, String) and not isinstance(column.type, Enum):
            return column.name
    return next(c.name for c in table.columns if c.primary_key)


def test_every_table_of_the_schema_travels(small_demo_bytes, tmp_path):
    path = tmp_path / "every-table.sponsor"
    path.write_bytes(small_demo_bytes)
    with Store.open(path) as store:
        with store.read() as session:
            audited = set(table_shapes(session.connection()))
            start = versions.vector(session.connection()).get(me(store), 0)
        # Every table but the log and sharing's own bookkeeping: a table left out of the audit
        # (storage/audit.NOT_AUDITED) would never travel.
        assert audited == {
            t
            for t in Base.metadata.tables
            if t not in ("change_set", "audit_entry") and not t.startswith("sync_")
        }
        single: set[str] = set()
        for name in sorted(audited):
            table = Base.metadata.tables[name]
            try:
                with store.transaction(f"insert into {name}") as session:
                    connection = session.connection()
                    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                    key_values = connection.execute(
                        insert(table)
                        .values(_new_row(table, connection))
                        .returning(*table.primary_key)
                    ).one()
            except IntegrityError:
                # A table of one row (the group profile): its row is changed, never removed.
                single.add(name)
                with store.read() as session:
                    key_values = (
                        session.connection().execute(select(*table.primary_key).limit(1)).one()
                    )
            key = dict(zip([c.name for c in table.primary_key], key_values, strict=True))
            where = " AND ".join(f'"{c}" = ?' for c in key)
            column = _changeable(table)
            if column not in key:  # a link table's columns are all its key: deleted only
                with store.transaction(f"change {name}") as session:
                    session.connection().exec_driver_sql(
                        f'UPDATE "{name}" SET "{column}" = ? WHERE {where}',
                        ("sync-changed", *key.values()),
                    )
            if name in single:
                continue
            with store.transaction(f"delete from {name}") as session:
                session.connection().exec_driver_sql(
                    f'DELETE FROM "{name}" WHERE {where}', tuple(key.values())
                )
        with store.read() as session:
            records = versions.own_records(session.connection(), start)
    images = {}
    for record in records:
        for image in record.images:
            shape = (
                "insert" if image.before is None else "delete" if image.after is None else "update"
            )
            images.setdefault(image.table, set()).add(shape)
    missing = {t for t in audited if t not in images}
    assert missing == set()
    assert single == {"group_profile"}
    assert {t for t in audited - single if "insert" not in images[t]} == set()
    assert {t for t in audited - single if "delete" not in images[t]} == set()
    assert images["group_profile"] == {"update"}
    assert "update" in images["household"]  # a plain column changed is an update image
