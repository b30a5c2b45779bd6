"""Settlement plan rules: due dates from arrival and how they move."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from .enums import GroupWork, OutcomeArea, Phase, TaskStatus
from .programmes import Programme, TaskTemplate

WEEK_DAYS = 7


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


# --- tasks as the plan page, the dashboard and the command line count them ----------------
class PlanItem(Protocol):
    """What the rules below need of a task (the services' rows have it)."""

    status: TaskStatus
    due_on: date | None
    completed_on: date | None
    phase: Phase
    outcome_area: OutcomeArea
    assignee_id: int | None
    household_id: int
    title: str


def due_by(due_on: date | None, as_of: date) -> bool:
    """Due on or before `as_of`."""
    return due_on is not None and due_on <= as_of


def done_by(status: TaskStatus, completed_on: date | None, as_of: date) -> bool:
    """Done on or before `as_of` (a done task with no date kept counts as done)."""
    return status is TaskStatus.DONE and (completed_on is None or completed_on <= as_of)


def task_overdue(
    status: TaskStatus, due_on: date | None, as_of: date, completed_on: date | None = None
) -> bool:
    """Due before `as_of` and not done by then; a not-applicable task never is. The one rule
    for the plan page, the dashboard, the command line and the evaluation report: on today,
    a task still to do (to do or in progress) and due before today."""
    return (
        status is not TaskStatus.NOT_NEEDED
        and due_on is not None
        and is_overdue(due_on, as_of)
        and not done_by(status, completed_on, as_of)
    )


def task_due_within(status: TaskStatus, due_on: date | None, today: date, days: int) -> bool:
    """Still to do and due from today to `days` days ahead (overdue ones not included)."""
    return status.is_open and due_on is not None and due_within(due_on, today, days)


def task_due_this_week(status: TaskStatus, due_on: date | None, today: date) -> bool:
    """Due today or in the six days after: the week ahead, whatever day today is."""
    return task_due_within(status, due_on, today, WEEK_DAYS - 1)


@dataclass(frozen=True)
class TaskFilter:
    """The plan page's filters, and the command line's: every one given must hold."""

    household_id: int | None = None
    assignee_id: int | None = None
    overdue: bool = False
    due_this_week: bool = False
    due_within_days: int | None = None
    area: OutcomeArea | None = None
    phase: Phase | None = None
    statuses: frozenset[TaskStatus] = field(default_factory=frozenset)
    text: str = ""  # case-folded words the title must contain

    def matches(self, task: PlanItem, today: date) -> bool:
        if self.household_id is not None and task.household_id != self.household_id:
            return False
        if self.assignee_id is not None and task.assignee_id != self.assignee_id:
            return False
        # by value: a combo box hands an enum back as its plain string
        if self.area is not None and task.outcome_area != self.area:
            return False
        if self.phase is not None and task.phase != self.phase:
            return False
        if self.statuses and task.status not in self.statuses:
            return False
        if self.overdue and not task_overdue(task.status, task.due_on, today, task.completed_on):
            return False
        if self.due_this_week and not task_due_this_week(task.status, task.due_on, today):
            return False
        if self.due_within_days is not None and not (
            task_overdue(task.status, task.due_on, today, task.completed_on)
            or task_due_within(task.status, task.due_on, today, self.due_within_days)
        ):
            return False
        return not self.text or self.text.casefold() in task.title.casefold()


@dataclass(frozen=True)
class Progress:
    done: int
    total: int  # tasks that apply: not-applicable ones are left out of both

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0


def is_group_task(task) -> bool:
    """The group's own work ("Raise funds and set the budget"): shown apart from the five
    outcome areas and left out of the family's progress in them."""
    from .programmes import group_task_keys

    return getattr(task, "template_key", None) in group_task_keys()


def area_of(task) -> OutcomeArea | GroupWork:
    """Where a task sits when the plan is grouped by area."""
    return GroupWork.GROUP if is_group_task(task) else task.outcome_area


AREAS: tuple[OutcomeArea | GroupWork, ...] = (*OutcomeArea, GroupWork.GROUP)


def progress_by(tasks: Iterable[PlanItem], key, as_of: date) -> dict:
    """Done by `as_of` out of applicable, grouped by `key` (phase, outcome area, both): the
    one progress rule for the plan page, the dashboard and the evaluation report."""
    counts: dict = {}
    for task in tasks:
        if task.status is TaskStatus.NOT_NEEDED:
            continue
        done, total = counts.get(key(task), (0, 0))
        finished = done_by(task.status, task.completed_on, as_of)
        counts[key(task)] = (done + finished, total + 1)
    return {group: Progress(*pair) for group, pair in counts.items()}
