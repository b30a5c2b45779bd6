"""Plain, frozen results that the window shows: importing this module loads no database code.

They live apart from the services that compute them so that the window can show a saved
dashboard (a start-up snapshot) before SQLAlchemy, the slowest import, has been loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.alerts import WarningWindows
from ..domain.enums import CheckInKind, OutcomeArea, TaskKind, VettingStatus
from ..domain.money import Money
from ..domain.programmes import FundsRequirement
from ..domain.vetting import Vetting, WithVetting


@dataclass(frozen=True)
class GroupInfo:
    uuid: str
    name: str
    programme_key: str
    programme_name: str
    currency: str
    locale: str
    start_date: date
    prepared_by_role: str


@dataclass(frozen=True)
class FundsPosition:
    held: Money
    requirement: FundsRequirement
    restricted_left_out: Money  # restricted income not counted, when the rule says so

    @property
    def shortfall(self) -> Money:
        gap = self.requirement.required - self.held
        return gap if gap.minor > 0 else Money.zero(gap.currency)

    @property
    def surplus(self) -> Money:
        extra = self.held - self.requirement.required
        return extra if extra.minor > 0 else Money.zero(extra.currency)

    @property
    def met(self) -> bool:
        return self.shortfall.minor == 0


@dataclass(frozen=True)
class MonthBalance:
    month_end: date
    balance: Money


@dataclass(frozen=True)
class RentStatus:
    expected: Money
    paid: Money

    @property
    def behind(self) -> Money:
        gap = self.expected - self.paid
        return gap if gap.minor > 0 else Money.zero(gap.currency)


@dataclass(frozen=True)
class LapsedAssignment:
    """An open family-facing task whose volunteer may not meet the family now, or a check-in
    held with a volunteer who could not (then `check_in_id` is set, `due_on` is the day it was
    held and `title` is empty: the window words it from `check_in_kind`)."""

    task_id: int | None
    household_code: str
    title: str
    due_on: date | None
    volunteer_id: int
    volunteer: str
    vetting_status: VettingStatus
    check_in_id: int | None = None
    check_in_kind: CheckInKind | None = None


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
    kind: TaskKind = TaskKind.TASK  # a meeting is a check-in due


@dataclass(frozen=True)
class VettingAlert(WithVetting):
    volunteer_id: int
    name: str
    vetting: Vetting  # each requirement's standing, by the one vetting rule


@dataclass(frozen=True)
class LeaseAlert:
    tenancy_id: int
    household_code: str
    address: str
    lease_end: date
    days_left: int  # negative: the lease ended that many days ago and is still marked live


@dataclass(frozen=True)
class ArrivalCountdown:
    household_id: int
    code: str
    arrival_date: date | None
    days_since: int | None  # negative: arrives in that many days


@dataclass(frozen=True)
class AreaProgress:
    area: OutcomeArea
    done: int
    total: int


@dataclass(frozen=True)
class DashboardFigures:
    today: date
    locale: str
    windows: WarningWindows  # the group's: what "due soon" and "expiring" meant here
    overdue: tuple[TaskDue, ...]
    due_soon: tuple[TaskDue, ...]
    due_this_week: int  # of the due_soon ones: due within the week ahead
    vetting: tuple[VettingAlert, ...]
    leases: tuple[LeaseAlert, ...]
    arrivals: tuple[ArrivalCountdown, ...]
    funds: FundsPosition
    rent: RentStatus
    month_end_balances: tuple[MonthBalance, ...]
    area_progress: tuple[AreaProgress, ...]
    lapsed_assignments: tuple[LapsedAssignment, ...] = ()
    # what the empty states need to say something true
    active_volunteers: int = 0
    live_tenancies: int = 0
    family_facing_assigned: int = 0  # open family-facing tasks that have a volunteer
    ledger_months: int = 0  # months with any transaction (the balance chart needs two)
