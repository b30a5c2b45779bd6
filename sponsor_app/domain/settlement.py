"""Settlement plan rules: due dates from arrival and how they move."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .programmes import Programme, TaskTemplate


@dataclass(frozen=True)
class PlannedTask:
    """A task as the template turns out for one household, before it is stored."""

    template: TaskTemplate
    due_on: date


def plan_for_arrival(programme: Programme, arrival: date) -> list[PlannedTask]:
    """Every template task of the programme, due on arrival + its offset."""
    return [PlannedTask(t, t.due_on(arrival)) for t in programme.tasks]


def shift_due_date(due_on: date, old_arrival: date, new_arrival: date) -> date:
    """Keep a task's distance from arrival when the arrival date moves."""
    return due_on + (new_arrival - old_arrival)


def days_from_arrival(arrival: date, today: date) -> int:
    """Negative before arrival ("arrives in 12 days"), 0 on the day, positive after."""
    return (today - arrival).days


def is_overdue(due_on: date, today: date) -> bool:
    return due_on < today


def due_within(due_on: date, today: date, days: int) -> bool:
    return today <= due_on <= today + timedelta(days=days)
