"""One way to fetch a record by id, or say it no longer exists; one way to read it into a row.

A window may hold an id for minutes: another window, an undo or a restore can remove the row
meanwhile. Every service that acts on "the record with this id" goes through `get_or_gone`, so
the refusal is always the same `NotFound` with the record's own "no longer exists" code.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ..domain.errors import NotFound
from ..domain.messages import Records
from ..storage.store import Store

Row = TypeVar("Row")
Result = TypeVar("Result")


def get_or_gone(session: Session, model: type[Row], row_id: int, gone: Records) -> Row:
    """The `model` row with this id, or `NotFound(gone(id=row_id))`."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(gone(id=row_id))
    return row


def rows_of(session: Session, parent: InstrumentedAttribute, parent_id: int, *order) -> list:
    """The rows that belong to one parent row (`parent` is their column pointing at it, as
    `Inspection.tenancy_id`), in `order`: a tab of a volunteer's checks, a tenancy's items."""
    return list(session.scalars(select(parent.class_).where(parent == parent_id).order_by(*order)))


def delete_or_gone(store: Store, description: str, model: type, row_id: int, gone: Records) -> None:
    """Delete one row in its own change set (the audit trail keeps what it was)."""
    with store.transaction(description) as session:
        session.delete(get_or_gone(session, model, row_id, gone))


def read_into(result: type[Result], record, **worked_out) -> Result:
    """A `result` dataclass read from a stored `record`: every field that is not `worked_out`
    (names, labels, counts the record does not hold) is the record's attribute of the same
    name, so a field added to both is carried without another line to forget."""
    taken = {f.name: getattr(record, f.name) for f in fields(result) if f.name not in worked_out}
    return result(**taken, **worked_out)


def added(session: Session, row: Row) -> Row:
    """`row` added to the file and flushed, so it has its id (and its defaults) to use."""
    session.add(row)
    session.flush()
    return row
