"""Rent arithmetic in minor units: frequencies, monthly equivalents and payment schedules.

Conversions go through the exact yearly amount (52 weeks, 26 fortnights, 12 months) and
share any remainder out a cent at a time, so twelve converted months always add up to the
yearly amount exactly: no drift, however many months are summed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .enums import RentFrequency
from .periods import add_months

PER_YEAR = {RentFrequency.WEEKLY: 52, RentFrequency.FORTNIGHTLY: 26, RentFrequency.MONTHLY: 12}


def yearly_minor(amount_minor: int, frequency: RentFrequency) -> int:
    return amount_minor * PER_YEAR[frequency]


def monthly_amounts(amount_minor: int, frequency: RentFrequency, months: int = 12) -> list[int]:
    """The rent as `months` monthly amounts whose every run of twelve sums to the yearly rent.

    Month i gets floor((i+1) * yearly / 12) - floor(i * yearly / 12): the cumulative total
    after any month is the exact share of the year, rounded down, never drifting.
    """
    yearly = yearly_minor(amount_minor, frequency)
    amounts = []
    for index in range(months):
        year, month = divmod(index, 12)
        before = year * yearly + (month * yearly) // 12
        after = year * yearly + ((month + 1) * yearly) // 12
        amounts.append(after - before)
    return amounts


def monthly_equivalent(amount_minor: int, frequency: RentFrequency) -> int:
    """A typical month's rent, rounded to the nearest minor unit (for display)."""
    yearly = yearly_minor(amount_minor, frequency)
    return (yearly + 6) // 12


@dataclass(frozen=True)
class RentDue:
    due_on: date
    amount_minor: int


def payment_dates(start: date, end: date, frequency: RentFrequency) -> list[date]:
    """Every due date from the lease start up to and including its end, rent paid in advance."""
    dates = []
    if frequency is RentFrequency.MONTHLY:
        index = 0
        while (day := add_months(start, index)) <= end:
            dates.append(day)
            index += 1
        return dates
    step = timedelta(days=7 if frequency is RentFrequency.WEEKLY else 14)
    day = start
    while day <= end:
        dates.append(day)
        day += step
    return dates


def expected_payments(
    start: date, end: date, frequency: RentFrequency, amount_minor: int
) -> list[RentDue]:
    """What the group expects to pay over a lease: its share on every due date."""
    if amount_minor <= 0:
        return []
    return [RentDue(day, amount_minor) for day in payment_dates(start, end, frequency)]
