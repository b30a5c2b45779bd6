"""Funds: the programme's requirement, budgets against actual, pledges, rent and charts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from ... import clock
from ...domain.enums import CategoryPurpose, TransactionKind
from ...domain.errors import InvalidInput, Problem
from ...domain.messages import Funds, Records
from ...domain.money import Money
from ...domain.periods import (
    Period,
    add_months,
    budget_months,
    ends_before_start,
    month_end,
    month_start,
)
from ...domain.pledges import Payment, PledgeTerms, payments_due, received_by_pledge
from ...domain.programmes import get_programme
from ...storage.models import (
    Budget,
    GroupProfile,
    Household,
    HouseholdMember,
    LedgerCategory,
    LedgerTransaction,
    Pledge,
)
from ...storage.store import Store
from ..results import FundsPosition, MonthBalance, RentStatus
from ..rows import added, delete_or_gone, get_or_gone
from .ledger import signed_amount

PLEDGE_FREQUENCIES = ("once", "weekly", "fortnightly", "monthly")


@dataclass(frozen=True)
class CategoryAmount:
    category_id: int
    category: str
    amount: Money


def over_budget(budget: Money, spent: Money) -> bool:
    """Spent more than the budget; with no budget set, nothing is "over" one."""
    return budget.minor > 0 and spent > budget


@dataclass(frozen=True)
class BudgetLine:
    category_id: int
    category: str
    budget: Money
    actual: Money

    @property
    def difference(self) -> Money:
        return self.budget - self.actual

    @property
    def has_budget(self) -> bool:
        return self.budget.minor > 0

    @property
    def over(self) -> bool:
        return over_budget(self.budget, self.actual)


class MonthBudget(NamedTuple):
    """One month of the support period's budget against what was spent in it."""

    month: date
    budget: Money
    spent: Money

    @property
    def over(self) -> bool:
        return over_budget(self.budget, self.spent)


@dataclass(frozen=True)
class PledgeInput:
    donor: str
    amount: Money
    frequency: str
    start_on: date
    end_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class PledgeRow:
    id: int
    donor: str
    amount: Money
    frequency: str
    start_on: date
    end_on: date | None
    note: str
    expected: Money  # due up to today
    received: Money  # "Pledge payments" income from this donor (folded) in the pledge's dates

    @property
    def outstanding(self) -> Money:
        gap = self.expected - self.received
        return gap if gap.minor > 0 else Money.zero(gap.currency)


def _profile(session: Session) -> GroupProfile:
    return session.scalars(select(GroupProfile)).one()


# --- the requirement -------------------------------------------------------------------
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


def support_period(session: Session, profile: GroupProfile) -> Period:
    """From the first household's arrival to the end of the last one's support (24 months
    each in New Zealand). Before any arrival date is known: from the group's start."""
    months = get_programme(profile.programme_key).support_months
    arrivals = session.scalars(
        select(Household.arrival_date).where(
            Household.archived_at.is_(None), Household.arrival_date.is_not(None)
        )
    ).all()
    first, last = (min(arrivals), max(arrivals)) if arrivals else (profile.start_date,) * 2
    return Period(first, add_months(last, months) - timedelta(days=1))


def funds_position(store: Store, today: date | None = None) -> FundsPosition:
    """The programme's rule applied to this group: required, held, met or short."""
    today = today or clock.today()
    with store.read() as session:
        profile = _profile(session)
        rule = get_programme(profile.programme_key).funds_rule
        currency = profile.currency
        held = int(
            session.scalar(
                select(func.coalesce(func.sum(signed_amount()), 0)).where(
                    LedgerTransaction.occurred_on <= today
                )
            )
        )
        restricted = 0
        if not rule.counts_restricted:
            restricted = int(
                session.scalar(
                    select(func.coalesce(func.sum(LedgerTransaction.amount_minor), 0)).where(
                        LedgerTransaction.restricted.is_(True),
                        LedgerTransaction.kind == TransactionKind.INCOME,
                        LedgerTransaction.occurred_on <= today,
                    )
                )
            )
        # What the money held has to cover: the budget still to spend, from this month to the
        # end of the support period (months already past were paid from what came in then).
        months = budget_months(support_period(session, profile))
        budget_total = int(
            session.scalar(
                select(func.coalesce(func.sum(Budget.amount_minor), 0)).where(
                    Budget.month >= month_start(max(months.start, today)),
                    Budget.month <= months.end,
                )
            )
        )
        requirement = rule.requirement(
            family_sizes(session), currency, Money(budget_total, currency)
        )
    return FundsPosition(
        Money(held - restricted, currency), requirement, Money(restricted, currency)
    )


