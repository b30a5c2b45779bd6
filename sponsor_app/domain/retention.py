"""How long personal details are kept (New Zealand's Privacy Act 2020: no longer than needed).

A household's details are needed until its support period ends: the programme's months from
its arrival. A volunteer's are needed while they help and for a while after they leave, for
questions about what they did (vetting, hours); "long ago" is two years after the last thing
they did for the group. Then the window offers to remove the details, keeping the figures.
"""

from __future__ import annotations

from datetime import date

from .periods import add_months

VOLUNTEER_KEEP_MONTHS = 24
REMOVED_NAME = "(details removed)"  # what a name reads afterwards


def support_ended_on(arrival: date | None, support_months: int) -> date | None:
    """The last day of a household's support, or None before its arrival is known."""
    if arrival is None:
        return None
    return add_months(arrival, support_months)


def household_details_due(arrival: date | None, support_months: int, today: date) -> bool:
    ended = support_ended_on(arrival, support_months)
    return ended is not None and ended <= today


def volunteer_left_on(
    archived_on: date | None, active: bool, last_activity: date | None
) -> date | None:
    """When a volunteer left: archived (that day, or their last activity if later), or marked
    inactive (their last activity). None while they are still with the group, or when
    nothing dated says when they stopped."""
    if archived_on is None and active:
        return None
    dates = [d for d in (archived_on, last_activity) if d is not None]
    return max(dates) if dates else None


def volunteer_details_due(left_on: date | None, today: date) -> bool:
    return left_on is not None and add_months(left_on, VOLUNTEER_KEEP_MONTHS) <= today
