"""The figures on the dashboard, each computed here so the window only displays them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from ..domain.enums import OutcomeArea, TaskStatus, TenancyStatus, VettingStatus
from ..domain.money import Money
from ..domain.periods import Period, add_months, month_end
from ..domain.programmes import FundsRequirement, Programme, get_programme
from ..storage.models import (
    Budget,
    GroupProfile,
    Household,
    HouseholdMember,
    LedgerTransaction,
    Property,
    Task,
    Tenancy,
    Volunteer,
)
from ..storage.store import Store
from .ledger import signed_amount
from .tasks import LapsedAssignment, lapsed_assignments
from .volunteers import list_volunteers

DUE_SOON_DAYS = 14
VETTING_WARNING_DAYS = 30
LEASE_WARNING_DAYS = 60


@dataclass(frozen=True)
class TaskDue:
    id: int
    household_id: int
    household_code: str
    title: str
    due_on: date
    days_overdue: int  # negative: due in that many days
    outcome_area: OutcomeArea
    assignee: str


@dataclass(frozen=True)
class VettingAlert:
    volunteer_id: int
    name: str
    status: VettingStatus
    expires_on: date | None


@dataclass(frozen=True)
class LeaseAlert:
    tenancy_id: int
    household_code: str
    address: str
    lease_end: date
    days_left: int


@dataclass(frozen=True)
class ArrivalCountdown:
    household_id: int
    code: str
    arrival_date: date | None
    days_since: int | None  # negative: arrives in that many days


@dataclass(frozen=True)
class FundsPosition:
    held: Money
    requirement: FundsRequirement

    @property
    def shortfall(self) -> Money:
        gap = self.requirement.required - self.held
        return gap if gap.minor > 0 else Money.zero(gap.currency)

    @property
    def met(self) -> bool:
        return self.shortfall.minor == 0


@dataclass(frozen=True)
class MonthBalance:
    month_end: date
    balance: Money


@dataclass(frozen=True)
class AreaProgress:
    area: OutcomeArea
    done: int
    total: int


@dataclass(frozen=True)
class DashboardFigures:
    today: date
    locale: str
    overdue: tuple[TaskDue, ...]
    due_soon: tuple[TaskDue, ...]
    vetting: tuple[VettingAlert, ...]
    leases: tuple[LeaseAlert, ...]
    arrivals: tuple[ArrivalCountdown, ...]
    funds: FundsPosition
    month_end_balances: tuple[MonthBalance, ...]
    area_progress: tuple[AreaProgress, ...]
    lapsed_assignments: tuple[LapsedAssignment, ...] = ()


def dashboard(store: Store, today: date | None = None) -> DashboardFigures:
    today = today or date.today()
    vetting = tuple(
        VettingAlert(v.id, v.full_name, v.vetting_status, v.vetting_expires_on)
        for v in list_volunteers(store, today=today)
        if v.active and v.vetting_status in (VettingStatus.EXPIRED, VettingStatus.EXPIRING)
    )
    lapsed = tuple(lapsed_assignments(store, today))
    with store.read() as session:
        profile = session.scalars(select(GroupProfile)).one()
        programme = get_programme(profile.programme_key)
        overdue, due_soon = _tasks_due(session, today)
        return DashboardFigures(
            today=today,
            locale=profile.locale,
            overdue=overdue,
            due_soon=due_soon,
            vetting=tuple(sorted(vetting, key=lambda a: (a.expires_on or date.min, a.name))),
            leases=_leases_ending(session, today),
            arrivals=_arrivals(session, today),
            funds=_funds(session, programme, profile, today),
            month_end_balances=_month_end_balances(session, profile, today),
            area_progress=_area_progress(session),
            lapsed_assignments=lapsed,
        )


def _tasks_due(session: Session, today: date) -> tuple[tuple[TaskDue, ...], tuple[TaskDue, ...]]:
    rows = session.execute(
        select(
            Task.id,
            Task.household_id,
            Household.code,
            Task.title,
            Task.due_on,
            Task.outcome_area,
            Volunteer.full_name,
        )
        .join(Household, Household.id == Task.household_id)
        .outerjoin(Volunteer, Volunteer.id == Task.assignee_id)
        .where(
            Task.status == TaskStatus.OPEN,
            Household.archived_at.is_(None),
            Task.due_on <= today + timedelta(days=DUE_SOON_DAYS),
        )
        .order_by(Task.due_on, Household.code, Task.id)
    ).all()
    items = [
        TaskDue(r[0], r[1], r[2], r[3], r[4], (today - r[4]).days, r[5], r[6] or "") for r in rows
    ]
    return (
        tuple(t for t in items if t.due_on < today),
        tuple(t for t in items if t.due_on >= today),
    )


def _leases_ending(session: Session, today: date) -> tuple[LeaseAlert, ...]:
    rows = session.execute(
        select(Tenancy.id, Household.code, Property.address, Tenancy.lease_end)
        .join(Property, Property.id == Tenancy.property_id)
        .outerjoin(Household, Household.id == Tenancy.household_id)
        .where(
            Tenancy.status.in_([TenancyStatus.SECURED, TenancyStatus.OCCUPIED]),
            Tenancy.lease_end.is_not(None),
            Tenancy.lease_end <= today + timedelta(days=LEASE_WARNING_DAYS),
        )
        .order_by(Tenancy.lease_end)
    ).all()
    return tuple(LeaseAlert(r[0], r[1] or "", r[2], r[3], (r[3] - today).days) for r in rows)


def _arrivals(session: Session, today: date) -> tuple[ArrivalCountdown, ...]:
    households = session.execute(
        select(Household.id, Household.code, Household.arrival_date)
        .where(Household.archived_at.is_(None))
        .order_by(Household.code)
    ).all()
    return tuple(
        ArrivalCountdown(h[0], h[1], h[2], (today - h[2]).days if h[2] else None)
        for h in households
    )


def family_sizes(session: Session) -> list[int]:
    rows = session.execute(
        select(Household.id, func.count(HouseholdMember.id))
        .outerjoin(
            HouseholdMember,
            (HouseholdMember.household_id == Household.id) & HouseholdMember.archived_at.is_(None),
        )
        .where(Household.archived_at.is_(None))
        .group_by(Household.id)
    ).all()
    return [count for _, count in rows]


def _funds(
    session: Session, programme: Programme, profile: GroupProfile, today: date
) -> FundsPosition:
    currency = profile.currency
    held = session.scalar(
        select(func.coalesce(func.sum(signed_amount()), 0)).where(
            LedgerTransaction.occurred_on <= today
        )
    )
    support = Period(profile.start_date, add_months(profile.start_date, programme.support_months))
    budget_total = session.scalar(
        select(func.coalesce(func.sum(Budget.amount_minor), 0)).where(
            Budget.month >= support.start.replace(day=1), Budget.month <= support.end
        )
    )
    requirement = programme.funds_rule.requirement(
        family_sizes(session), currency, Money(int(budget_total), currency)
    )
    return FundsPosition(Money(int(held), currency), requirement)


def _month_end_balances(
    session: Session, profile: GroupProfile, today: date
) -> tuple[MonthBalance, ...]:
    """Balance at the end of each month from the group's start (or 24 months back) to now."""
    start = max(profile.start_date, add_months(today, -23).replace(day=1))
    year = extract("year", LedgerTransaction.occurred_on)
    month = extract("month", LedgerTransaction.occurred_on)
    opening = session.scalar(
        select(func.coalesce(func.sum(signed_amount()), 0)).where(
            LedgerTransaction.occurred_on < start.replace(day=1)
        )
    )
    movements = {
        (int(y), int(m)): int(total)
        for y, m, total in session.execute(
            select(year, month, func.sum(signed_amount()))
            .where(
                LedgerTransaction.occurred_on >= start.replace(day=1),
                LedgerTransaction.occurred_on <= today,
            )
            .group_by(year, month)
        )
    }
    running = int(opening)
    balances = []
    for first in Period(start, today).months():
        running += movements.get((first.year, first.month), 0)
        balances.append(
            MonthBalance(min(month_end(first), today), Money(running, profile.currency))
        )
    return tuple(balances)


def _area_progress(session: Session) -> tuple[AreaProgress, ...]:
    counts = {
        area: (done, total)
        for area, done, total in session.execute(
            select(
                Task.outcome_area,
                func.count(Task.id).filter(Task.status == TaskStatus.DONE),
                func.count(Task.id),
            )
            .join(Household, Household.id == Task.household_id)
            .where(Household.archived_at.is_(None), Task.status != TaskStatus.NOT_NEEDED)
            .group_by(Task.outcome_area)
        )
    }
    return tuple(AreaProgress(area, *counts.get(area, (0, 0))) for area in OutcomeArea)
