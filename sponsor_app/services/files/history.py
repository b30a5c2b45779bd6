"""The file's history: list change sets, and revert one (undo, redo, `sponsor-app revert`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.changes import Changes, RowKey
from ...domain.errors import SponsorDeskError
from ...domain.messages import Files, Message
from ...storage.audit_reads import change_sets_touching, entries_of, last_known_values
from ...storage.changesets import (
    Blocker,
    RevertBlocked,
    change_sets_about,
    revert_into_open_change_set,
)
from ...storage.models import AuditEntry, ChangeKind, ChangeSet
from ...storage.store import Store

# What points at a household or a volunteer, for the History view's filters.
SUBJECTS = {
    "household": ("household_id",),
    "volunteer": ("volunteer_id", "assignee_id"),
}
# Never shown, before or after: the window shows them only on request, and records that.
HIDDEN_COLUMNS = {"household_member": ("health_notes", "immigration_notes")}
HIDDEN = "(sensitive: not shown)"


@dataclass(frozen=True)
class TouchedRow:
    """One row a change set inserted, updated or deleted, with its values before and after
    (only the columns that changed, for an update)."""

    table: str
    key: tuple
    action: str  # insert | update | delete
    label: Message | str  # "household H2" (Files.ROW_HOUSEHOLD), or a name as it is
    before: tuple[tuple[str, object], ...]
    after: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class ChangeSetRow:
    id: int
    at: datetime
    actor: str
    description: str
    kind: str  # edit | revert | legacy | schema (storage.models.ChangeKind)
    reverts_id: int | None
    rows_touched: int
    tables: tuple[str, ...]


class RevertRefused(SponsorDeskError):
    """A revert that would overwrite or lose later work; the file is unchanged.

    Carries the facts (reason, table, the row's label, the later change set) and a message
    saying why (Files.*), worded by each edge.
    """

    def __init__(
        self,
        change_set_id: int,
        reason: str,
        table: str = "",
        row_label: Message | str = "",
        blocker: Blocker | None = None,
    ):
        self.change_set_id, self.reason, self.table = change_set_id, reason, table
        self.row_label, self.blocker = row_label, blocker
        super().__init__(_sentence(change_set_id, reason, row_label, blocker))


def _sentence(change_set_id: int, reason: str, row: Message | str, blocker: Blocker | None):
    """Why a revert was refused, as a message for the edge to word."""
    match reason:
        case "already_reverted":
            return Files.ALREADY_REVERTED(id=change_set_id, later=blocker.id)
        case "changed_since":
            if blocker is None:
                return Files.CHANGED_SINCE(row=row)
            return Files.CHANGED_SINCE_BY(
                row=row, later=blocker.id, description=blocker.description
            )
        case "would_remove_more":
            if blocker is None:
                return Files.WOULD_REMOVE_MORE(id=change_set_id, row=row)
            return Files.WOULD_REMOVE_MORE_BY(
                id=change_set_id, row=row, later=blocker.id, description=blocker.description
            )
        case "in_use":
            return Files.ROW_IN_USE(row=row)
        case "missing_reference":
            return Files.ROW_MISSING_REFERENCE(row=row)
        case "clash":
            return Files.ROW_CLASH(row=row)
        case "record_only":
            return Files.RECORD_ONLY(id=change_set_id)
        case "erasure":
            return Files.ERASURE(id=change_set_id)
        case "erased":  # the label would read "(details removed)": the change says whose
            if blocker is None:
                return Files.ERASED_SINCE(id=change_set_id)
            return Files.ERASED_BY(
                id=change_set_id, later=blocker.id, description=blocker.description
            )
        case "creates_group":
            return Files.CREATES_GROUP(id=change_set_id)
        case "not_revertible":
            return Files.NOT_REVERTIBLE(id=change_set_id)
        case _:
            return Files.NO_SUCH_CHANGE(id=change_set_id)


# --- listing -----------------------------------------------------------------------------
def list_change_sets(
    store: Store,
    limit: int = 50,
    table: str | None = None,
    row_id: int | None = None,
    actor: str | None = None,
    household_id: int | None = None,
    volunteer_id: int | None = None,
) -> list[ChangeSetRow]:
    """Change sets, newest first; optionally only those touching a table (and one row of it),
    made by one person, or about one household or volunteer (the record itself, or a row
    that points at it: a household's tasks, a volunteer's checks)."""
    with store.read() as session:
        query = select(ChangeSet).order_by(ChangeSet.id.desc()).limit(limit)
        query = query.where(ChangeSet.is_open.is_(None))
        for subject, subject_id in (("household", household_id), ("volunteer", volunteer_id)):
            if subject_id is not None:
                about = change_sets_about(subject, subject_id, SUBJECTS[subject])
                query = query.where(ChangeSet.id.in_(about))
        if table is not None:
            query = query.where(ChangeSet.id.in_(change_sets_touching(table, row_id)))
        if actor is not None:
            query = query.where(func.lower(ChangeSet.actor).contains(actor.lower()))
        change_sets = session.scalars(query).all()
        counts: dict[int, dict[str, int]] = {}
        ids = [c.id for c in change_sets]
        for change_set_id, table_name, count in session.execute(
            select(AuditEntry.change_set_id, AuditEntry.table_name, func.count(AuditEntry.id))
            .where(AuditEntry.change_set_id.in_(ids))
            .group_by(AuditEntry.change_set_id, AuditEntry.table_name)
        ):
            counts.setdefault(change_set_id, {})[table_name] = count
        return [
            ChangeSetRow(
                c.id,
                c.at,
                c.actor,
                c.description,
                c.kind,
                c.reverts_id,
                sum(counts.get(c.id, {}).values()),
                tuple(sorted(counts.get(c.id, {}))),
            )
            for c in change_sets
        ]


def rows_touched(
    store: Store, change_set_id: int, limit: int = 500
) -> tuple[list[TouchedRow], int]:
    """The rows one change set touched, in the order it touched them (at most `limit`), and
    how many there are in all. Sensitive details are never shown."""
    with store.read() as session:
        total = session.scalar(
            select(func.count(AuditEntry.id)).where(AuditEntry.change_set_id == change_set_id)
        )
        found = []
        for table, key, action, before, after in entries_of(session, change_set_id, limit):
            if action == "update":
                changed = [c for c in after if before.get(c) != after.get(c)]
            else:
                changed = [c for c in (after or before) if c != "id"]
            hidden = HIDDEN_COLUMNS.get(table, ())
            found.append(
                TouchedRow(
                    table,
                    key,
                    action,
                    _label(table, key, after or before),
                    tuple((c, HIDDEN if c in hidden else before.get(c)) for c in changed if before),
                    tuple((c, HIDDEN if c in hidden else after.get(c)) for c in changed if after),
                )
            )
        return found, total


def touched_tables(store: Store) -> list[str]:
    """Every table any change set touched, for the History view's filter."""
    with store.read() as session:
        return sorted(session.scalars(select(AuditEntry.table_name).distinct()))


# --- reverting ---------------------------------------------------------------------------
def revert(store: Store, change_set_ids: int | Sequence[int], description: str = "") -> Changes:
    """Restore every row the change sets touched (the last one first) to its earlier values,
    with the same ids, as one new change set. Refuses, changing nothing, if later work would
    be overwritten or lost."""
    ids = [change_set_ids] if isinstance(change_set_ids, int) else list(change_set_ids)
    first = ids[0]
    with store.read() as session:
        for change_set_id in ids:
            if session.get(ChangeSet, change_set_id) is None:
                raise RevertRefused(change_set_id, "unknown")
    if not description:
        description = f"Revert change {first}" if len(ids) == 1 else f"Revert changes {ids}"
    with store.recording() as recorded:
        try:
            with store.transaction(
                description, kind=ChangeKind.REVERT, reverts_id=first
            ) as session:
                revert_into_open_change_set(session.connection(), ids)
        except RevertBlocked as blocked:
            with store.read() as session:
                label = row_label(session, blocked.table, blocked.key) if blocked.table else ""
            cs_id = (
                blocked.key[0]
                if blocked.reason in ("unknown", "not_revertible", "record_only", "erasure")
                and blocked.key
                else first
            )
            raise RevertRefused(
                cs_id, blocked.reason, blocked.table, label, blocked.blocker
            ) from None
    if not recorded:  # nothing to restore: the rows already are as they were before
        return Changes(0, description, {})
    return recorded[0]


def description_of(store: Store, change_set_id: int) -> str:
    with store.read() as session:
        found = session.get(ChangeSet, change_set_id)
        return found.description if found else ""


# --- naming a row for a person -------------------------------------------------------------
_LABEL_COLUMNS = {
    "group_profile": (Files.ROW_GROUP, "name"),
    "household": (Files.ROW_HOUSEHOLD, "code"),
    "household_member": (None, "full_name"),  # a name is its own label
    "volunteer": (None, "full_name"),
    "task": (Files.ROW_TASK, "title"),
    "property": (None, "address"),
    "ledger_category": (Files.ROW_CATEGORY, "name"),
    "pledge": (Files.ROW_PLEDGE, "donor"),
    "ledger_transaction": (Files.ROW_TRANSACTION, "occurred_on"),
    "check_in": (Files.ROW_CHECK_IN, "held_on"),
    "tenancy": (Files.ROW_TENANCY, "id"),
    "vetting_check": (Files.ROW_VETTING_CHECK, "checked_on"),
    "training_record": (Files.ROW_TRAINING, "completed_on"),
    "volunteer_hours": (Files.ROW_HOURS, "worked_on"),
    "volunteer_role": (Files.ROW_ROLE, "role"),
    "inspection": (Files.ROW_INSPECTION, "inspected_on"),
    "move_in_item": (Files.ROW_CHECKLIST_ITEM, "label"),
    "budget": (Files.ROW_BUDGET, "month"),
    "indicator_reading": (Files.ROW_READING, "recorded_on"),
}


def row_label(session: Session, table: str, key: RowKey) -> Message | str:
    """A short name for a row ("household H2", "Aroha Ngata"), from the row or, when it is
    gone, from the last values the audit trail holds."""
    return _label(table, key, last_known_values(session, table, key))


def _label(table: str, key: RowKey, values: dict | None) -> Message | str:
    name = table.replace("_", " ")
    pattern, column = _LABEL_COLUMNS.get(table, (Files.ROW_OTHER, "id"))
    if values and values.get(column) not in (None, ""):
        value = str(values[column])
        if pattern is None:
            return value
        if pattern is Files.ROW_OTHER:
            return Files.ROW_OTHER(table=name, value=value)
        return pattern(value=value)
    return Files.ROW_OTHER(table=name, value=tuple(str(k) for k in key))
