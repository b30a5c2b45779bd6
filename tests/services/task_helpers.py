"""Assigning a task in a test the way the window does it: the task form saves the whole task
with its new assignee (edit_task), and the vetting rule is checked there."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sponsor_app.services.plan.plan import PlanTask, TaskInput, edit_task, plan_task
from sponsor_app.storage.store import Store


def as_input(task: PlanTask) -> TaskInput:
    """The task as its form would give it back unchanged."""
    return TaskInput(
        title=task.title,
        phase=task.phase,
        outcome_area=task.outcome_area,
        due_on=task.due_on,
        family_facing=task.family_facing,
        guidance=task.guidance,
        status=task.status,
        completed_on=task.completed_on,
        assignee_id=task.assignee_id,
        evidence=task.evidence,
        skip_reason=task.skip_reason,
        notes=task.notes,
    )


def assign(store: Store, task_id: int, volunteer_id: int | None, today: date) -> PlanTask:
    """Give the task to `volunteer_id` (None: to nobody) through its form's save."""
    data = replace(as_input(plan_task(store, task_id)), assignee_id=volunteer_id)
    return edit_task(store, task_id, data, today)
