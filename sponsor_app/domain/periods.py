"""Reporting periods and month arithmetic on plain dates."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .errors import InvalidInput
from .messages import Fields


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def ends_before_start(start: date | None, end: date | None) -> bool:
    """The one rule for every range of days (a period, a lease, a pledge): it may end on the
    day it starts, never before. A range with no end yet does not end before it starts."""
    return start is not None and end is not None and end < start


@dataclass(frozen=True)
class Period:
    """An inclusive range of days, as reports use it ("1 July 2025 to 30 June 2026")."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if ends_before_start(self.start, self.end):
            raise InvalidInput.single("end", Fields.PERIOD_ENDS_BEFORE_START())

    @classmethod
    def month_of(cls, day: date) -> Period:
        return cls(month_start(day), month_end(day))

    @classmethod
    def last_months(cls, count: int, as_of: date) -> Period:
        """ "The last `count` months" on `as_of`: this month so far and the `count` - 1 whole
        months before it (the last 12 months on 15 June 2026: 1 July 2025 to 15 June 2026),
        so that a month-by-month figure lists exactly `count` months. "This month" is
        last_months(1)."""
        return cls(month_start(add_months(as_of, 1 - count)), as_of)

    @classmethod
    def since(cls, start: date, today: date) -> Period:
        """From the group's start to today; a start in the future gives just today."""
        return cls(min(start, today), today)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def month_count(self) -> int:
        """How many months the period touches."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def months(self) -> Iterator[date]:
        """The first day of every month the period touches, in order."""
        current = month_start(self.start)
        while current <= self.end:
            yield current
            current = add_months(current, 1)

    def label(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


def budget_months(support: Period) -> Period:
    """The months a monthly budget covers for a support period: from the month support
    starts, one for each month of support. Support from 15 Feb 2027 to 14 Feb 2029 is 24
    months, budgeted February 2027 to January 2029 (not 25 calendar months to February)."""
    from datetime import timedelta

    last = month_start(support.end + timedelta(days=1)) - timedelta(days=1)
    return Period(month_start(support.start), max(last, month_end(support.start)))
