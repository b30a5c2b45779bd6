"""The settlement plan: every household's tasks, the template they come from, and the
printable checklist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import aliased

from ... import clock
from ...domain.enums import OutcomeArea, Phase, TaskKind, TaskStatus
from ...domain.errors import InvalidInput, Problem
from ...domain.messages import Message, Plan, Records
from ...domain.programmes import TaskTemplate
from ...domain.validation import required_text
from ...storage.models import CheckIn, Household, Task, Volunteer
from ...storage.models import TaskTemplate as GroupTemplate
from ...storage.store import Store
from ..group.groups import programme_of
from ..rows import added, get_or_gone, read_into
from .assignments import check_vetting_rule, get_task_orm

GROUP_KEY_PREFIX = "group-"


@dataclass(frozen=True)
class PlanTask:
    """One task as the plan page, the dashboard and `sponsor-app tasks` show it."""

    id: int
    household_id: int
    household_code: str
    template_key: str | None
    kind: TaskKind
    phase: Phase
    outcome_area: OutcomeArea
    title: str
    guidance: str
    source: str
    family_facing: bool
    due_on: date | None
    status: TaskStatus
    completed_on: date | None
    assignee_id: int | None
    assignee: str
    notes: str
    evidence: str
    skip_reason: str
    milestone: bool
    # A check-in was recorded as this meeting (the check-in keeps the link; no words are
    # stored in the task for it).
    by_check_in: bool = False

    @property
    def custom(self) -> bool:
        """Added to this household only, not from any template."""
        return self.template_key is None

    @property
    def shown_evidence(self) -> Message | str:
        """What the row says for how the task is known done: the evidence typed, else that a
        check-in recorded it."""
        if not self.evidence and self.by_check_in and self.status is TaskStatus.DONE:
            return Plan.RECORDED_AS_CHECK_IN()
        return self.evidence


# --- reading -----------------------------------------------------------------------------
def plan_tasks(
    store: Store, household_id: int | None = None, include_archived: bool = False
) -> list[PlanTask]:
    """Tasks of one household or all, in due order (undated last), from one query."""
    assignee = aliased(Volunteer)
    with store.read() as session:
        query = (
            select(Task, Household.code, assignee.full_name, _by_check_in())
            .join(Household, Household.id == Task.household_id)
            .outerjoin(assignee, assignee.id == Task.assignee_id)
            .order_by(Task.due_on.is_(None), Task.due_on, Household.code, Task.id)
        )
        if household_id is not None:
            query = query.where(Task.household_id == household_id)
        if not include_archived:
            query = query.where(Household.archived_at.is_(None))
        return [
            _plan_task(task, code, name, checked)
            for task, code, name, checked in session.execute(query)
        ]


def _by_check_in():
    """SQL: whether a check-in was recorded as the task (a meeting held)."""
    return select(CheckIn.id).where(CheckIn.task_id == Task.id).exists()


def _plan_task(task: Task, code: str, assignee: str | None, by_check_in: bool) -> PlanTask:
    return read_into(
        PlanTask, task, household_code=code, assignee=assignee or "", by_check_in=by_check_in
    )


def plan_task(store: Store, task_id: int) -> PlanTask:
    with store.read() as session:
        task = get_task_orm(session, task_id)
        code = session.get(Household, task.household_id).code
        name = session.get(Volunteer, task.assignee_id).full_name if task.assignee_id else None
        return _plan_task(task, code, name, session.scalar(select(_by_check_in())))


# --- writing -----------------------------------------------------------------------------
@dataclass(frozen=True)
class TaskInput:
    """A task as the form gives it: a new custom task, or the edit of any task."""

    title: str
    phase: Phase
    outcome_area: OutcomeArea
    due_on: date | None = None
    family_facing: bool = False
    guidance: str = ""
    status: TaskStatus = TaskStatus.OPEN
    completed_on: date | None = None
    assignee_id: int | None = None
    evidence: str = ""
    skip_reason: str = ""
    notes: str = ""

    def problems(self, today: date) -> list[Problem]:
        found = required_text("title", self.title, "what needs doing")
        if self.status is TaskStatus.NOT_NEEDED and not self.skip_reason.strip():
            found.append(Problem("skip_reason", Plan.SKIP_REASON_MISSING()))
        if self.completed_on is not None and self.completed_on > today:
            found.append(Problem("completed_on", Plan.DONE_IN_FUTURE()))
        return found


def _apply(task: Task, data: TaskInput, today: date) -> None:
    task.title = data.title.strip()
    task.phase = data.phase
    task.outcome_area = data.outcome_area
    task.due_on = data.due_on
    task.family_facing = data.family_facing
    task.guidance = data.guidance.strip()
    task.status = data.status
    task.completed_on = (
        (data.completed_on or task.completed_on or today)
        if data.status is TaskStatus.DONE
        else None
    )
    task.assignee_id = data.assignee_id
    task.evidence = data.evidence.strip()
    task.skip_reason = data.skip_reason.strip() if data.status is TaskStatus.NOT_NEEDED else ""
    task.notes = data.notes


def add_custom_task(
    store: Store, household_id: int, data: TaskInput, today: date | None = None
) -> PlanTask:
    """A task for this household only (not from any template)."""
    day = today or clock.today()
    if problems := data.problems(day):
        raise InvalidInput(problems)
    with store.transaction(f"Add task {data.title.strip()}") as session:
        get_or_gone(session, Household, household_id, Records.HOUSEHOLD_GONE)
        task = Task(household_id=household_id)  # its own: no template_key, no source
        _apply(task, data, day)
        check_vetting_rule(session, task, data.assignee_id, day)
        added(session, task)
        return plan_task(store, task.id)


def edit_task(store: Store, task_id: int, data: TaskInput, today: date | None = None) -> PlanTask:
    """Save a task: its words, dates, status, evidence and assignee (the vetting rule holds)."""
    day = today or clock.today()
    if problems := data.problems(day):
        raise InvalidInput(problems)
    with store.transaction(f"Edit task {data.title.strip()}") as session:
        task = get_task_orm(session, task_id)
        if data.assignee_id != task.assignee_id:
            check_vetting_rule(
                session, task, data.assignee_id, day, family_facing=data.family_facing
            )
        _apply(task, data, day)
        session.flush()
        return plan_task(store, task_id)


def skip_task(store: Store, task_id: int, reason: str) -> PlanTask:
    """Mark a task not applicable to this household, saying why."""
    if not reason.strip():
        raise InvalidInput.single("skip_reason", Plan.SKIP_REASON_MISSING())
    with store.transaction("Skip task") as session:
        task = get_task_orm(session, task_id)
        task.status, task.completed_on = TaskStatus.NOT_NEEDED, None
        task.skip_reason = reason.strip()
        session.flush()
        return plan_task(store, task_id)


def toggle_done(store: Store, task_id: int, today: date | None = None) -> PlanTask:
    """Space on the plan page: done today, or to do again if it was done."""
    with store.transaction("Mark task done") as session:
        task = get_task_orm(session, task_id)
        if task.status is TaskStatus.DONE:
            task.status, task.completed_on = TaskStatus.OPEN, None
        else:
            task.status, task.completed_on = TaskStatus.DONE, today or clock.today()
            task.skip_reason = ""
        session.flush()
        return plan_task(store, task_id)


# --- the template --------------------------------------------------------------------------
@dataclass(frozen=True)
class TemplateInput:
    title: str
    phase: Phase
    offset_days: int
    outcome_area: OutcomeArea
    family_facing: bool = False
    guidance: str = ""

    def problems(self) -> list[Problem]:
        found = required_text("title", self.title, "what needs doing")
        low, high = self.phase.offsets
        if not low <= self.offset_days <= high:
            days = Plan.PHASE_DAYS(phase=self.phase.label, low=low, high=high)
            found.append(Problem("offset_days", days))
        return found


def template(store: Store) -> list[TaskTemplate]:
    """The programme's template tasks and the group's own, in the order they fall due."""
    programme = programme_of(store)
    with store.read() as session:
        own = session.scalars(
            select(GroupTemplate).where(GroupTemplate.archived_at.is_(None))
        ).all()
        mine = [_as_template(t) for t in own]
    return sorted([*programme.tasks, *mine], key=lambda t: (t.offset_days, t.key))


def _as_template(row: GroupTemplate) -> TaskTemplate:
    """One of the group's own template tasks, as the programme's are given: never a snapshot
    of the indicators, and the family's progress rather than the group's own work."""
    return read_into(
        TaskTemplate,
        row,
        key=f"{GROUP_KEY_PREFIX}{row.id}",
        source=Plan.GROUP_TEMPLATE_SOURCE(),
        group_template_id=row.id,
        snapshot_months=None,
        group_task=False,
    )


def add_template_task(store: Store, data: TemplateInput) -> int:
    """Add a task to the group's template: households added from now on get it, and so does
    any household whose template is re-applied."""
    if problems := data.problems():
        raise InvalidInput(problems)
    with store.transaction(f"Add “{data.title.strip()}” to the template") as session:
        row = GroupTemplate(
            title=data.title.strip(),
            phase=data.phase,
            offset_days=data.offset_days,
            outcome_area=data.outcome_area,
            family_facing=data.family_facing,
            guidance=data.guidance.strip(),
            kind=TaskKind.TASK,
        )
        return added(session, row).id


def retire_template_task(store: Store, template_id: int) -> None:
    """Take one of the group's own tasks out of the template (tasks made from it stay)."""
    with store.transaction("Remove a task from the template") as session:
        row = get_or_gone(session, GroupTemplate, template_id, Records.TEMPLATE_TASK_GONE)
        row.archived_at = clock.now()


