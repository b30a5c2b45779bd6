"""The settlement plan: tasks, indicator readings and check-ins."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ...domain.enums import OutcomeArea, Phase, TaskStatus
from .base import Base, IdMixin, enum_column


class Task(IdMixin, Base):
    __tablename__ = "task"
    __table_args__ = (Index("ix_task_status_due", "status", "due_on"),)

    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), index=True
    )
    template_key: Mapped[str | None] = mapped_column(String(40))
    phase: Mapped[Phase] = mapped_column(enum_column(Phase, "phase"))
    outcome_area: Mapped[OutcomeArea] = mapped_column(enum_column(OutcomeArea, "outcome_area"))
    title: Mapped[str]
    guidance: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(default="")
    family_facing: Mapped[bool] = mapped_column(default=False)
    due_on: Mapped[date | None]
    status: Mapped[TaskStatus] = mapped_column(
        enum_column(TaskStatus, "task_status"), default=TaskStatus.OPEN
    )
    completed_on: Mapped[date | None]
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")
    milestone: Mapped[bool] = mapped_column(default=False)


class IndicatorReading(IdMixin, Base):
    __tablename__ = "indicator_reading"

    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), index=True
    )
    indicator: Mapped[str] = mapped_column(String(40))
    recorded_on: Mapped[date]
    value: Mapped[str]
    note: Mapped[str] = mapped_column(Text, default="")


class CheckIn(IdMixin, Base):
    __tablename__ = "check_in"

    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date]
    kind: Mapped[str] = mapped_column(String(40), default="visit")
    concerns: Mapped[str] = mapped_column(Text, default="")
    concerns_resolved: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    shareable: Mapped[bool] = mapped_column(default=False)
