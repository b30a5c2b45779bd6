"""The settlement plan: tasks, the group's own task templates, check-ins, goals, readings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...domain.enums import CheckInKind, GoalStatus, OutcomeArea, Phase, TaskKind, TaskStatus
from .base import Base, IdMixin, code, enum_column, part_of


class Task(IdMixin, Base):
    __tablename__ = "task"
    __table_args__ = (Index("ix_task_status_due", "status", "due_on"),)

    household_id: Mapped[int] = part_of("household")
    # The programme template's key ("enrol_school"), "group-<id>" for the group's own
    # template, or None for a task added to one household only.
    template_key: Mapped[str | None] = mapped_column(
        String(40), info=code("a key of the programme's or the group's template")
    )
    kind: Mapped[TaskKind] = mapped_column(
        enum_column(TaskKind, "task_kind"), default=TaskKind.TASK, server_default="task"
    )
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
    evidence: Mapped[str] = mapped_column(Text, default="", server_default="")
    skip_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    milestone: Mapped[bool] = mapped_column(default=False)


class TaskTemplate(IdMixin, Base):
    """A task the group adds to its programme's template, for households added from now on
    (and to existing ones when the template is re-applied)."""

    __tablename__ = "task_template"

    phase: Mapped[Phase] = mapped_column(enum_column(Phase, "phase"))
    offset_days: Mapped[int]
    outcome_area: Mapped[OutcomeArea] = mapped_column(enum_column(OutcomeArea, "outcome_area"))
    title: Mapped[str]
    guidance: Mapped[str] = mapped_column(Text, default="")
    family_facing: Mapped[bool] = mapped_column(default=False)
    kind: Mapped[TaskKind] = mapped_column(
        enum_column(TaskKind, "task_kind"), default=TaskKind.TASK
    )
    archived_at: Mapped[datetime | None] = mapped_column(default=None)


class IndicatorReading(IdMixin, Base):
    __tablename__ = "indicator_reading"

    household_id: Mapped[int] = part_of("household")
    indicator: Mapped[str] = mapped_column(String(40), info=code("an indicator's key"))
    recorded_on: Mapped[date]
    value: Mapped[str]
    note: Mapped[str] = mapped_column(Text, default="")


class CheckIn(IdMixin, Base):
    """The contact log: a visit, call, meeting or programme review with a household."""

    __tablename__ = "check_in"
    __table_args__ = (
        CheckConstraint("needs_met IS NULL OR needs_met BETWEEN 1 AND 5", name="needs_met_1_5"),
    )

    household_id: Mapped[int] = part_of("household")
    held_on: Mapped[date]
    kind: Mapped[CheckInKind] = mapped_column(
        enum_column(CheckInKind, "check_in_kind"), default=CheckInKind.VISIT
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    # How far the family's needs are met, 1 to 5, as the family sees it (asked each time:
    # gratitude makes families slow to raise concerns).
    needs_met: Mapped[int | None]
    concern: Mapped[str] = mapped_column(Text, default="")
    concern_resolved_on: Mapped[date | None]
    shareable: Mapped[bool] = mapped_column(default=False)  # evaluators may read the summary
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id", ondelete="SET NULL"))

    present: Mapped[list[CheckInVolunteer]] = relationship(
        cascade="all, delete-orphan", order_by="CheckInVolunteer.volunteer_id"
    )


class CheckInVolunteer(Base):
    """A volunteer who was at a check-in."""

    __tablename__ = "check_in_volunteer"

    check_in_id: Mapped[int] = part_of("check_in", primary_key=True)
    volunteer_id: Mapped[int] = part_of("volunteer", primary_key=True)


class Goal(IdMixin, Base):
    """A goal the family set (at the first meeting, or later), in their words."""

    __tablename__ = "goal"

    household_id: Mapped[int] = part_of("household")
    outcome_area: Mapped[OutcomeArea] = mapped_column(enum_column(OutcomeArea, "outcome_area"))
    text: Mapped[str] = mapped_column(Text)
    set_on: Mapped[date]
    target_on: Mapped[date | None]
    status: Mapped[GoalStatus] = mapped_column(
        enum_column(GoalStatus, "goal_status"), default=GoalStatus.NOT_STARTED
    )

    reviews: Mapped[list[GoalReview]] = relationship(
        cascade="all, delete-orphan", order_by="GoalReview.reviewed_on"
    )


class GoalReview(IdMixin, Base):
    """Where a goal stood at a check-in; the goal's status is the latest review's."""

    __tablename__ = "goal_review"

    goal_id: Mapped[int] = part_of("goal")
    check_in_id: Mapped[int | None] = mapped_column(ForeignKey("check_in.id", ondelete="SET NULL"))
    reviewed_on: Mapped[date]
    status: Mapped[GoalStatus] = mapped_column(enum_column(GoalStatus, "goal_status"))
    note: Mapped[str] = mapped_column(Text, default="")
