"""The contact log: visits, calls, meetings and programme reviews with each household."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ... import clock
from ...domain.enums import OPEN_STATUSES, CheckInKind, GoalStatus, TaskKind, TaskStatus
from ...domain.errors import InvalidInput, Problem, RuleBroken
from ...domain.messages import Listed, Plan, Records
from ...domain.vetting import Vetting
from ...storage.models import (
    CheckIn,
    CheckInVolunteer,
    Goal,
    GoalReview,
    GroupProfile,
    Household,
    Task,
    Volunteer,
)
from ...storage.store import Store
from ..roster.volunteers import VolunteerRow, roster_rules
from ..rows import added, get_or_gone, read_into
from .assignments import vetting_reason
from .goals import list_goals, settle_goal_status


@dataclass(frozen=True)
class GoalUpdate:
    """Where one of the family's goals stood at this check-in."""

    goal_id: int
    status: GoalStatus
    note: str = ""


@dataclass(frozen=True)
class CheckInInput:
    household_id: int
    held_on: date
    kind: CheckInKind = CheckInKind.VISIT
    summary: str = ""
    needs_met: int | None = None  # 1 to 5, as the family sees it; None: not asked
    concern: str = ""
    concern_resolved_on: date | None = None
    shareable: bool = False
    volunteer_ids: tuple[int, ...] = ()
    meeting_task_id: int | None = None  # the programme meeting this check-in was
    goal_updates: tuple[GoalUpdate, ...] = field(default_factory=tuple)
    # The person was told who went without current vetting and recorded it all the same
    # (it happened: the log must say so). Without it, such a check-in is refused.
    vetting_confirmed: bool = False

    def problems(self, today: date) -> list[Problem]:
        found = []
        if self.held_on > today:
            found.append(Problem("held_on", Plan.CHECK_IN_IN_FUTURE()))
        if self.needs_met is not None and not 1 <= self.needs_met <= 5:
            found.append(Problem("needs_met", Plan.NEEDS_MET_RANGE()))
        if self.concern_resolved_on is not None:
            if not self.concern.strip():
                found.append(Problem("concern_resolved_on", Plan.CONCERN_MISSING()))
            elif self.concern_resolved_on < self.held_on:
                found.append(Problem("concern_resolved_on", Plan.CONCERN_RESOLVED_BEFORE()))
            elif self.concern_resolved_on > today:
                found.append(Problem("concern_resolved_on", Plan.DAY_NOT_COME()))
        return found


@dataclass(frozen=True)
class CheckInRow:
    id: int
    household_id: int
    household_code: str
    held_on: date
    kind: CheckInKind
    summary: str
    needs_met: int | None
    concern: str
    concern_resolved_on: date | None
    shareable: bool
    volunteer_ids: tuple[int, ...]
    volunteers: tuple[str, ...]
    meeting_task_id: int | None

    @property
    def concern_open(self) -> bool:
        return bool(self.concern.strip()) and self.concern_resolved_on is None


class UnvettedAtCheckIn(RuleBroken):
    """A family-facing check-in (a visit, a meeting) names someone who was not cleared to meet
    the family on the day. Carries who and why for the window to word and ask about; the
    message is the command line's English."""

    def __init__(self, people: list[tuple[int, str, Vetting]], locale: str):
        self.people = people
        reasons = Listed(
            (vetting_reason(name, vetting, locale) for _, name, vetting in people), " "
        )
        super().__init__(Plan.CHECK_IN_NEEDS_VETTING(count=len(people), reasons=reasons))


def unvetted_present(
    session: Session, volunteer_ids: tuple[int, ...], kind: CheckInKind, held_on: date
) -> list[tuple[int, str, Vetting]]:
    """Who went that the vetting rule would have kept away from the family on `held_on`: (id,
    name, vetting), for a family-facing kind only."""
    if not kind.family_facing or not volunteer_ids:
        return []
    rules = roster_rules(session)
    people = session.scalars(
        select(Volunteer)
        .where(Volunteer.id.in_(volunteer_ids))
        .options(selectinload(Volunteer.checks), selectinload(Volunteer.training))
        .order_by(Volunteer.full_name, Volunteer.id)
    ).all()
    found = []
    for volunteer in people:
        vetting = rules.vetting(volunteer, held_on)
        if not vetting.may_meet_family:
            found.append((volunteer.id, volunteer.full_name, vetting))
    return found


