"""Change sets: open one per write, close it with what it touched, and revert one exactly.

A revert restores every row a change set touched to the values it had before, with the same
ids, as a new change set. It is allowed only while every one of those rows is still as the
change set left it: if a later change set edited one of them (and was not itself reverted) the
revert is refused, naming that later change. Undo and redo are reverts; nothing writes an
inverse by hand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from .. import clock
from ..domain.changes import Changes, RowKey
from .audit import TableShape, delete_row, fetch_row, insert_row, table_shapes, update_row
from .audit_reads import key_text
from .models import AuditEntry, ChangeKind, ChangeSet
from .topics import records_touched

_CHANGE_SET = ChangeSet.__table__
_AUDIT = AuditEntry.__table__
REVERTIBLE = (ChangeKind.EDIT, ChangeKind.REVERT)


def open_change_set(
    connection: Connection,
    actor: str,
    description: str,
    kind: str = ChangeKind.EDIT,
    reverts_id: int | None = None,
) -> int:
    """Start the change set that the audit triggers of this transaction write into."""
    result = connection.execute(
        insert(_CHANGE_SET).values(
            # The app's clock (a fixed day in tests), like every other date it keeps, so that
            # "changed after the period ended" compares like with like.
            at=clock.now(),
            actor=actor,
            description=description[:300],
            kind=kind,
            reverts_id=reverts_id,
            is_open=True,
        )
    )
    return result.inserted_primary_key[0]


def left_open(connection) -> list[int]:
    """Change sets committed while still marked open (a crash at the wrong moment, or another
    program): each blocks every later write, as only one may be open."""
    return [
        row[0]
        for row in connection.execute(
            select(_CHANGE_SET.c.id).where(_CHANGE_SET.c.is_open.is_(True))
        )
    ]


def close_left_open(connection: Connection) -> list[int]:
    """Close what `left_open` finds, keeping what was committed: one with audit rows is
    closed as it stands (its rows are in the file, and the history shows them), an empty one
    is removed. Run when the file opens for writing, before any write of ours."""
    found = left_open(connection)
    for change_set_id in found:
        if touched_rows(connection, change_set_id):
            connection.execute(
                update(_CHANGE_SET).where(_CHANGE_SET.c.id == change_set_id).values(is_open=None)
            )
        else:
            connection.execute(_CHANGE_SET.delete().where(_CHANGE_SET.c.id == change_set_id))
    return found


def touched_rows(connection: Connection, change_set_id: int) -> dict[str, frozenset[RowKey]]:
    found: dict[str, set[RowKey]] = {}
    for table, key in connection.execute(
        select(_AUDIT.c.table_name, _AUDIT.c.row_key).where(_AUDIT.c.change_set_id == change_set_id)
    ):
        found.setdefault(table, set()).add(tuple(json.loads(key)))
    return {table: frozenset(keys) for table, keys in found.items()}


def close_change_set(
    connection: Connection,
    change_set_id: int,
    description: str,
    keep_empty: bool = False,
) -> Changes | None:
    """Close the change set before commit. One that changed nothing is removed: None (unless
    `keep_empty`: a record that someone was shown sensitive details changes no row)."""
    rows = touched_rows(connection, change_set_id)
    if not rows and not keep_empty:
        connection.execute(_CHANGE_SET.delete().where(_CHANGE_SET.c.id == change_set_id))
        return None
    connection.execute(
        update(_CHANGE_SET).where(_CHANGE_SET.c.id == change_set_id).values(is_open=None)
    )
    records = records_touched(connection, change_set_id, rows)
    return Changes(change_set_id, description, rows, records)


# --- revert ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Blocker:
    """The later change set that stands in a revert's way."""

    id: int
    description: str
    at: datetime
    actor: str
    kind: str = ChangeKind.EDIT
    reverts_id: int | None = None


class RevertBlocked(Exception):
    """Raised inside the revert's transaction (which then rolls back); services word it.

    reason: "changed_since" (a later change set edited the row), "would_remove_more" (undoing
    would also remove or change rows added since, such as a task added to a household whose
    creation is being undone), "in_use" (other rows still refer to it), "missing_reference"
    (it refers to a row removed since), "not_revertible" (a schema upgrade or old record),
    "record_only" (a record that sensitive details were shown), "erasure" (personal details
    removed for good), "erased" (a row whose personal details were removed since),
    "creates_group" (it made the group itself: undone, the file would not open), "unknown"
    (no such change set).
    """

    def __init__(
        self,
        reason: str,
        table: str = "",
        key: RowKey = (),
        blocker: Blocker | None = None,
    ):
        self.reason, self.table, self.key, self.blocker = reason, table, key, blocker
        super().__init__(f"{reason}: {table} {key}")


