"""The audit trail: change sets (one per write) and a row for every row each one touched."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin


class ChangeKind:
    """What made a change set. Only edits and reverts can be reverted."""

    EDIT = "edit"  # something a person did in the window or on the command line
    REVERT = "revert"  # undo, redo or `sponsor-app revert`: restores an earlier state
    LEGACY = "legacy"  # audit rows recorded before change sets existed (schema 0004 and older)
    SCHEMA = "schema"  # an upgrade of the file's schema; no audit rows of its own
    ACCESS = "access"  # someone was shown sensitive details: a record, with no rows changed
    ERASURE = "erasure"  # personal details removed for good, in the rows and their history


class ChangeSet(IdMixin, Base):
    __tablename__ = "change_set"
    __table_args__ = (
        # At most one change set is open: the one the current write transaction fills. The
        # audit triggers find it through this index; a write outside a change set finds none
        # and fails on audit_entry.change_set_id NOT NULL, so nothing goes unrecorded.
        Index(
            "ux_change_set_open",
            "is_open",
            unique=True,
            sqlite_where=text("is_open = 1"),
            # No postgresql_where here (migration 0005 has it): naming it makes SQLAlchemy
            # import its whole PostgreSQL dialect (and asyncio) to check the argument, about
            # 0.1 s of every start and every command. Files are SQLite; no code builds the
            # schema from these models.
        ),
    )

    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(16), default=ChangeKind.EDIT)
    reverts_id: Mapped[int | None] = mapped_column(ForeignKey("change_set.id"))
    is_open: Mapped[bool | None] = mapped_column(default=None)


class AuditEntry(IdMixin, Base):
    """One row inserted, updated or deleted, with its values before and after (JSON).

    Written by SQLite triggers (storage/audit.py), so rows changed by cascades, bulk statements
    and plain SQL are recorded as surely as the ORM's. The values are the stored ones, exactly,
    so a revert puts a row back as it was, with its id.
    """

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_row", "table_name", "row_key"),)

    change_set_id: Mapped[int] = mapped_column(ForeignKey("change_set.id"), index=True)
    action: Mapped[str] = mapped_column(String(10))  # insert | update | delete
    table_name: Mapped[str] = mapped_column(String(40))
    row_key: Mapped[str] = mapped_column(String(120))  # JSON array of the primary key's values
    old_values: Mapped[str | None] = mapped_column(Text)  # JSON object; None for an insert
    new_values: Mapped[str | None] = mapped_column(Text)  # JSON object; None for a delete