def check_in_vetting(store: Store, data: CheckInInput) -> list[tuple[int, str, Vetting]]:
    """What the check-in form asks about before saving (see `unvetted_present`)."""
    with store.read() as session:
        return unvetted_present(session, tuple(data.volunteer_ids), data.kind, data.held_on)


def _get(session: Session, check_in_id: int) -> CheckIn:
    return get_or_gone(session, CheckIn, check_in_id, Records.CHECK_IN_GONE)


@dataclass(frozen=True)
class CheckInChoices:
    """What the check-in form offers: who may be recorded as going, the programme meetings
    still to hold, and the family's goals that may be reviewed."""

    volunteers: list[VolunteerRow]
    meetings: list[tuple[int, str, date | None]]
    goals: list  # GoalRow


def _already_there(session: Session, check_in_id: int | None) -> tuple[set[int], set[int]]:
    """Who is recorded at this check-in and the goals it reviewed (nothing for a new one)."""
    if check_in_id is None:
        return set(), set()
    present = session.scalars(
        select(CheckInVolunteer.volunteer_id).where(CheckInVolunteer.check_in_id == check_in_id)
    )
    reviewed = session.scalars(
        select(GoalReview.goal_id).where(GoalReview.check_in_id == check_in_id)
    )
    return set(present), set(reviewed)


def may_go(active: bool, volunteer_id: int, present: set[int]) -> bool:
    """A check-in records active volunteers; an edit keeps those already recorded at it, even
    if they have left since (they were there)."""
    return active or volunteer_id in present


def may_review(status: GoalStatus, goal_id: int, reviewed: set[int]) -> bool:
    """A check-in reviews the goals not yet achieved; an edit keeps its own reviews."""
    return status is not GoalStatus.ACHIEVED or goal_id in reviewed


def check_in_choices(
    store: Store, household_id: int, check_in_id: int | None = None, as_of: date | None = None
) -> CheckInChoices:
    """The form's choices for a check-in with the household (`check_in_id` for an edit); each
    volunteer's vetting as on `as_of` (today)."""
    from ..roster.volunteers import list_volunteers

    with store.read() as session:
        present, reviewed = _already_there(session, check_in_id)
        volunteers = [
            v
            for v in list_volunteers(store, include_archived=True, today=as_of)
            if may_go(v.active, v.id, present)
        ]
        goals = [g for g in list_goals(store, household_id) if may_review(g.status, g.id, reviewed)]
        return CheckInChoices(volunteers, meetings_due(store, household_id), goals)


def _validate(
    session: Session, data: CheckInInput, today: date, check_in_id: int | None = None
) -> None:
    problems = data.problems(today)
    if session.get(Household, data.household_id) is None:
        problems.append(Problem("household", Records.THAT_HOUSEHOLD_GONE()))
    present, reviewed = _already_there(session, check_in_id)
    people = session.execute(
        select(Volunteer.id, Volunteer.active, Volunteer.full_name).where(
            Volunteer.id.in_(data.volunteer_ids)
        )
    ).all()
    if len(people) != len(set(data.volunteer_ids)):
        problems.append(Problem("volunteers", Records.A_VOLUNTEER_GONE()))
    gone = [
        name for volunteer_id, active, name in people if not may_go(active, volunteer_id, present)
    ]
    if gone:
        problems.append(
            Problem("volunteers", Plan.CHECK_IN_NOT_ACTIVE(names=", ".join(sorted(gone))))
        )
    if data.meeting_task_id is not None:
        task = session.get(Task, data.meeting_task_id)
        if task is None or task.household_id != data.household_id:
            problems.append(Problem("meeting", Plan.MEETING_NOT_IN_PLAN()))
    goals = {
        g.id: g.household_id
        for g in session.scalars(
            select(Goal).where(Goal.id.in_([u.goal_id for u in data.goal_updates]))
        )
    }
    if any(goals.get(u.goal_id) != data.household_id for u in data.goal_updates):
        problems.append(Problem("goals", Plan.GOAL_NOT_THIS_HOUSEHOLDS()))
    achieved = session.scalars(
        select(Goal.text).where(
            Goal.id.in_([u.goal_id for u in data.goal_updates if u.goal_id not in reviewed]),
            Goal.status == GoalStatus.ACHIEVED,
        )
    ).all()
    if achieved:
        problems.append(Problem("goals", Plan.GOAL_ALREADY_ACHIEVED(goals="; ".join(achieved))))
    if problems:
        raise InvalidInput(problems)
    if not data.vetting_confirmed:
        unvetted = unvetted_present(session, tuple(data.volunteer_ids), data.kind, data.held_on)
        if unvetted:
            raise UnvettedAtCheckIn(unvetted, session.scalar(select(GroupProfile.locale)))


