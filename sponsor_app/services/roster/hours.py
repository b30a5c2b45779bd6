"""Volunteer hours: log them, list them, and total them by month and by activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, func, select

from ... import clock
from ...domain.errors import InvalidInput, Problem
from ...domain.hours import logged_hours_problems
from ...domain.messages import Records, Roster
from ...domain.periods import Period
from ...storage.models import Household, VolunteerHours
from ...storage.store import Store
from ..rows import added, delete_or_gone
from .volunteers import get_volunteer_orm


@dataclass(frozen=True)
class HoursInput:
    volunteer_id: int
    worked_on: date
    minutes: int
    activity: str
    household_id: int | None = None


@dataclass(frozen=True)
class HoursRow:
    id: int
    volunteer_id: int
    worked_on: date
    minutes: int
    activity: str
    household_code: str


@dataclass(frozen=True)
class HoursTotals:
    total_minutes: int
    by_month: tuple[tuple[date, int], ...]  # first day of the month, minutes
    by_activity: tuple[tuple[str, int], ...]


def log_hours(store: Store, data: HoursInput, today: date | None = None) -> HoursRow:
    problems = []
    if not data.activity.strip():
        problems.append(Problem("activity", Roster.ACTIVITY_MISSING()))
    problems += logged_hours_problems(data.minutes, data.worked_on, today or clock.today())
    if problems:
        raise InvalidInput(problems)
    with store.transaction("Log hours") as session:
        get_volunteer_orm(session, data.volunteer_id)
        household = session.get(Household, data.household_id) if data.household_id else None
        same = session.scalar(
            select(VolunteerHours).where(
                VolunteerHours.volunteer_id == data.volunteer_id,
                VolunteerHours.worked_on == data.worked_on,
                VolunteerHours.activity == data.activity.strip(),
                VolunteerHours.household_id.is_(None)
                if data.household_id is None
                else VolunteerHours.household_id == data.household_id,
            )
        )
        if same is not None:
            raise InvalidInput.single("activity", Roster.HOURS_LOGGED())
        entry = VolunteerHours(
            volunteer_id=data.volunteer_id,
            worked_on=data.worked_on,
            minutes=data.minutes,
            activity=data.activity.strip(),
            household_id=data.household_id,
        )
        added(session, entry)
        return HoursRow(
            entry.id,
            entry.volunteer_id,
            entry.worked_on,
            entry.minutes,
            entry.activity,
            household.code if household else "",
        )


def delete_hours(store: Store, entry_id: int) -> None:
    delete_or_gone(store, "Delete hours", VolunteerHours, entry_id, Records.HOURS_GONE)


def list_hours(store: Store, volunteer_id: int) -> list[HoursRow]:
    with store.read() as session:
        rows = session.execute(
            select(VolunteerHours, Household.code)
            .outerjoin(Household, Household.id == VolunteerHours.household_id)
            .where(VolunteerHours.volunteer_id == volunteer_id)
            .order_by(VolunteerHours.worked_on.desc(), VolunteerHours.id.desc())
        ).all()
        return [
            HoursRow(h.id, h.volunteer_id, h.worked_on, h.minutes, h.activity, code or "")
            for h, code in rows
        ]


def summary_period(as_of: date) -> Period:
    """What a volunteer's hours summary covers on `as_of`: the last 12 months."""
    return Period.last_months(12, as_of)


def hours_totals(store: Store, period: Period, volunteer_id: int | None = None) -> HoursTotals:
    """Minutes in the period by month (every month listed, zero included) and by activity."""
    year = extract("year", VolunteerHours.worked_on)
    month = extract("month", VolunteerHours.worked_on)
    where = [VolunteerHours.worked_on.between(period.start, period.end)]
    if volunteer_id is not None:
        where.append(VolunteerHours.volunteer_id == volunteer_id)
    with store.read() as session:
        months = {
            (int(y), int(m)): int(total)
            for y, m, total in session.execute(
                select(year, month, func.sum(VolunteerHours.minutes))
                .where(*where)
                .group_by(year, month)
            )
        }
        activities = session.execute(
            select(VolunteerHours.activity, func.sum(VolunteerHours.minutes))
            .where(*where)
            .group_by(VolunteerHours.activity)
            .order_by(func.sum(VolunteerHours.minutes).desc(), VolunteerHours.activity)
        ).all()
    by_month = tuple((first, months.get((first.year, first.month), 0)) for first in period.months())
    return HoursTotals(
        total_minutes=sum(months.values()),
        by_month=by_month,
        by_activity=tuple((activity, int(total)) for activity, total in activities),
    )
