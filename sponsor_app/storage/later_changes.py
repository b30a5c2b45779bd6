"""What the change history says happened after a moment: the rows of some tables that were
added, changed or removed since, with their values before and after. Reports use it to count
volunteers as they stood at a period's end and to flag records changed after a period closed.
Reading the audit format is storage's business; callers get plain values back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.changes import RowKey
from .audit_reads import ENTRY, decoded
from .models import AuditEntry, ChangeKind, ChangeSet

# Change sets that change what a record says. An erasure only removes personal details (and
# rewrites history), a schema upgrade and an access note change no record.
_CHANGING = (ChangeKind.EDIT, ChangeKind.REVERT, ChangeKind.LEGACY)


@dataclass(frozen=True)
class LaterChange:
    table: str
    key: RowKey
    action: str  # insert | update | delete
    before: dict | None  # the stored values before (None for an insert)
    after: dict | None  # and after (None for a delete)
    at: datetime
    change_set_id: int


def changes_after(session: Session, moment: datetime, tables: Iterable[str]) -> list[LaterChange]:
    """Every recorded change to rows of `tables` in a change set made after `moment`, oldest
    first."""
    wanted = sorted(set(tables))
    rows = session.execute(
        select(*ENTRY, ChangeSet.at, ChangeSet.id)
        .join(ChangeSet, ChangeSet.id == AuditEntry.change_set_id)
        .where(
            ChangeSet.at > moment,
            ChangeSet.kind.in_(_CHANGING),
            ChangeSet.is_open.is_(None),
            AuditEntry.table_name.in_(wanted),
        )
        .order_by(ChangeSet.id, AuditEntry.id)
    ).all()
    return [
        LaterChange(*decoded(table, key, action, old, new), at, change_set_id)
        for table, key, action, old, new, at, change_set_id in rows
    ]
