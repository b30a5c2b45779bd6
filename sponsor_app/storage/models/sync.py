"""Sharing between laptops (issue 22): who this copy is, what it has seen, and how each field
came to hold its value. The design is /work/helpers/sync-design.md, summarised in
storage/sync/versions.py.

Two kinds of table. Replica-local ones describe this copy and never travel or compare
(`sync_replica`, `sync_id_counter`, `sync_channel`). The others are derived from the set of
change sets this copy has seen, so every copy that has seen the same ones holds the same rows
(`sync_vector`, `sync_row`, `sync_field`, `sync_conflict`). None of them is audited: they are
the bookkeeping of the change sets, not changes of the group's records.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, code

# The sync tables name a replica, a table, a row and a column the same way everywhere.


def _uuid(**kw):
    """A replica's id (a UUID)."""
    return mapped_column(String(36), info=code("uuid"), **kw)


def _table_name():
    return mapped_column(String(60), primary_key=True, info=code("table"))


def _row_key():
    """A row's key as the history writes it ("[12]")."""
    return mapped_column(String(120), primary_key=True, info=code("key"))


def _column_name():
    return mapped_column(String(60), primary_key=True, info=code("column"))


class SyncReplica(Base):
    """This copy's identity: one row. A copy of the file (another laptop, a restored backup)
    takes a new one at its first open, before it writes anything (storage/sync/replica.py)."""

    __tablename__ = "sync_replica"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    replica_id: Mapped[str] = _uuid()
    # New rows' ids are id_prefix << 32 | n: prefix 0 for the file's first copy, so the ids
    # that reports and history show never change; a random one for every later copy.
    id_prefix: Mapped[int] = mapped_column(BigInteger)
    parent_replica_id: Mapped[str | None] = _uuid()
    next_seq: Mapped[int] = mapped_column(BigInteger)  # of this copy's own change sets
    hlc: Mapped[int] = mapped_column(BigInteger)  # the hybrid logical clock: ms << 16 | counter
    laptop_name: Mapped[str] = mapped_column(String(120), default="")


class SyncGroup(Base):
    """Written when the file starts being shared; it travels with every copy made after, which
    is how a laptop joins (by copying the shared file). The group key seals what leaves the
    file (storage/sync/seal.py); in a protected file SQLCipher encrypts it with everything
    else. A copy made before sharing started has no row, so it can never join."""

    __tablename__ = "sync_group"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    key_id: Mapped[str] = mapped_column(String(16), info=code("key id"))
    genesis: Mapped[str] = _uuid()
    founder_replica: Mapped[str] = _uuid()
    founded_at: Mapped[datetime]


class SyncIdCounter(Base):
    """The next n of new ids per table (storage/sync/ids.py); it only grows, so no id returns."""

    __tablename__ = "sync_id_counter"

    table_name: Mapped[str] = _table_name()
    next: Mapped[int] = mapped_column(BigInteger)


class SyncChannel(Base):
    """A folder or hub this copy syncs with: where it pulled up to, and how the last sync went."""

    __tablename__ = "sync_channel"

    location: Mapped[str] = mapped_column(String(500), primary_key=True, info=code("place"))
    kind: Mapped[str] = mapped_column(String(16), info=code("channel kind"))
    cursor: Mapped[str] = mapped_column(String(200), default="", info=code("cursor"))
    last_sync_at: Mapped[datetime | None] = mapped_column(default=None)
    last_result: Mapped[str] = mapped_column(String(40), default="", info=code("result"))


class SyncVector(Base):
    """The version vector: the highest seq of each replica applied here (without gaps)."""

    __tablename__ = "sync_vector"

    replica: Mapped[str] = _uuid(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)


class SyncRow(Base):
    """A row's insert version and, while it is deleted, its delete version and last values."""

    __tablename__ = "sync_row"

    table_name: Mapped[str] = _table_name()
    row_key: Mapped[str] = _row_key()
    insert_hlc: Mapped[int] = mapped_column(BigInteger)
    insert_replica: Mapped[str] = _uuid()
    insert_seq: Mapped[int] = mapped_column(BigInteger)
    deleted_hlc: Mapped[int | None] = mapped_column(BigInteger)
    deleted_replica: Mapped[str | None] = _uuid()
    deleted_seq: Mapped[int | None] = mapped_column(BigInteger)
    last_values: Mapped[str | None] = mapped_column(Text)  # JSON, while deleted


class SyncField(Base):
    """The writes a field's value came from: one row normally, several for writes made at
    once on different laptops (the value shown is the one of the largest (hlc, replica))."""

    __tablename__ = "sync_field"

    table_name: Mapped[str] = _table_name()
    row_key: Mapped[str] = _row_key()
    column_name: Mapped[str] = _column_name()
    replica: Mapped[str] = _uuid(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    hlc: Mapped[int] = mapped_column(BigInteger)
    value: Mapped[str | None] = mapped_column(Text)  # JSON of the value that write wrote


class SyncConflict(Base):
    """Writes made at once on two laptops that a person may want to see: `open` ones wait for
    a decision (money, dates of transactions, a household's identity, vetting, a delete
    against an edit), `auto` ones were settled by the rule and are listed for reference."""

    __tablename__ = "sync_conflict"

    table_name: Mapped[str] = _table_name()
    row_key: Mapped[str] = _row_key()
    column_name: Mapped[str] = _column_name()
    kind: Mapped[str] = mapped_column(String(16), primary_key=True, info=code("conflict kind"))
    members: Mapped[str] = mapped_column(Text)  # JSON: [[hlc, replica, seq, column, value]...]
    status: Mapped[str] = mapped_column(String(16), info=code("conflict status"))
