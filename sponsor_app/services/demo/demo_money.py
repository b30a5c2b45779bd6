"""The demo group's money, as a careful treasurer's books look: believable, not alarming.

Each household costs the group what New Zealand groups report paying: furniture and a bond
before arrival, food, allowance and utilities at first, transport, phone, interpreting and
school costs throughout, and its share of the rent on every due date of the lease. Budgets are
set from that plan, so months fall a little over or under as real ones do. Pledges are paid on
their schedule (one donor a payment behind). Grants, fundraising and donations keep the group
funded for the rest of its support period, with a margin.

Everything comes from one seeded random generator, so a demo is the same every time.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from ...domain.enums import CategoryPurpose, RentFrequency, TenancyStatus, TransactionKind
from ...domain.periods import add_months, month_start
from ...domain.rent import payment_dates
from ...storage.models import Budget, Household, LedgerCategory, LedgerTransaction, Pledge, Tenancy
from .demo_names import DONORS, PAYEES

# Monthly cost to the group of one household, in cents, by category and month since arrival
# (first month, first quarter, first half year, after): the group does most at first.
MONTHLY = {
    "Food": (30_000, 20_000, 8_000, 4_000),
    "Allowance": (40_000, 30_000, 15_000, 0),
    "Utilities": (18_000, 18_000, 9_000, 0),
    "Transport": (15_000, 12_000, 10_000, 6_000),
    "Phone and internet": (8_000, 8_000, 8_000, 4_000),
    "Interpreting": (20_000, 12_000, 6_000, 3_000),
    "Medical": (9_000, 6_000, 4_000, 2_000),
    "School costs": (25_000, 5_000, 5_000, 5_000),
    "Other spending": (6_000, 4_000, 3_000, 3_000),
}
FURNITURE = 380_000  # furnishing the home, before arrival
MIN_GIFTS = 10
SUPPORT_MONTHS = 24


def _stage(months_since_arrival: int) -> int:
    if months_since_arrival < 1:
        return 0
    if months_since_arrival < 3:
        return 1
    return 2 if months_since_arrival < 6 else 3


def _planned(households: Sequence[Household], end: date) -> dict[tuple[str, date], int]:
    """What the plan expects the group to spend, by (category, first of month)."""
    planned: dict[tuple[str, date], int] = defaultdict(int)
    for household in households:
        arrival = household.arrival_date
        planned[("Furniture", month_start(arrival - timedelta(days=14)))] += FURNITURE
        for n in range(SUPPORT_MONTHS):
            month = month_start(add_months(arrival, n))
            if month > end:
                break
            for name, amounts in MONTHLY.items():
                amount = amounts[_stage(n)]
                if name == "School costs" and month.month == 2:
                    amount += 30_000  # uniforms and stationery at the start of the school year
                planned[(name, month)] += amount
    return planned


def demo_money(
    categories: Sequence[LedgerCategory],
    households: Sequence[Household],
    tenancies: Sequence[Tenancy],
    transactions: int,
    start: date,
    today: date,
    rng: random.Random,
) -> tuple[list[LedgerTransaction], list[Budget], list[Pledge]]:
    by_name = {c.name: c for c in categories}
    by_purpose = {c.purpose: c for c in categories if c.purpose}
    last_arrival = max(h.arrival_date for h in households)
    support_end = add_months(last_arrival, SUPPORT_MONTHS)
    planned = _planned(households, support_end)
    rows: list[LedgerTransaction] = []

    def add(day, category, amount, counterparty, household_id=None, reference="", restricted=False):
        rows.append(
            LedgerTransaction(
                occurred_on=day,
                kind=category.kind,
                amount_minor=max(int(amount), 100),
                category_id=category.id,
                counterparty=counterparty,
                method="bank transfer"
                if amount >= 20_000
                else rng.choice(["card", "cash", "bank transfer"]),
                reference=reference or f"R{len(rows) + 1:06d}",
                household_id=household_id,
                restricted=restricted,
                note="",
            )
        )

    # --- what happens on a schedule: rent, bond, pledges, grants --------------------------
    rent = by_purpose[CategoryPurpose.RENT.value]
    for tenancy in tenancies:
        if tenancy.lease_start is None or tenancy.lease_start > today:
            continue
        end = min(tenancy.lease_end or today, today)
        if "Bond" in by_name and tenancy.bond_minor:
            add(
                tenancy.lease_start,
                by_name["Bond"],
                tenancy.bond_minor,
                "Tenancy Services",
                tenancy.household_id,
            )
        manager = rng.choice(PAYEES["Rent"])
        for day in payment_dates(tenancy.lease_start, end, RentFrequency(tenancy.rent_frequency)):
            add(day, rent, tenancy.group_share_minor, manager, tenancy.household_id)
    pledges = _pledges(start, today, rng)
    pledge_payments = by_purpose[CategoryPurpose.PLEDGE_PAYMENTS.value]
    for n, pledge in enumerate(pledges):
        if pledge.frequency == "once":
            days = [pledge.start_on] if pledge.start_on <= today else []
        else:
            days = payment_dates(
                pledge.start_on, min(pledge.end_on or today, today), RentFrequency(pledge.frequency)
            )
        if n == 1 and len(days) > 2:
            days = days[:-1]  # one donor a payment behind, as happens
        for day in days:
            add(day, pledge_payments, pledge.amount_minor, pledge.donor)
    grants = by_name.get("Grants")
    if grants is not None:
        for months, amount, funder in ((0, 1_500_000, DONORS[11]), (12, 1_000_000, DONORS[4])):
            day = add_months(start, months) + timedelta(days=10)
            if day <= today:
                add(day, grants, amount, funder, restricted=True)

    # --- everyday spending, realising the plan month by month -----------------------------
    lived = {key: amount for key, amount in planned.items() if key[1] <= month_start(today)}
    left = max(transactions - len(rows), 2)
    spending_rows = left - max(MIN_GIFTS, int(left * 0.3))  # the rest are gifts, below
    total_planned = sum(lived.values()) or 1
    household_ids = [h.id for h in households]
    for (name, month), amount in sorted(lived.items(), key=lambda item: item[0][1]):
        category = by_name.get(name)
        if category is None:
            continue
        count = max(1, round(spending_rows * amount / total_planned))
        actual = amount * rng.uniform(0.85, 1.1)  # months fall a little over or under
        last = min(month_start(add_months(month, 1)) - timedelta(days=1), today)
        span = max((last - month).days, 0)
        for _ in range(count):
            day = month + timedelta(days=rng.randint(0, span))
            payee = rng.choice(PAYEES.get(name, ["Local supplier"]))
            household = rng.choice(household_ids) if rng.random() < 0.8 else None
            add(day, category, actual / count, payee, household)
    excess = len(rows) + MIN_GIFTS - transactions
    if excess > 0:  # a tiny demo: fewer, larger purchases rather than too many rows
        smallest = sorted(range(len(rows)), key=lambda i: rows[i].amount_minor)[:excess]
        for index in sorted(smallest, reverse=True):
            del rows[index]

    # --- income that keeps the group funded ------------------------------------------------
    spent = sum(r.amount_minor for r in rows if r.kind is TransactionKind.EXPENSE)
    received = sum(r.amount_minor for r in rows if r.kind is TransactionKind.INCOME)
    budgets = _budgets(planned, by_name, rent, tenancies, support_end)
    still_to_spend = sum(b.amount_minor for b in budgets if b.month >= month_start(today))
    wanted = spent + int(still_to_spend * 1.12)  # what is left in the budget, and a margin
    gifts = max(transactions - len(rows), 0)
    income = [
        c
        for c in categories
        if c.kind is TransactionKind.INCOME and c.name in ("Donations", "Fundraising")
    ]
    weights = [rng.uniform(0.5, 1.5) for _ in range(gifts)]
    scale = max(wanted - received, 500 * gifts) / (sum(weights) or 1)
    span = (today - start).days
    for index, weight in enumerate(weights):
        day = start + timedelta(days=int(span * index / max(gifts, 1)))
        category = income[0] if index % 4 else income[-1]
        add(day, category, max(round(weight * scale, -2), 500), rng.choice(DONORS[:11]))
    return rows, budgets, pledges


def _budgets(
    planned: dict[tuple[str, date], int],
    by_name: dict[str, LedgerCategory],
    rent: LedgerCategory,
    tenancies: Sequence[Tenancy],
    support_end: date,
) -> list[Budget]:
    """The plan, rounded up to the next $10, is the budget; rent's is the lease's share."""
    amounts: dict[tuple[int, date], int] = defaultdict(int)
    for (name, month), amount in planned.items():
        if name in by_name and month <= support_end:
            amounts[(by_name[name].id, month)] += -(-amount // 1000) * 1000
    for tenancy in tenancies:
        if tenancy.lease_start is None or tenancy.status is TenancyStatus.ENDED:
            continue
        if "Bond" in by_name and tenancy.bond_minor:
            amounts[(by_name["Bond"].id, month_start(tenancy.lease_start))] += tenancy.bond_minor
        end = min(tenancy.lease_end or support_end, support_end)
        for day in payment_dates(tenancy.lease_start, end, RentFrequency(tenancy.rent_frequency)):
            amounts[(rent.id, month_start(day))] += tenancy.group_share_minor
    return [
        Budget(category_id=category_id, month=month, amount_minor=amount)
        for (category_id, month), amount in sorted(
            amounts.items(), key=lambda i: (i[0][1], i[0][0])
        )
    ]


def _pledges(start: date, today: date, rng: random.Random) -> list[Pledge]:
    """Regular givers: churches, clubs and people; most monthly, a few one-off."""
    plans = [
        ("monthly", 10_000),
        ("monthly", 5_000),
        ("monthly", 25_000),
        ("fortnightly", 4_000),
        ("once", 50_000),
        ("monthly", 2_000),
    ]
    starts = [start + timedelta(days=rng.randint(0, 60)) for _ in plans]
    return [
        Pledge(
            donor=DONORS[n],
            amount_minor=amount,
            frequency=frequency,
            start_on=starts[n],
            # Two years from its own start, as givers pledge: never all on one day (today).
            end_on=add_months(starts[n], 24) if n % 2 else None,
            note="",
        )
        for n, (frequency, amount) in enumerate(plans)
    ]