# --- balances and spending -------------------------------------------------------------
def month_end_balances(store: Store, period: Period) -> list[MonthBalance]:
    """Balance at the end of each month of the period (the last one: at the period's end)."""
    year = extract("year", LedgerTransaction.occurred_on)
    month = extract("month", LedgerTransaction.occurred_on)
    first = month_start(period.start)
    with store.read() as session:
        currency = _profile(session).currency
        opening = int(
            session.scalar(
                select(func.coalesce(func.sum(signed_amount()), 0)).where(
                    LedgerTransaction.occurred_on < first
                )
            )
        )
        movements = {
            (int(y), int(m)): int(total)
            for y, m, total in session.execute(
                select(year, month, func.sum(signed_amount()))
                .where(
                    LedgerTransaction.occurred_on >= first,
                    LedgerTransaction.occurred_on <= period.end,
                )
                .group_by(year, month)
            )
        }
    running, result = opening, []
    for start in period.months():
        running += movements.get((start.year, start.month), 0)
        result.append(MonthBalance(min(month_end(start), period.end), Money(running, currency)))
    return result


def amounts_by_category(
    store: Store, period: Period, kind: TransactionKind
) -> list[CategoryAmount]:
    with store.read() as session:
        currency = _profile(session).currency
        rows = session.execute(
            select(LedgerCategory.id, LedgerCategory.name, func.sum(LedgerTransaction.amount_minor))
            .join(LedgerTransaction, LedgerTransaction.category_id == LedgerCategory.id)
            .where(
                LedgerTransaction.kind == kind,
                LedgerTransaction.occurred_on.between(period.start, period.end),
            )
            .group_by(LedgerCategory.id, LedgerCategory.name)
            .order_by(func.sum(LedgerTransaction.amount_minor).desc())
        ).all()
    return [CategoryAmount(cid, name, Money(int(total), currency)) for cid, name, total in rows]


# --- budgets ---------------------------------------------------------------------------
def set_budget(
    store: Store, category_id: int, month: date, amount: Money, last_month: date | None = None
) -> None:
    """Budget for one expense category, each month from `month` to `last_month` (default:
    that month alone), in one change set; zero removes it."""
    if amount.minor < 0:
        raise InvalidInput.single("amount", Funds.BUDGET_NEGATIVE())
    months = list(Period(month_start(month), month_start(last_month or month)).months())
    if not months:
        raise InvalidInput.single("last_month", Funds.LAST_MONTH_BEFORE_FIRST())
    with store.transaction("Set budget") as session:
        category = get_or_gone(session, LedgerCategory, category_id, Records.CATEGORY_GONE)
        if category.kind is not TransactionKind.EXPENSE:
            raise InvalidInput.single("category", Funds.BUDGET_FOR_SPENDING())
        existing = {
            row.month: row
            for row in session.scalars(
                select(Budget).where(
                    Budget.category_id == category_id,
                    Budget.month.between(months[0], months[-1]),
                )
            )
        }
        for first in months:
            row = existing.get(first)
            if amount.minor == 0:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(Budget(category_id=category_id, month=first, amount_minor=amount.minor))
            else:
                row.amount_minor = amount.minor


def budget_vs_actual(store: Store, period: Period) -> list[BudgetLine]:
    """Every expense category with a budget or spending in the period."""
    with store.read() as session:
        currency = _profile(session).currency
        budgets = dict(
            session.execute(
                select(Budget.category_id, func.sum(Budget.amount_minor))
                .where(Budget.month >= month_start(period.start), Budget.month <= period.end)
                .group_by(Budget.category_id)
            ).all()
        )
        actuals = dict(
            session.execute(
                select(LedgerTransaction.category_id, func.sum(LedgerTransaction.amount_minor))
                .where(
                    LedgerTransaction.kind == TransactionKind.EXPENSE,
                    LedgerTransaction.occurred_on.between(period.start, period.end),
                )
                .group_by(LedgerTransaction.category_id)
            ).all()
        )
        categories = session.execute(
            select(LedgerCategory.id, LedgerCategory.name)
            .where(LedgerCategory.kind == TransactionKind.EXPENSE)
            .order_by(LedgerCategory.name)
        ).all()
    return [
        BudgetLine(
            cid,
            name,
            Money(int(budgets.get(cid, 0)), currency),
            Money(int(actuals.get(cid, 0)), currency),
        )
        for cid, name in categories
        if cid in budgets or cid in actuals
    ]


def budget_by_month(store: Store, period: Period) -> list[MonthBudget]:
    """Every month of the period: its budget and what was spent."""
    year = extract("year", LedgerTransaction.occurred_on)
    month = extract("month", LedgerTransaction.occurred_on)
    with store.read() as session:
        currency = _profile(session).currency
        budgets = {
            m: int(total)
            for m, total in session.execute(
                select(Budget.month, func.sum(Budget.amount_minor))
                .where(Budget.month >= month_start(period.start), Budget.month <= period.end)
                .group_by(Budget.month)
            )
        }
        actual = {
            (int(y), int(m)): int(total)
            for y, m, total in session.execute(
                select(year, month, func.sum(LedgerTransaction.amount_minor))
                .where(
                    LedgerTransaction.kind == TransactionKind.EXPENSE,
                    LedgerTransaction.occurred_on.between(period.start, period.end),
                )
                .group_by(year, month)
            )
        }
    return [
        MonthBudget(
            m, Money(budgets.get(m, 0), currency), Money(actual.get((m.year, m.month), 0), currency)
        )
        for m in period.months()
    ]


