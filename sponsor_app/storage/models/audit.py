"""The audit trail: one row for every insert, update and delete."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin


class AuditEntry(IdMixin, Base):
    __tablename__ = "audit_entry"

    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(10))  # insert | update | delete
    table_name: Mapped[str] = mapped_column(String(40))
    row_key: Mapped[str] = mapped_column(String(80))
    changes: Mapped[str] = mapped_column(Text)  # JSON: {"field": [old, new]}
