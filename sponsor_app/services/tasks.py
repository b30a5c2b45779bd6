"""Settlement tasks one at a time: read one, change its status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ..domain.enums import OutcomeArea, Phase, TaskStatus
from ..domain.errors import NotFound
from ..storage.models import Household, Task, Volunteer
from ..storage.store import Store


@dataclass(frozen=True)
class TaskRow:
    id: int
    household_id: int
    household_code: str
    title: str
    guidance: str
    source: str
    phase: Phase
    outcome_area: OutcomeArea
    family_facing: bool
    due_on: date | None
    status: TaskStatus
    completed_on: date | None
    assignee_id: int | None
    assignee: str
    notes: str


def _get(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFound(f"Task {task_id} no longer exists.")
    return task


def _row(session: Session, task: Task) -> TaskRow:
    assignee = session.get(Volunteer, task.assignee_id) if task.assignee_id else None
    return TaskRow(
        id=task.id,
        household_id=task.household_id,
        household_code=session.get(Household, task.household_id).code,
        title=task.title,
        guidance=task.guidance,
        source=task.source,
        phase=task.phase,
        outcome_area=task.outcome_area,
        family_facing=task.family_facing,
        due_on=task.due_on,
        status=task.status,
        completed_on=task.completed_on,
        assignee_id=task.assignee_id,
        assignee=assignee.full_name if assignee else "",
        notes=task.notes,
    )


def get_task(store: Store, task_id: int) -> TaskRow:
    with store.read() as session:
        return _row(session, _get(session, task_id))


def set_task_status(
    store: Store, task_id: int, status: TaskStatus, completed_on: date | None = None
) -> TaskRow:
    """Mark a task done (on `completed_on`, default today), not needed, or open again."""
    with store.transaction() as session:
        task = _get(session, task_id)
        task.status = status
        task.completed_on = (completed_on or date.today()) if status is TaskStatus.DONE else None
        session.flush()
        return _row(session, task)