# --- pledges ---------------------------------------------------------------------------
def _pledge_problems(data: PledgeInput) -> list[Problem]:
    problems = [] if data.donor.strip() else [Problem("donor", Funds.DONOR_MISSING())]
    if data.amount.minor <= 0:
        problems.append(Problem("amount", Funds.PLEDGE_NOT_POSITIVE()))
    if data.frequency not in PLEDGE_FREQUENCIES:
        problems.append(Problem("frequency", Funds.CHOOSE_FREQUENCY(choices=PLEDGE_FREQUENCIES)))
    if ends_before_start(data.start_on, data.end_on):
        problems.append(Problem("end_on", Funds.PLEDGE_ENDS_BEFORE_START()))
    return problems


def add_pledge(store: Store, data: PledgeInput) -> int:
    if problems := _pledge_problems(data):
        raise InvalidInput(problems)
    with store.transaction(f"Add pledge from {data.donor.strip()}") as session:
        pledge = Pledge()
        _apply_pledge(pledge, data)
        return added(session, pledge).id


def edit_pledge(store: Store, pledge_id: int, data: PledgeInput) -> None:
    if problems := _pledge_problems(data):
        raise InvalidInput(problems)
    with store.transaction(f"Edit pledge from {data.donor.strip()}") as session:
        _apply_pledge(get_or_gone(session, Pledge, pledge_id, Records.PLEDGE_GONE), data)


def _apply_pledge(pledge: Pledge, data: PledgeInput) -> None:
    """A pledge as the form gives it, added or edited alike."""
    pledge.donor = data.donor.strip()
    pledge.amount_minor = data.amount.minor
    pledge.frequency = data.frequency
    pledge.start_on = data.start_on
    pledge.end_on = data.end_on
    pledge.note = data.note


def delete_pledge(store: Store, pledge_id: int) -> None:
    delete_or_gone(store, "Delete pledge", Pledge, pledge_id, Records.PLEDGE_GONE)


def list_pledges(store: Store, today: date | None = None) -> list[PledgeRow]:
    """Each pledge with what was expected by today and what came in: "Pledge payments" income
    from the same counterparty, case and diacritics aside (domain/pledges.py)."""
    today = today or clock.today()
    t = LedgerTransaction
    with store.read() as session:
        currency = _profile(session).currency
        pledges = [
            PledgeTerms(p.id, p.donor, p.amount_minor, p.frequency, p.start_on, p.end_on)
            for p in session.scalars(select(Pledge).order_by(Pledge.donor, Pledge.start_on))
        ]
        notes = dict(session.execute(select(Pledge.id, Pledge.note)).all())
        # The category index narrows 100,000 transactions to the pledge payments first; the
        # names are then compared folded, which SQL's lower() cannot do.
        payments = [
            Payment(day, amount, counterparty)
            for day, amount, counterparty in session.execute(
                select(t.occurred_on, t.amount_minor, t.counterparty)
                .join(LedgerCategory, LedgerCategory.id == t.category_id)
                .where(
                    LedgerCategory.purpose == CategoryPurpose.PLEDGE_PAYMENTS.value,
                    t.kind == TransactionKind.INCOME,
                    t.occurred_on <= today,
                )
            )
        ]
    received = received_by_pledge(pledges, payments, today)
    return [
        PledgeRow(
            p.id,
            p.donor,
            Money(p.amount_minor, currency),
            p.frequency,
            p.start_on,
            p.end_on,
            notes[p.id],
            Money(p.amount_minor * payments_due(p, today), currency),
            Money(received[p.id], currency),
        )
        for p in pledges
    ]


# --- rent --------------------------------------------------------------------------------
def rent_status(store: Store, today: date | None = None) -> RentStatus:
    """The group's share of rent due by today (from the tenancies) against rent paid."""
    from ..households.housing import expected_rent

    today = today or clock.today()
    expected = sum(due.amount_minor for _, _, due in expected_rent(store, until=today))
    with store.read() as session:
        currency = _profile(session).currency
        paid = int(
            session.scalar(
                select(func.coalesce(func.sum(LedgerTransaction.amount_minor), 0))
                .join(LedgerCategory, LedgerCategory.id == LedgerTransaction.category_id)
                .where(
                    LedgerTransaction.kind == TransactionKind.EXPENSE,
                    LedgerCategory.purpose == CategoryPurpose.RENT.value,
                    LedgerTransaction.occurred_on <= today,
                )
            )
        )
    return RentStatus(Money(expected, currency), Money(paid, currency))


def support_budget_months(store: Store) -> Period:
    """The months the support period's budget covers (domain/periods.py:budget_months)."""
    return budget_months(support_period_of(store))


def support_period_of(store: Store) -> Period:
    """The programme's support period, from the households' arrivals (24 months for NZ)."""
    with store.read() as session:
        return support_period(session, _profile(session))