def tasks_for(templates: list[TaskTemplate], household_id: int, arrival: date | None) -> list[Task]:
    """Template tasks for one household; undated until its arrival date is known."""
    return [
        Task(
            household_id=household_id,
            template_key=t.key,
            kind=t.kind,
            phase=t.phase,
            outcome_area=t.outcome_area,
            title=t.title,
            guidance=t.guidance,
            source=t.source if isinstance(t.source, str) else "",  # the programme's, as data
            family_facing=t.family_facing,
            due_on=t.due_on(arrival) if arrival else None,
            status=TaskStatus.OPEN,
        )
        for t in templates
    ]


def reapply_template(store: Store, household_id: int) -> int:
    """Add the template tasks this household does not have yet; returns how many."""
    templates = template(store)
    with store.transaction("Re-apply the template") as session:
        household = get_or_gone(session, Household, household_id, Records.HOUSEHOLD_GONE)
        have = set(
            session.scalars(
                select(Task.template_key).where(
                    Task.household_id == household_id, Task.template_key.is_not(None)
                )
            )
        )
        missing = [t for t in templates if t.key not in have]
        session.add_all(tasks_for(missing, household_id, household.arrival_date))
        return len(missing)


# --- the printable checklist ---------------------------------------------------------------
@dataclass(frozen=True)
class ChecklistItem:
    title: str
    due_on: date | None
    assignee: str
    status: TaskStatus
    notes: str


