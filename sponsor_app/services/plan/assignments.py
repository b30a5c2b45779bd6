"""Who may take a task: the vetting rule for every way a task gets a volunteer, the names the
task form offers (and why some are not), and assignments the rule no longer allows.

Reading and writing the tasks themselves is the plan's (plan.py): one task service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.dates import format_date
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ... import clock
from ...domain.enums import (
    OPEN_STATUSES,
    CheckInKind,
)
from ...domain.errors import RuleBroken
from ...domain.messages import Listed, Message, Plan, Records
from ...domain.vetting import Vetting, WithVetting, may_do_family_facing, standing_words
from ...storage.models import CheckIn, CheckInVolunteer, GroupProfile, Household, Task, Volunteer
from ...storage.store import Store
from ..results import LapsedAssignment
from ..roster.volunteers import (
    VolunteerRow,
    get_volunteer_orm,
    list_volunteers,
    roster_rules,
    to_row,
)
from ..rows import get_or_gone


def get_task_orm(session: Session, task_id: int) -> Task:
    """The task, or NotFound (for the plan's writes and the rule's checks alike)."""
    return get_or_gone(session, Task, task_id, Records.TASK_GONE)


class VettingRuleBroken(RuleBroken):
    """A family-facing task offered to someone whose required checks are not current.

    Carries the facts for the window to word; the message is the command line's sentence."""

    def __init__(self, task_title: str, volunteer: VolunteerRow, locale: str):
        self.task_title, self.volunteer = task_title, volunteer
        super().__init__(
            Plan.TASK_NEEDS_VETTING(task=task_title, reason=_vetting_reason(volunteer, locale))
        )


@dataclass(frozen=True)
class AssigneeOption(WithVetting):
    volunteer_id: int
    name: str
    allowed: bool
    # Why not, when not allowed: the volunteer's vetting status (missing or expired) and
    # when it expired. The window words it.
    vetting: Vetting


def _vetting_reason(row: VolunteerRow, locale: str) -> Message:
    return vetting_reason(row.full_name, row.vetting, locale)


def vetting_reason(name: str, vetting: Vetting, locale: str) -> Message:
    """Why the vetting rule keeps someone away from the family: what is missing, waiting or
    expired ("Aroha Ngata: Police vetting expired 3 Mar 2026."). Each requirement in
    domain/vetting.py's words, its dates in the group's locale."""
    gaps = Listed(
        standing_words(s, lambda day: format_date(day, "medium", locale=locale))
        for s in vetting.blocking
    )
    return Plan.VETTING_REASON(name=name, gaps=gaps or Plan.VETTING_NOT_CURRENT())


def assignee_options(
    store: Store, task_id: int | None, today: date | None = None
) -> list[AssigneeOption]:
    """Every active volunteer, and whether the vetting rule lets them take this task (for a
    task not made yet: whether they may take a family-facing one)."""
    with store.read() as session:
        facing = get_task_orm(session, task_id).family_facing if task_id is not None else True
        options = []
        for row in list_volunteers(store, today=today):
            if not row.active:
                continue
            allowed = not facing or row.vetting.may_meet_family
            options.append(AssigneeOption(row.id, row.full_name, allowed, row.vetting))
        return options


def check_vetting_rule(
    session: Session,
    task: Task,
    volunteer_id: int | None,
    day: date,
    family_facing: bool | None = None,
) -> None:
    """The vetting rule, for every way a task gets a volunteer: a family-facing task goes only
    to a volunteer whose required checks are current. Raises VettingRuleBroken."""
    facing = task.family_facing if family_facing is None else family_facing
    if volunteer_id is None or not facing:
        if volunteer_id is not None:
            get_volunteer_orm(session, volunteer_id)  # it must still exist
        return
    row = to_row(get_volunteer_orm(session, volunteer_id), roster_rules(session), day)
    if not may_do_family_facing(row.vetting_status):
        locale = session.scalar(select(GroupProfile.locale))
        raise VettingRuleBroken(task.title, row, locale)


def lapsed_assignments(
    store: Store, today: date | None = None, volunteers: list[VolunteerRow] | None = None
) -> list[LapsedAssignment]:
    """Open family-facing tasks whose assignee's vetting has lapsed since they were assigned,
    then family-facing check-ins (visits, meetings) held with a volunteer whose vetting was not
    current on the day (the form asked first).

    `volunteers` (everyone, archived included) saves listing them again when the caller has.
    """
    day = today or clock.today()
    if volunteers is None:
        volunteers = list_volunteers(store, include_archived=True, today=day)
    blocked = {v.id: v for v in volunteers if not may_do_family_facing(v.vetting_status)}
    return _lapsed_tasks(store, blocked) + unvetted_check_ins(store, day)


def unvetted_check_ins(store: Store, today: date | None = None) -> list[LapsedAssignment]:
    """Family-facing check-ins up to `today` at which someone present was not cleared to meet
    the family that day (by the vetting rule, as of the day it was held)."""
    day = today or clock.today()
    with store.read() as session:
        rules = roster_rules(session)
        held = session.execute(
            select(
                CheckIn.id,
                Household.code,
                CheckIn.held_on,
                CheckIn.kind,
                CheckInVolunteer.volunteer_id,
            )
            .join(Household, Household.id == CheckIn.household_id)
            .join(CheckInVolunteer, CheckInVolunteer.check_in_id == CheckIn.id)
            .where(
                CheckIn.kind.in_([k for k in CheckInKind if k.family_facing]),
                CheckIn.held_on <= day,
                Household.archived_at.is_(None),
            )
            .order_by(CheckIn.held_on.desc(), CheckIn.id.desc())
        ).all()
        people = {
            v.id: v
            for v in session.scalars(
                select(Volunteer)
                .where(Volunteer.id.in_({h[4] for h in held}))
                .options(selectinload(Volunteer.checks), selectinload(Volunteer.training))
            )
        }
        found = []
        for check_in_id, code, held_on, kind, volunteer_id in held:
            volunteer = people[volunteer_id]
            vetting = rules.vetting(volunteer, held_on)
            if not vetting.may_meet_family:
                found.append(
                    LapsedAssignment(
                        None,
                        code,
                        "",
                        held_on,
                        volunteer_id,
                        volunteer.full_name,
                        vetting.state,
                        check_in_id,
                        kind,
                    )
                )
        return found


def _lapsed_tasks(store: Store, blocked: dict[int, VolunteerRow]) -> list[LapsedAssignment]:
    if not blocked:
        return []
    with store.read() as session:
        tasks = session.execute(
            select(Task.id, Household.code, Task.title, Task.due_on, Task.assignee_id)
            .join(Household, Household.id == Task.household_id)
            .where(
                Task.status.in_(OPEN_STATUSES),
                Task.family_facing.is_(True),
                Task.assignee_id.in_(list(blocked)),
                Household.archived_at.is_(None),
            )
            .order_by(Task.due_on, Task.id)
        ).all()
    return [
        LapsedAssignment(
            t[0], t[1], t[2], t[3], t[4], blocked[t[4]].full_name, blocked[t[4]].vetting_status
        )
        for t in tasks
    ]