def _apply(session: Session, row: CheckIn, data: CheckInInput, today: date) -> None:
    row.household_id = data.household_id
    row.held_on = data.held_on
    row.kind = data.kind
    row.summary = data.summary.strip()
    row.needs_met = data.needs_met
    row.concern = data.concern.strip()
    row.concern_resolved_on = data.concern_resolved_on if row.concern else None
    row.shareable = data.shareable
    row.task_id = data.meeting_task_id
    row.present = [CheckInVolunteer(volunteer_id=v) for v in dict.fromkeys(data.volunteer_ids)]
    if data.meeting_task_id is not None:  # the meeting the programme asks for is held
        task = session.get(Task, data.meeting_task_id)
        if task.status in OPEN_STATUSES:
            task.status, task.completed_on = TaskStatus.DONE, data.held_on  # the link says how


def _review_goals(session: Session, row: CheckIn, data: CheckInInput) -> None:
    """This check-in's reviews are exactly `data.goal_updates` (an edit replaces them), and
    each goal's status is its latest review's."""
    earlier = session.scalars(select(GoalReview).where(GoalReview.check_in_id == row.id)).all()
    touched = {review.goal_id for review in earlier}
    for review in earlier:
        session.delete(review)
    session.flush()
    for update in data.goal_updates:
        session.add(
            GoalReview(
                goal_id=update.goal_id,
                check_in_id=row.id,
                reviewed_on=data.held_on,
                status=update.status,
                note=update.note.strip(),
            )
        )
        touched.add(update.goal_id)
    session.flush()
    for goal_id in touched:
        settle_goal_status(session, goal_id)


def record_check_in(store: Store, data: CheckInInput, today: date | None = None) -> int:
    """Record a check-in, who was there, the goals reviewed, and the meeting it fulfils: one
    change set."""
    day = today or clock.today()
    with store.transaction("Record check-in") as session:
        _validate(session, data, day)
        row = CheckIn()
        _apply(session, row, data, day)
        added(session, row)
        _review_goals(session, row, data)
        return row.id


def edit_check_in(
    store: Store, check_in_id: int, data: CheckInInput, today: date | None = None
) -> None:
    day = today or clock.today()
    with store.transaction("Edit check-in") as session:
        row = _get(session, check_in_id)
        _validate(session, data, day, check_in_id)
        _apply(session, row, data, day)
        session.flush()
        _review_goals(session, row, data)


def delete_check_in(store: Store, check_in_id: int) -> None:
    with store.transaction("Delete check-in") as session:
        session.delete(_get(session, check_in_id))


def list_check_ins(store: Store, household_id: int | None = None) -> list[CheckInRow]:
    """Newest first."""
    with store.read() as session:
        names = dict(session.execute(select(Volunteer.id, Volunteer.full_name)).all())
        query = (
            select(CheckIn, Household.code)
            .join(Household, Household.id == CheckIn.household_id)
            .options(selectinload(CheckIn.present))
            .order_by(CheckIn.held_on.desc(), CheckIn.id.desc())
        )
        if household_id is not None:
            query = query.where(CheckIn.household_id == household_id)
        return [_row(c, code, names) for c, code in session.execute(query)]


def _row(c: CheckIn, code: str, names: dict[int, str]) -> CheckInRow:
    ids = tuple(p.volunteer_id for p in c.present)
    return read_into(
        CheckInRow,
        c,
        household_code=code,
        volunteer_ids=ids,
        volunteers=tuple(names.get(v, "") for v in ids),
        meeting_task_id=c.task_id,
    )


def meetings_due(store: Store, household_id: int) -> list[tuple[int, str, date | None]]:
    """The household's programme meetings still to hold: (task id, title, due), for the
    check-in form's "this was the…" choice."""
    with store.read() as session:
        return [
            (r[0], r[1], r[2])
            for r in session.execute(
                select(Task.id, Task.title, Task.due_on)
                .where(
                    Task.household_id == household_id,
                    Task.kind == TaskKind.MEETING,
                    Task.status.in_(OPEN_STATUSES),
                )
                .order_by(Task.due_on)
            )
        ]
