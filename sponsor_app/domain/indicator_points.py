"""An indicator at the comparable points after arrival (3, 6, 12 and 24 months), and whom an
indicator is about.

A point takes the reading nearest to it within a window around it (a reading from month 1 does
not stand for month 12), and says why there is none: the point has not come yet, the household
has no one the indicator is about then (no school-age child, no adult of working age), or nobody
recorded it. Completeness counts only the households for which a reading was due.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

from .periods import add_months
from .plurals import counted

# Days either side of each point within which a reading stands for it. Readings are taken at
# check-ins every month or two early on and every few months later, so the window widens.
POINT_WINDOWS = {3: 45, 6: 60, 12: 90, 24: 90}
LATEST = "latest"


def point_label(months: int) -> str:
    """A point's name in every report, table and bundle: "3 months", "12 months"."""
    return counted(months, "month")


# The windows in words, as the report's method section and the codebook give them.
WINDOWS_TEXT = ", ".join(
    f"{point_label(m)} ± {counted(d, 'day')}" for m, d in POINT_WINDOWS.items()
)


def day_band(low: int, high: int | None) -> str:
    """A band of days to resolve a concern: "8-30 days", "91+ days" (a range: "days")."""
    days = counted(2, "day").split(" ", 1)[1]
    return f"{low}-{high} {days}" if high is not None else f"{low}+ {days}"


class PointStatus(StrEnum):
    RECORDED = "recorded"
    NOT_REACHED = "not_reached"  # the household had not arrived, or the point was still to come
    NOT_APPLICABLE = "not_applicable"  # nobody in the household the indicator is about
    NOT_RECORDED = "not_recorded"  # due, and no reading within the window


class Population(StrEnum):
    """Whom an indicator is about (settlement.toml `applies_to`)."""

    HOUSEHOLD = "household"  # every household
    SCHOOL_AGE = "school_age"  # households with a child of school age
    WORKING_AGE = "working_age"  # households with an adult of working age


@dataclass(frozen=True)
class AgeRange:
    first: int  # years, inclusive
    last: int  # years, inclusive

    def holds(self, age: int) -> bool:
        return self.first <= age <= self.last


@dataclass(frozen=True)
class Ages:
    """The programme's ages (settlement.toml [ages]): school age and working age."""

    school: AgeRange = AgeRange(5, 17)
    working: AgeRange = AgeRange(18, 64)

    def of(self, population: Population) -> AgeRange | None:
        return {Population.SCHOOL_AGE: self.school, Population.WORKING_AGE: self.working}.get(
            population
        )


class Reading(Protocol):
    recorded_on: date
    value: str


@dataclass(frozen=True)
class PointReading:
    status: PointStatus
    point_on: date | None  # the day the point falls on (the period's end for "latest")
    value: str | None = None
    recorded_on: date | None = None

    @property
    def days_from_point(self) -> int | None:
        if self.recorded_on is None or self.point_on is None:
            return None
        return (self.recorded_on - self.point_on).days


def age_on(born: date, day: date) -> int:
    """Whole years of age on `day`."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def applies(
    population: Population, birth_dates: Iterable[date | None], day: date, ages: Ages
) -> bool:
    """Whether a household whose members were born on these days has someone the indicator is
    about on `day`. A member whose birth date is not recorded might be, so they count: a
    missing birth date never hides a missing reading."""
    wanted = ages.of(population)
    if wanted is None:
        return True
    return any(born is None or wanted.holds(age_on(born, day)) for born in birth_dates)


def point_day(arrival: date, months: int) -> date:
    return add_months(arrival, months)


def at_point(
    series: Sequence[Reading],
    arrival: date | None,
    months: int,
    as_of: date,
    applies_then: bool,
) -> PointReading:
    """The reading that stands for `months` after arrival, as known on `as_of` (the period's
    end): the one nearest the point within its window (the earlier of two equally near), never
    one recorded after `as_of`. `series` is one household's readings of one indicator."""
    if arrival is None:
        return PointReading(PointStatus.NOT_REACHED, None)
    point = point_day(arrival, months)
    if point > as_of:
        return PointReading(PointStatus.NOT_REACHED, point)
    if not applies_then:
        return PointReading(PointStatus.NOT_APPLICABLE, point)
    window = timedelta(days=POINT_WINDOWS[months])
    near = [r for r in series if point - window <= r.recorded_on <= min(point + window, as_of)]
    if not near:
        return PointReading(PointStatus.NOT_RECORDED, point)
    best = min(near, key=lambda r: (abs((r.recorded_on - point).days), r.recorded_on))
    return PointReading(PointStatus.RECORDED, point, best.value, best.recorded_on)


def latest(
    series: Sequence[Reading], arrival: date | None, as_of: date, applies_then: bool
) -> PointReading:
    """The latest reading on or before `as_of`, whenever it was taken; without one, why not."""
    known = [r for r in series if r.recorded_on <= as_of]
    if known:
        last = known[-1]
        return PointReading(PointStatus.RECORDED, as_of, last.value, last.recorded_on)
    if arrival is None or arrival > as_of:
        return PointReading(PointStatus.NOT_REACHED, as_of)
    if not applies_then:
        return PointReading(PointStatus.NOT_APPLICABLE, as_of)
    return PointReading(PointStatus.NOT_RECORDED, as_of)
