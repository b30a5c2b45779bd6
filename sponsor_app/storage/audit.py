"""One session hook writes an audit row for every insert, update and delete.

Services never write audit rows themselves: whatever the ORM flushes is recorded here, in the
same transaction, so a change and its audit row are committed or lost together.
"""

from __future__ import annotations

import enum
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from .models import AuditEntry
from .models.base import utc_now

_AUDIT_TABLE = AuditEntry.__table__


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _row_key(obj, state) -> str:
    # The identity key is not yet set for new rows inside after_flush; the columns are.
    values = state.mapper.primary_key_from_instance(obj)
    names = [c.key for c in state.mapper.primary_key]
    return ",".join(f"{n}={_plain(v)}" for n, v in zip(names, values, strict=True))


def _column_attrs(state):
    return list(state.mapper.column_attrs)


def _entries(session: Session) -> list[dict]:
    actor = session.info.get("actor", "unknown")
    now = utc_now()
    rows = []

    def add(obj, action: str, changes: dict) -> None:
        state = inspect(obj)
        rows.append(
            {
                "at": now,
                "actor": actor,
                "action": action,
                "table_name": state.mapper.local_table.name,
                "row_key": _row_key(obj, state),
                "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
            }
        )

    for obj in session.new:
        if isinstance(obj, AuditEntry):
            continue
        state = inspect(obj)
        values = {a.key: [None, _plain(getattr(obj, a.key))] for a in _column_attrs(state)}
        add(obj, "insert", values)
    for obj in session.dirty:
        if isinstance(obj, AuditEntry) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        changes = {}
        for attr in _column_attrs(state):
            history = state.attrs[attr.key].history
            if history.has_changes():
                old = history.deleted[0] if history.deleted else None
                new = history.added[0] if history.added else None
                if old != new:
                    changes[attr.key] = [_plain(old), _plain(new)]
        if changes:
            add(obj, "update", changes)
    for obj in session.deleted:
        if isinstance(obj, AuditEntry):
            continue
        state = inspect(obj)
        values = {
            a.key: [_plain(state.attrs[a.key].loaded_value), None] for a in _column_attrs(state)
        }
        add(obj, "delete", values)
    return rows


def _after_flush(session: Session, flush_context) -> None:
    rows = _entries(session)
    if rows:
        session.connection().execute(insert(_AUDIT_TABLE), rows)


def install_audit_hook(factory: sessionmaker) -> None:
    """Record every flushed change of sessions made by `factory`."""
    event.listen(factory, "after_flush", _after_flush)