@dataclass(frozen=True)
class ChecklistHousehold:
    code: str
    arrival_date: date | None
    phases: tuple[tuple[Phase, tuple[ChecklistItem, ...]], ...]


def checklist(store: Store, household_ids: list[int] | None = None) -> list[ChecklistHousehold]:
    """What `report checklist` prints: per household, by phase, every task that applies,
    with its due date and who does it (households by code only)."""
    with store.read() as session:
        households = session.execute(
            select(Household.id, Household.code, Household.arrival_date)
            .where(Household.archived_at.is_(None))
            .order_by(Household.code)
        ).all()
        tasks = plan_tasks(store)  # the same snapshot: reads nest in one session
    wanted = set(household_ids) if household_ids is not None else None
    result = []
    for household_id, code, arrival in households:
        if wanted is not None and household_id not in wanted:
            continue
        mine = [
            t
            for t in tasks
            if t.household_id == household_id and t.status is not TaskStatus.NOT_NEEDED
        ]
        phases = tuple(
            (
                phase,
                tuple(
                    ChecklistItem(t.title, t.due_on, t.assignee, t.status, t.notes)
                    for t in mine
                    if t.phase is phase
                ),
            )
            for phase in Phase
            if any(t.phase is phase for t in mine)
        )
        result.append(ChecklistHousehold(code, arrival, phases))
    return result