@dataclass
class _NetChange:
    before: dict | None  # the row before the change set (None: it did not exist)
    after: dict | None  # the row after it (None: the change set removed it)
    last_entry: int


def net_changes(connection: Connection, change_set_id: int) -> dict[tuple[str, RowKey], _NetChange]:
    """Each row the change set touched: its values before the first and after the last of
    its audit rows."""
    net: dict[tuple[str, RowKey], _NetChange] = {}
    entries = connection.execute(
        select(
            _AUDIT.c.id,
            _AUDIT.c.table_name,
            _AUDIT.c.row_key,
            _AUDIT.c.old_values,
            _AUDIT.c.new_values,
        )
        .where(_AUDIT.c.change_set_id == change_set_id)
        .order_by(_AUDIT.c.id)
    )
    for entry_id, table, key, old, new in entries:
        slot = (table, tuple(json.loads(key)))
        after = json.loads(new) if new is not None else None
        if slot in net:
            net[slot].after, net[slot].last_entry = after, entry_id
        else:
            before = json.loads(old) if old is not None else None
            net[slot] = _NetChange(before, after, entry_id)
    return net


def _touching_change_sets():
    """Change sets joined to the audit rows they wrote, selected as a Blocker's fields."""
    return select(
        _CHANGE_SET.c.id,
        _CHANGE_SET.c.description,
        _CHANGE_SET.c.at,
        _CHANGE_SET.c.actor,
        _CHANGE_SET.c.kind,
        _CHANGE_SET.c.reverts_id,
    ).join(_AUDIT, _AUDIT.c.change_set_id == _CHANGE_SET.c.id)


def latest_change_touching(
    connection: Connection, table: str, key: RowKey, after_id: int = 0
) -> Blocker | None:
    """The newest change set after `after_id` that touched the row."""
    found = connection.execute(
        _touching_change_sets()
        .where(
            _AUDIT.c.table_name == table,
            _AUDIT.c.row_key == key_text(key),
            _CHANGE_SET.c.id > after_id,
            _CHANGE_SET.c.is_open.is_(None),
        )
        .order_by(_CHANGE_SET.c.id.desc())
        .limit(1)
    ).first()
    return Blocker(*found) if found else None


def _same(current: dict | None, expected: dict | None) -> bool:
    if current is None or expected is None:
        return current is expected
    # Compare the columns the change set knew: a later migration may have added others.
    return all(current.get(column) == value for column, value in expected.items())


def revert_into_open_change_set(connection: Connection, change_set_ids: list[int]) -> None:
    """Restore, in this transaction, every row the change sets touched, newest set first.

    The caller has opened the change set that records this revert. Raises RevertBlocked (the
    caller's transaction then rolls back, so the file is unchanged).
    """
    shapes = table_shapes(connection)
    allowed: set[tuple[str, RowKey]] = set()
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # rows return in any order
    for change_set_id in change_set_ids:
        kind = connection.execute(
            select(_CHANGE_SET.c.kind).where(_CHANGE_SET.c.id == change_set_id)
        ).scalar()
        if kind is None:
            raise RevertBlocked("unknown", key=(change_set_id,))
        if kind == ChangeKind.ACCESS:
            raise RevertBlocked("record_only", key=(change_set_id,))
        if kind == ChangeKind.ERASURE:
            raise RevertBlocked("erasure", key=(change_set_id,))
        if kind not in REVERTIBLE:
            raise RevertBlocked("not_revertible", key=(change_set_id,))
        net = net_changes(connection, change_set_id)
        _check_not_the_group_itself(change_set_id, net)
        _check_not_erased_since(connection, change_set_id, net)
        allowed.update(net)
        _check_unchanged_since(connection, shapes, change_set_id, net)
        for (table, key), change in sorted(net.items(), key=lambda item: -item[1].last_entry):
            _restore(connection, shapes[table], key, change)
    _check_nothing_else_moved(connection, allowed)
    _check_references(connection, shapes, {table for table, _ in allowed})
    _check_file_still_opens(connection)


# The row every group file must hold to open: a change set that made or removed it (the
# group's creation) is not revertible, whatever its kind says.
GROUP_TABLE = "group_profile"


def _check_not_the_group_itself(change_set_id: int, net) -> None:
    for (table, key), change in net.items():
        if table == GROUP_TABLE and (change.before is None or change.after is None):
            raise RevertBlocked("creates_group", table, key, None)


def _check_file_still_opens(connection: Connection) -> None:
    """Whatever the change sets held, the file keeps the one group profile it opens by."""
    count = connection.exec_driver_sql(f'SELECT count(*) FROM "{GROUP_TABLE}"').scalar()
    if count != 1:
        raise RevertBlocked("creates_group", GROUP_TABLE, ())


