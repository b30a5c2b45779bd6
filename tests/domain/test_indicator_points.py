"""An indicator at 3, 6, 12 and 24 months: the nearest reading within the point's window, its
date, and why there is none (not reached, not applicable, not recorded)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from sponsor_app.domain.indicator_points import (
    POINT_WINDOWS,
    Ages,
    PointStatus,
    Population,
    age_on,
    applies,
    at_point,
    latest,
)

ARRIVAL = date(2025, 1, 10)


@dataclass(frozen=True)
class R:
    recorded_on: date
    value: str


def test_a_reading_from_month_one_does_not_stand_for_later_points():
    """The old rule carried the month-1 reading to 3, 6 and 12 months."""
    series = [R(date(2025, 2, 10), "beginner")]
    end = date(2026, 3, 1)
    for months in (3, 6, 12):
        got = at_point(series, ARRIVAL, months, end, True)
        assert got.status is PointStatus.NOT_RECORDED and got.value is None, months


def test_the_nearest_reading_within_the_window_with_its_date():
    series = [R(date(2025, 3, 20), "a"), R(date(2025, 4, 25), "b"), R(date(2025, 6, 1), "c")]
    got = at_point(series, ARRIVAL, 3, date(2026, 1, 1), True)  # the point: 10 April
    assert (got.status, got.value, got.recorded_on) == (
        PointStatus.RECORDED,
        "b",
        date(2025, 4, 25),
    )
    assert got.point_on == date(2025, 4, 10) and got.days_from_point == 15


def test_of_two_equally_near_readings_the_earlier_stands():
    series = [R(date(2025, 4, 5), "before"), R(date(2025, 4, 15), "after")]
    assert at_point(series, ARRIVAL, 3, date(2026, 1, 1), True).value == "before"


@pytest.mark.parametrize("months", sorted(POINT_WINDOWS))
def test_the_window_edges_are_inclusive(months):
    from datetime import timedelta

    from sponsor_app.domain.periods import add_months

    point = add_months(ARRIVAL, months)
    days = POINT_WINDOWS[months]
    end = date(2030, 1, 1)
    inside = [R(point - timedelta(days=days), "edge")]
    outside = [R(point - timedelta(days=days + 1), "out")]
    assert at_point(inside, ARRIVAL, months, end, True).value == "edge"
    assert at_point(outside, ARRIVAL, months, end, True).status is PointStatus.NOT_RECORDED


def test_a_point_still_to_come_is_not_reached_and_later_readings_are_unknown():
    series = [R(date(2025, 7, 12), "x")]
    assert at_point(series, ARRIVAL, 6, date(2025, 7, 9), True).status is PointStatus.NOT_REACHED
    # the point has come, but the only reading near it was taken after the period's end
    got = at_point(series, ARRIVAL, 6, date(2025, 7, 11), True)
    assert got.status is PointStatus.NOT_RECORDED
    assert at_point(series, None, 3, date(2030, 1, 1), True).status is PointStatus.NOT_REACHED


def test_not_applicable_comes_before_not_recorded():
    got = at_point([], ARRIVAL, 3, date(2026, 1, 1), applies_then=False)
    assert got.status is PointStatus.NOT_APPLICABLE


def test_latest_is_the_last_reading_by_the_end_else_why_none():
    series = [R(date(2025, 2, 1), "a"), R(date(2025, 9, 1), "b")]
    assert latest(series, ARRIVAL, date(2025, 8, 1), True).value == "a"
    assert latest([], date(2026, 1, 1), date(2025, 8, 1), True).status is PointStatus.NOT_REACHED
    assert latest([], ARRIVAL, date(2025, 8, 1), False).status is PointStatus.NOT_APPLICABLE
    assert latest([], ARRIVAL, date(2025, 8, 1), True).status is PointStatus.NOT_RECORDED


def test_school_age_and_working_age_from_birth_dates_on_the_day():
    ages = Ages()
    toddler, parent = date(2023, 5, 1), date(1990, 1, 1)
    assert age_on(date(2020, 6, 15), date(2025, 6, 14)) == 4
    assert age_on(date(2020, 6, 15), date(2025, 6, 15)) == 5
    assert not applies(Population.SCHOOL_AGE, [toddler, parent], date(2026, 1, 1), ages)
    assert applies(Population.SCHOOL_AGE, [toddler, parent], date(2028, 5, 1), ages)
    assert applies(Population.WORKING_AGE, [toddler, parent], date(2026, 1, 1), ages)
    assert not applies(Population.WORKING_AGE, [toddler], date(2026, 1, 1), ages)
    assert applies(Population.HOUSEHOLD, [], date(2026, 1, 1), ages)
    # someone whose birth date is not recorded might be of school age: they count
    assert applies(Population.SCHOOL_AGE, [parent, None], date(2026, 1, 1), ages)
