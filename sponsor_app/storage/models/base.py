"""Declarative base, column types and conventions shared by every table."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import ClassVar

from sqlalchemy import Enum as SAEnum
from sqlalchemy import ForeignKey, MetaData, String, types
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints so that Alembic's batch mode (SQLite) can find and alter them later.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(types.TypeDecorator):
    """Aware UTC timestamps on every dialect (SQLite keeps no zone of its own)."""

    impl = types.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: store UTC-aware timestamps only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect):
        return None if value is None else value.replace(tzinfo=UTC)


def enum_column(enum_cls: type[enum.Enum], name: str) -> SAEnum:
    """A portable enum: a VARCHAR of the values with a CHECK constraint, not a native type."""
    return SAEnum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def part_of(parent: str, *, index: bool = True, primary_key: bool = False):
    """The column of a row that belongs to one `parent` row (its table's name) and is deleted
    with it; indexed to find a parent's rows, unless it leads the primary key already."""
    link = ForeignKey(f"{parent}.id", ondelete="CASCADE")
    if primary_key:
        return mapped_column(link, primary_key=True)
    return mapped_column(link, index=index)


def code(what: str) -> dict:
    """Column info for text that is a code the app makes or looks up, never words a person
    typed (privacy tests plant names in every other text column)."""
    return {"code": what}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar = {datetime: UTCDateTime(), str: String(200)}


def _new_id(context) -> int:
    """A new row's id, unique across every copy of the file (storage/sync/ids.py)."""
    from ..sync.ids import next_id

    return next_id(context.connection, context.current_column.table.name)


class IdMixin:
    # Given by the app, never by SQLite: a copy of the file on another laptop counts in its
    # own range, so rows made on two laptops never share an id.
    id: Mapped[int] = mapped_column(primary_key=True, default=_new_id)


class ArchivableMixin:
    """Deleting a person or household archives it; only a confirmed hard delete removes the row."""

    archived_at: Mapped[datetime | None] = mapped_column(default=None)

    @property
    def archived(self) -> bool:
        return self.archived_at is not None