def _check_not_erased_since(
    connection: Connection, change_set_id: int, net: dict[tuple[str, RowKey], _NetChange]
) -> None:
    """Personal details removed since (services/files/retention.py) never come back by a revert."""
    for table, key in net:
        found = connection.execute(
            _touching_change_sets()
            .where(
                _CHANGE_SET.c.kind == ChangeKind.ERASURE,
                _CHANGE_SET.c.id > change_set_id,
                _AUDIT.c.table_name == table,
                _AUDIT.c.row_key == key_text(key),
            )
            .limit(1)
        ).first()
        if found is not None:
            raise RevertBlocked("erased", table, key, Blocker(*found))


def _check_unchanged_since(
    connection: Connection,
    shapes: dict[str, TableShape],
    change_set_id: int,
    net: dict[tuple[str, RowKey], _NetChange],
) -> None:
    for (table, key), change in net.items():
        shape = shapes.get(table)
        if shape is None:
            raise RevertBlocked("not_revertible", table, key)
        if not _same(fetch_row(connection, shape, key), change.after):
            blocker = latest_change_touching(connection, table, key, change_set_id)
            reverted = (
                blocker is not None
                and blocker.kind == ChangeKind.REVERT
                and blocker.reverts_id == change_set_id
            )
            reason = "already_reverted" if reverted else "changed_since"
            raise RevertBlocked(reason, table, key, blocker)


def _missing_parent_key(connection: Connection, problem) -> RowKey:
    """The key of the parent row that a child still points at (for naming it)."""
    child, rowid, parent, fk_id = problem
    for reference in connection.exec_driver_sql(f'PRAGMA foreign_key_list("{child}")'):
        if reference[0] == fk_id and reference[2] == parent:
            value = connection.exec_driver_sql(
                f'SELECT "{reference[3]}" FROM "{child}" WHERE rowid = ?', (rowid,)
            ).scalar()
            return (value,)
    return ()


def _restore(connection: Connection, shape: TableShape, key: RowKey, change: _NetChange) -> None:
    try:
        if change.before is None:
            delete_row(connection, shape, key)
        elif change.after is None:
            insert_row(connection, shape, change.before)
        else:
            update_row(connection, shape, key, change.before)
    except IntegrityError as error:
        reason = "in_use" if change.before is None else "clash"
        raise RevertBlocked(reason, shape.name, key) from error


def _check_nothing_else_moved(connection: Connection, allowed: set[tuple[str, RowKey]]) -> None:
    """A cascade must not reach rows the reverted change sets never touched."""
    current = connection.execute(
        select(_CHANGE_SET.c.id).where(_CHANGE_SET.c.is_open.is_(True))
    ).scalar_one()
    for table, keys in touched_rows(connection, current).items():
        for key in keys:
            if (table, key) not in allowed:
                raise RevertBlocked(
                    "would_remove_more", table, key, latest_change_touching(connection, table, key)
                )


def _check_references(
    connection: Connection, shapes: dict[str, TableShape], tables: set[str]
) -> None:
    """Deferred foreign keys are checked here, so a broken one is named rather than failing
    the commit: a restored row may point at a row removed since ("missing_reference"), or a
    row taken away may still be pointed at by rows added since ("in_use")."""
    referring = {
        child
        for child in shapes
        for reference in connection.exec_driver_sql(f'PRAGMA foreign_key_list("{child}")')
        if reference[2] in tables
    }
    for table in sorted(tables | referring):
        problem = connection.exec_driver_sql(f'PRAGMA foreign_key_check("{table}")').first()
        if problem is None:
            continue
        child, rowid, parent = problem[0], problem[1], problem[2]
        if child in tables:
            key = (rowid,) if len(shapes[child].key) == 1 else ()
            raise RevertBlocked("missing_reference", child, key)
        raise RevertBlocked("in_use", parent, _missing_parent_key(connection, problem))


def change_sets_about(table: str, row_id: int, columns: tuple[str, ...]):
    """A query of the change sets that touched one record (`table`, `row_id`) or any row that
    points at it through one of `columns` (a household's tasks by household_id, a volunteer's
    checks by volunteer_id): the History view's filter by household or volunteer. It reads
    the audit values, so it lives here (SQLite's json_extract; PostgreSQL would use ->>)."""
    from sqlalchemy import func, or_

    refers = [
        func.json_extract(values, f"$.{column}") == row_id
        for column in columns
        for values in (_AUDIT.c.new_values, _AUDIT.c.old_values)
    ]
    itself = (_AUDIT.c.table_name == table) & (_AUDIT.c.row_key == json.dumps([row_id]))
    return select(_AUDIT.c.change_set_id).where(or_(itself, *refers)).distinct()
