"""What the lead writes for a report: the evaluation narrative, kept per reporting period."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin


class ReportNarrative(IdMixin, Base):
    """Highlights and challenges for one period (schema 0008): the evaluation report prints
    them in its last section, and the same period brings the same words back."""

    __tablename__ = "report_narrative"
    __table_args__ = (UniqueConstraint("period_start", "period_end", name="one_per_period"),)

    period_start: Mapped[date]
    period_end: Mapped[date]
    highlights: Mapped[str] = mapped_column(Text, default="")
    challenges: Mapped[str] = mapped_column(Text, default="")
