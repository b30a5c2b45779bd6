"""The figures on the dashboard, each computed here so the window only displays them."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import String, func, select
from sqlalchemy.orm import Session

from ... import clock
from ...domain.alerts import LIVE_TENANCY, WarningWindows, lease_days_left, lease_needs_attention
from ...domain.enums import OPEN_STATUSES, OutcomeArea, TaskStatus
from ...domain.periods import Period
from ...domain.programmes import group_task_keys
from ...domain.settlement import (
    progress_by,
    task_due_this_week,
    task_due_within,
    task_overdue,
)
from ...domain.vetting import SEVERITY
from ...storage.models import (
    GroupProfile,
    Household,
    LedgerTransaction,
    Property,
    Task,
    Tenancy,
    Volunteer,
)
from ...storage.store import Store
from ..funds.funds import funds_position, month_end_balances, rent_status
from ..plan.assignments import lapsed_assignments
from ..reporting.report_data import default_period
from ..results import (
    AreaProgress,
    ArrivalCountdown,
    DashboardFigures,
    LeaseAlert,
    TaskDue,
    VettingAlert,
)
from ..roster.volunteers import list_volunteers
from .groups import windows_of


def _vetting_order(alert: VettingAlert) -> tuple:
    """The worst first (the vetting rule's order: not cleared, expired, missing, waiting,
    expiring), then by the worst requirement's date."""
    worst = alert.vetting.worst
    on = worst.on if worst is not None else None
    return (SEVERITY.index(alert.vetting_status), on or date.min, alert.name)


CHART_MONTHS = 24  # the balance chart's longest window


def chart_period(store: Store, as_of: date) -> Period:
    """What the money charts (the dashboard's, the Funds page's) cover on `as_of`: the
    group's records, at most the last 24 months."""
    return default_period(store, as_of, at_most_months=CHART_MONTHS)


def dashboard(store: Store, today: date | None = None) -> DashboardFigures:
    """Every figure on the dashboard, read from one snapshot of the file."""
    today = today or clock.today()
    with store.read() as session:
        profile = session.scalars(select(GroupProfile)).one()
        windows = windows_of(profile)
        volunteers = list_volunteers(store, include_archived=True, today=today)
        # Everyone active whose vetting is not plainly current: expired, missing, waiting or
        # expiring soon (an empty card then really means every active volunteer is current).
        vetting = tuple(
            VettingAlert(v.id, v.full_name, v.vetting)
            for v in volunteers
            if v.active and not v.archived and v.vetting.worst is not None
        )
        overdue, due_soon = _tasks_due(session, today, windows)
        chart = chart_period(store, today)
        return DashboardFigures(
            today=today,
            locale=profile.locale,
            windows=windows,
            overdue=overdue,
            due_soon=due_soon,
            due_this_week=sum(
                1 for t in due_soon if task_due_this_week(TaskStatus.OPEN, t.due_on, today)
            ),
            vetting=tuple(sorted(vetting, key=_vetting_order)),
            leases=_leases_ending(session, today, windows),
            arrivals=_arrivals(session, today),
            funds=funds_position(store, today),
            rent=rent_status(store, today),
            month_end_balances=tuple(month_end_balances(store, chart)),
            area_progress=_area_progress(session, today),
            lapsed_assignments=tuple(lapsed_assignments(store, today, volunteers)),
            active_volunteers=sum(1 for v in volunteers if v.active and not v.archived),
            **_counts(session),
        )


def _counts(session: Session) -> dict[str, int]:
    """How much there is at all, so an empty card can say what is true ("no volunteers yet"
    rather than "every volunteer's vetting is current")."""
    live = session.scalar(select(func.count(Tenancy.id)).where(Tenancy.status.in_(LIVE_TENANCY)))
    assigned = session.scalar(
        select(func.count(Task.id)).where(
            Task.status.in_(OPEN_STATUSES),
            Task.family_facing.is_(True),
            Task.assignee_id.is_not(None),
        )
    )
    months = session.scalar(
        select(
            func.count(
                func.distinct(func.substr(func.cast(LedgerTransaction.occurred_on, String), 1, 7))
            )
        )
    )
    return {"live_tenancies": live, "family_facing_assigned": assigned, "ledger_months": months}


def _tasks_due(
    session: Session, today: date, windows: WarningWindows
) -> tuple[tuple[TaskDue, ...], tuple[TaskDue, ...]]:
    rows = session.execute(
        select(
            Task.id,
            Task.household_id,
            Household.code,
            Task.title,
            Task.due_on,
            Task.outcome_area,
            Volunteer.full_name,
            Task.kind,
            Task.status,
            Task.completed_on,
        )
        .join(Household, Household.id == Task.household_id)
        .outerjoin(Volunteer, Volunteer.id == Task.assignee_id)
        .where(
            Task.status.in_(OPEN_STATUSES),
            Household.archived_at.is_(None),
            Task.due_on <= today + timedelta(days=windows.due_soon_days),
        )
        .order_by(Task.due_on, Household.code, Task.id)
    ).all()
    # The plan page's rules decide which is overdue and which due soon, so the counts agree.
    overdue = tuple(_due(r, today) for r in rows if task_overdue(r[8], r[4], today, r[9]))
    soon = tuple(
        _due(r, today) for r in rows if task_due_within(r[8], r[4], today, windows.due_soon_days)
    )
    return overdue, soon


def _due(r, today: date) -> TaskDue:
    return TaskDue(r[0], r[1], r[2], r[3], r[4], (today - r[4]).days, r[5], r[6] or "", r[7])


def _leases_ending(
    session: Session, today: date, windows: WarningWindows
) -> tuple[LeaseAlert, ...]:
    rows = session.execute(
        select(Tenancy.id, Household.code, Property.address, Tenancy.lease_end, Tenancy.status)
        .join(Property, Property.id == Tenancy.property_id)
        .outerjoin(Household, Household.id == Tenancy.household_id)
        .where(Tenancy.status.in_(LIVE_TENANCY), Tenancy.lease_end.is_not(None))
        .order_by(Tenancy.lease_end)
    ).all()
    return tuple(
        LeaseAlert(r[0], r[1] or "", r[2], r[3], lease_days_left(r[3], today))
        for r in rows
        if lease_needs_attention(r[4], r[3], today, windows)
    )


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


def _area_progress(session: Session, today: date) -> tuple[AreaProgress, ...]:
    """The family's progress in each outcome area, by the plan page's and the report's rule
    (the group's own tasks are in no outcome area)."""
    tasks = session.execute(
        select(Task.status, Task.completed_on, Task.outcome_area)
        .join(Household, Household.id == Task.household_id)
        .where(
            Household.archived_at.is_(None),
            Task.template_key.is_(None) | Task.template_key.not_in(group_task_keys()),
        )
    ).all()
    counts = progress_by(tasks, lambda t: t.outcome_area, today)
    return tuple(
        AreaProgress(area, counts[area].done, counts[area].total)
        if area in counts
        else AreaProgress(area, 0, 0)
        for area in OutcomeArea
    )
