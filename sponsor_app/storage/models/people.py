"""Volunteers, their roles, vetting checks, training records and logged hours."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...domain.enums import CheckResult
from ...domain.hours import MAX_MINUTES
from .base import ArchivableMixin, Base, IdMixin, code, enum_column, part_of


class Role(IdMixin, Base):
    """One of the group's roles. The programme's roles are the starting list; a group adds,
    renames and retires its own (schema 0009). Volunteers refer to a role by its key, which
    never changes, so renaming one renames it everywhere at once."""

    __tablename__ = "role"
    __table_args__ = (UniqueConstraint("name", name="role_name"),)

    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(default=0)  # the order the group lists them in
    retired_at: Mapped[datetime | None] = mapped_column(default=None)


class Volunteer(IdMixin, ArchivableMixin, Base):
    __tablename__ = "volunteer"

    full_name: Mapped[str]
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    languages: Mapped[str] = mapped_column(default="")  # "; "-separated, as people list them
    active: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # When their personal details were removed, long after they left (schema 0011).
    details_removed_at: Mapped[datetime | None] = mapped_column(default=None)

    roles: Mapped[list[VolunteerRole]] = relationship(
        back_populates="volunteer", cascade="all, delete-orphan", order_by="VolunteerRole.role"
    )
    checks: Mapped[list[VettingCheck]] = relationship(
        back_populates="volunteer", cascade="all, delete-orphan"
    )
    training: Mapped[list[TrainingRecord]] = relationship(
        back_populates="volunteer", cascade="all, delete-orphan"
    )


class VolunteerRole(Base):
    __tablename__ = "volunteer_role"

    volunteer_id: Mapped[int] = part_of("volunteer", primary_key=True)
    role: Mapped[str] = mapped_column(
        String(40), ForeignKey("role.key", ondelete="RESTRICT"), primary_key=True
    )

    volunteer: Mapped[Volunteer] = relationship(back_populates="roles")


class VettingCheck(IdMixin, Base):
    __tablename__ = "vetting_check"
    __table_args__ = (
        CheckConstraint(
            "expires_on IS NULL OR checked_on IS NULL OR expires_on > checked_on",
            name="expiry_after_check",
        ),
    )

    volunteer_id: Mapped[int] = part_of("volunteer")
    kind: Mapped[str] = mapped_column(String(40), info=code("a key of the programme's vetting"))
    result: Mapped[CheckResult] = mapped_column(enum_column(CheckResult, "check_result"))
    checked_on: Mapped[date | None]
    expires_on: Mapped[date | None]
    reference: Mapped[str] = mapped_column(default="")

    volunteer: Mapped[Volunteer] = relationship(back_populates="checks")


class TrainingRecord(IdMixin, Base):
    __tablename__ = "training_record"
    __table_args__ = (
        CheckConstraint(
            "expires_on IS NULL OR expires_on > completed_on", name="expiry_after_completion"
        ),
    )

    volunteer_id: Mapped[int] = part_of("volunteer")
    course: Mapped[str] = mapped_column(String(60), info=code("a key of the programme's courses"))
    completed_on: Mapped[date]
    expires_on: Mapped[date | None]
    certificate: Mapped[str] = mapped_column(default="")

    volunteer: Mapped[Volunteer] = relationship(back_populates="training")


class VolunteerHours(IdMixin, Base):
    __tablename__ = "volunteer_hours"
    __table_args__ = (
        CheckConstraint(f"minutes > 0 AND minutes <= {MAX_MINUTES}", name="minutes_in_a_day"),
        UniqueConstraint("volunteer_id", "worked_on", "activity", "household_id", name="one_entry"),
    )

    volunteer_id: Mapped[int] = part_of("volunteer")
    worked_on: Mapped[date] = mapped_column(index=True)
    minutes: Mapped[int]  # whole minutes, so hours never need a float
    activity: Mapped[str] = mapped_column(String(60))
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("household.id", ondelete="SET NULL")
    )
