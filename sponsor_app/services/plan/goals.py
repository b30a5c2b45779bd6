"""The family's own goals, set at the first meeting or later, and how each is going."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...domain.enums import GoalStatus, OutcomeArea
from ...domain.errors import InvalidInput, Problem
from ...domain.messages import Plan, Records
from ...storage.models import Goal, GoalReview, Household
from ...storage.store import Store
from ..rows import added, get_or_gone


def settle_goal_status(session: Session, goal_id: int) -> None:
    """A goal stands as its latest review says (not started before any)."""
    goal = session.get(Goal, goal_id)
    if goal is None:
        return
    session.refresh(goal, ["reviews"])
    latest = max(goal.reviews, key=lambda r: (r.reviewed_on, r.id), default=None)
    goal.status = latest.status if latest else GoalStatus.NOT_STARTED


@dataclass(frozen=True)
class GoalInput:
    household_id: int
    outcome_area: OutcomeArea
    text: str
    set_on: date
    target_on: date | None = None

    def problems(self) -> list[Problem]:
        found = [] if self.text.strip() else [Problem("text", Plan.GOAL_TEXT_MISSING())]
        if self.target_on is not None and self.target_on < self.set_on:
            found.append(Problem("target_on", Plan.TARGET_BEFORE_SET()))
        return found


@dataclass(frozen=True)
class GoalRow:
    id: int
    household_id: int
    household_code: str
    outcome_area: OutcomeArea
    text: str
    set_on: date
    target_on: date | None
    status: GoalStatus
    last_reviewed_on: date | None
    reviews: int


def _get(session: Session, goal_id: int) -> Goal:
    return get_or_gone(session, Goal, goal_id, Records.GOAL_GONE)


def _apply(session: Session, goal: Goal, data: GoalInput) -> None:
    if problems := data.problems():
        raise InvalidInput(problems)
    if session.get(Household, data.household_id) is None:
        raise InvalidInput.single("household", Records.THAT_HOUSEHOLD_GONE())
    goal.household_id = data.household_id
    goal.outcome_area = data.outcome_area
    goal.text = data.text.strip()
    goal.set_on = data.set_on
    goal.target_on = data.target_on


def add_goal(store: Store, data: GoalInput) -> int:
    with store.transaction("Add goal") as session:
        goal = Goal(status=GoalStatus.NOT_STARTED)
        _apply(session, goal, data)
        return added(session, goal).id


def edit_goal(store: Store, goal_id: int, data: GoalInput) -> None:
    with store.transaction("Edit goal") as session:
        _apply(session, _get(session, goal_id), data)


def delete_goal(store: Store, goal_id: int) -> None:
    with store.transaction("Delete goal") as session:
        session.delete(_get(session, goal_id))


def review_goal(
    store: Store, goal_id: int, status: GoalStatus, reviewed_on: date, note: str = ""
) -> None:
    """Record where a goal stands, outside a check-in (a check-in reviews goals itself)."""
    with store.transaction("Review goal") as session:
        goal = _get(session, goal_id)
        if reviewed_on < goal.set_on:
            raise InvalidInput.single("reviewed_on", Plan.REVIEW_BEFORE_SET())
        session.add(
            GoalReview(goal_id=goal_id, reviewed_on=reviewed_on, status=status, note=note.strip())
        )
        session.flush()
        settle_goal_status(session, goal_id)


def list_goals(store: Store, household_id: int | None = None) -> list[GoalRow]:
    with store.read() as session:
        query = (
            select(Goal, Household.code)
            .join(Household, Household.id == Goal.household_id)
            .options(selectinload(Goal.reviews))
            .order_by(Household.code, Goal.set_on, Goal.id)
        )
        if household_id is not None:
            query = query.where(Goal.household_id == household_id)
        return [
            GoalRow(
                g.id,
                g.household_id,
                code,
                g.outcome_area,
                g.text,
                g.set_on,
                g.target_on,
                g.status,
                max((r.reviewed_on for r in g.reviews), default=None),
                len(g.reviews),
            )
            for g, code in session.execute(query)
        ]
