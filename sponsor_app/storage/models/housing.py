"""Properties, tenancies, inspections and move-in checklists."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...domain.enums import RentFrequency, TenancyStatus
from .base import ArchivableMixin, Base, IdMixin, enum_column, part_of


class Property(IdMixin, ArchivableMixin, Base):
    __tablename__ = "property"
    __table_args__ = (CheckConstraint("bedrooms >= 0", name="bedrooms_not_negative"),)

    address: Mapped[str]
    town: Mapped[str] = mapped_column(String(80), default="")
    kind: Mapped[str] = mapped_column(String(40), default="")
    bedrooms: Mapped[int] = mapped_column(default=0)
    landlord: Mapped[str] = mapped_column(default="")
    landlord_contact: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    tenancies: Mapped[list[Tenancy]] = relationship(
        back_populates="property", order_by="Tenancy.lease_start"
    )


class Tenancy(IdMixin, Base):
    __tablename__ = "tenancy"
    __table_args__ = (
        CheckConstraint(
            "lease_end IS NULL OR lease_start IS NULL OR lease_end >= lease_start",
            name="end_after_start",
        ),
        CheckConstraint(
            "rent_minor >= 0 AND group_share_minor >= 0 AND group_share_minor <= rent_minor",
            name="rent_shares",
        ),
        CheckConstraint("bond_minor >= 0", name="bond_not_negative"),
    )

    property_id: Mapped[int] = part_of("property")
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("household.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[TenancyStatus] = mapped_column(enum_column(TenancyStatus, "tenancy_status"))
    lease_start: Mapped[date | None]
    lease_end: Mapped[date | None]
    rent_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    rent_frequency: Mapped[RentFrequency] = mapped_column(
        enum_column(RentFrequency, "rent_frequency")
    )
    group_share_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    bond_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    bond_holder: Mapped[str] = mapped_column(default="")

    property: Mapped[Property] = relationship(back_populates="tenancies")
    inspections: Mapped[list[Inspection]] = relationship(cascade="all, delete-orphan")
    move_in_items: Mapped[list[MoveInItem]] = relationship(
        cascade="all, delete-orphan", order_by="MoveInItem.position"
    )


class Inspection(IdMixin, Base):
    __tablename__ = "inspection"

    tenancy_id: Mapped[int] = part_of("tenancy")
    inspected_on: Mapped[date]
    kind: Mapped[str] = mapped_column(String(40))
    result: Mapped[str] = mapped_column(String(20))
    issues: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    next_due: Mapped[date | None]


class MoveInItem(IdMixin, Base):
    __tablename__ = "move_in_item"

    tenancy_id: Mapped[int] = part_of("tenancy")
    label: Mapped[str]
    position: Mapped[int] = mapped_column(default=0)
    done: Mapped[bool] = mapped_column(default=False)
