"""The group profile (one row per file), households and their members."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ... import clock
from ...domain.vetting import DEFAULT_WARNING_DAYS
from .base import ArchivableMixin, Base, IdMixin, code, part_of


class GroupProfile(IdMixin, Base):
    __tablename__ = "group_profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    uuid: Mapped[str] = mapped_column(String(36), unique=True, info=code("a UUID the app makes"))
    name: Mapped[str]
    programme_key: Mapped[str] = mapped_column(String(32), info=code("a programme's key"))
    currency: Mapped[str] = mapped_column(String(3), info=code("an ISO 4217 currency code"))
    locale: Mapped[str] = mapped_column(String(16), info=code("a locale such as en_NZ"))
    start_date: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    prepared_by_role: Mapped[str] = mapped_column(default="Group lead")
    # Days before expiry that a vetting check or training counts as "expiring" (schema 0002).
    # Not null, so a new group is given its programme's window (services/group/groups.py); read only
    # through services/group/groups.py:windows_of.
    vetting_warning_days: Mapped[int] = mapped_column(
        default=DEFAULT_WARNING_DAYS, server_default=str(DEFAULT_WARNING_DAYS)
    )
    # The group's own warning windows (schema 0006); None: the programme's default.
    lease_warning_days: Mapped[int | None]
    due_soon_days: Mapped[int | None]
    arrival_warning_days: Mapped[int | None]


class Household(IdMixin, ArchivableMixin, Base):
    __tablename__ = "household"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    family_name: Mapped[str] = mapped_column(default="")
    arrival_date: Mapped[date | None]
    arrival_confirmed: Mapped[bool] = mapped_column(default=False)
    town: Mapped[str] = mapped_column(default="")
    languages: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # When its personal details were removed at the end of the time to keep them (schema 0011).
    details_removed_at: Mapped[datetime | None] = mapped_column(default=None)

    members: Mapped[list[HouseholdMember]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="HouseholdMember.id"
    )


class HouseholdMember(IdMixin, ArchivableMixin, Base):
    __tablename__ = "household_member"

    household_id: Mapped[int] = part_of("household")
    full_name: Mapped[str]
    relationship_to_principal: Mapped[str] = mapped_column(String(40), default="")
    date_of_birth: Mapped[date | None]
    is_principal: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Sensitive (schema 0011): shown only on request, which the history records; never in an
    # export or an anonymised report.
    health_notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    immigration_notes: Mapped[str] = mapped_column(Text, default="", server_default="")

    household: Mapped[Household] = relationship(back_populates="members")
