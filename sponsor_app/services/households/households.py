"""Households and their members; adding one lays out its settlement tasks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ... import clock
from ...domain.enums import OPEN_STATUSES, TaskStatus
from ...domain.errors import InvalidInput, NotFound, Problem
from ...domain.messages import Households, Records
from ...domain.settlement import shift_due_date
from ...domain.validation import household_code_problems
from ...storage.models import Household, HouseholdMember, Task
from ...storage.store import Store
from ..plan.plan import tasks_for, template
from ..rows import added, get_or_gone, read_into


@dataclass(frozen=True)
class HouseholdInput:
    code: str
    family_name: str = ""
    arrival_date: date | None = None
    arrival_confirmed: bool = False
    town: str = ""
    languages: str = ""
    notes: str = ""


@dataclass(frozen=True)
class MemberInput:
    full_name: str
    relationship_to_principal: str = ""
    date_of_birth: date | None = None
    is_principal: bool = False
    notes: str = ""
    # Sensitive: None leaves what is stored as it is (a form that never showed them).
    health_notes: str | None = None
    immigration_notes: str | None = None


@dataclass(frozen=True)
class MemberRow:
    id: int
    household_id: int
    full_name: str
    relationship_to_principal: str
    date_of_birth: date | None
    is_principal: bool
    archived: bool
    notes: str = ""
    # Whether there are sensitive notes, never what they say (show_sensitive_details does).
    has_sensitive_details: bool = False


@dataclass(frozen=True)
class SensitiveDetails:
    member_id: int
    health_notes: str
    immigration_notes: str


@dataclass(frozen=True)
class HouseholdRow:
    id: int
    code: str
    family_name: str
    arrival_date: date | None
    arrival_confirmed: bool
    town: str
    languages: str
    notes: str
    archived: bool
    size: int  # members not archived
    tasks_total: int
    tasks_done: int


def household_by_code(store: Store, code: str) -> HouseholdRow:
    """The household a person means by its code ("h2" is H2); the message lists the codes."""
    rows = list_households(store, include_archived=True)
    found = next((h for h in rows if h.code.casefold() == code.strip().casefold()), None)
    if found is None:
        known = tuple(h.code for h in rows) or Households.NONE_YET()
        raise NotFound(Households.NO_HOUSEHOLD_CODE(code=code.strip(), codes=known))
    return found


def next_household_code(store: Store) -> str:
    """H1, H2... the first free code after the highest in use."""
    with store.read() as session:
        codes = session.scalars(select(Household.code)).all()
    numbers = [int(m.group(1)) for c in codes if (m := re.fullmatch(r"H(\d+)", c, re.IGNORECASE))]
    return f"H{max(numbers, default=0) + 1}"


def _check(session: Session, data: HouseholdInput, exclude_id: int | None = None) -> None:
    problems = household_code_problems("code", data.code)
    if not problems:
        clash = session.scalar(
            select(Household.id).where(func.lower(Household.code) == data.code.strip().lower())
        )
        if clash is not None and clash != exclude_id:
            problems.append(Problem("code", Households.CODE_TAKEN(code=data.code.strip().upper())))
    if problems:
        raise InvalidInput(problems)


def _apply(household: Household, data: HouseholdInput) -> None:
    household.code = data.code.strip().upper()
    household.family_name = data.family_name.strip()
    household.arrival_date = data.arrival_date
    household.arrival_confirmed = data.arrival_confirmed
    household.town = data.town.strip()
    household.languages = data.languages.strip()
    household.notes = data.notes


def add_household(
    store: Store, data: HouseholdInput, members: tuple[MemberInput, ...] = ()
) -> HouseholdRow:
    templates = template(store)
    with store.transaction(f"Add household {data.code.strip().upper()}") as session:
        _check(session, data)
        household = Household()
        _apply(household, data)
        household.members = [_member(m) for m in members]
        chosen = next((m for m in household.members if m.is_principal), None)
        _one_principal(household, chosen)
        added(session, household)
        session.add_all(tasks_for(templates, household.id, data.arrival_date))
        session.flush()
        return _row(session, household)


def edit_household(
    store: Store, household_id: int, data: HouseholdInput, move_open_tasks: bool = False
) -> HouseholdRow:
    """Save the household; if the arrival date moved and asked to, open tasks move with it."""
    templates = {t.key: t for t in template(store)}
    with store.transaction(f"Edit household {data.code.strip().upper()}") as session:
        household = _get(session, household_id)
        _check(session, data, exclude_id=household_id)
        old_arrival = household.arrival_date
        _apply(household, data)
        new_arrival = household.arrival_date
        if move_open_tasks and new_arrival and new_arrival != old_arrival:
            _move_open_tasks(session, templates, household_id, old_arrival, new_arrival)
        session.flush()
        return _row(session, household)


def _move_open_tasks(
    session: Session, templates: dict, household_id: int, old: date | None, new: date
) -> None:
    tasks = session.scalars(
        select(Task).where(Task.household_id == household_id, Task.status.in_(OPEN_STATUSES))
    ).all()
    for task in tasks:
        if old is not None and task.due_on is not None:
            task.due_on = shift_due_date(task.due_on, old, new)
        elif task.template_key in templates:
            task.due_on = templates[task.template_key].due_on(new)


def archive_household(store: Store, household_id: int, archived: bool = True) -> None:
    with store.transaction("Archive household" if archived else "Restore household") as session:
        _get(session, household_id).archived_at = clock.now() if archived else None


def list_households(store: Store, include_archived: bool = False) -> list[HouseholdRow]:
    with store.read() as session:
        query = select(Household).order_by(Household.code)
        if not include_archived:
            query = query.where(Household.archived_at.is_(None))
        return [_row(session, h) for h in session.scalars(query).all()]


def add_member(store: Store, household_id: int, data: MemberInput) -> MemberRow:
    """Add a member. The first one is the principal applicant unless another is chosen; a
    member added as principal takes over from the one before (one per household)."""
    if not data.full_name.strip():
        raise InvalidInput.single("full_name", Households.MEMBER_NAME_MISSING())
    with store.transaction(f"Add member {data.full_name.strip()}") as session:
        household = _get(session, household_id)
        member = _member(data)
        household.members.append(member)
        _one_principal(household, member if data.is_principal else None)
        session.flush()
        return _member_row(member)


def _one_principal(household: Household, chosen: HouseholdMember | None) -> None:
    """Exactly one principal applicant among the household's current members: `chosen`, or
    the one there is, or the first member."""
    current = [m for m in household.members if not m.archived]
    if not current:
        return
    principal = chosen or next((m for m in current if m.is_principal), current[0])
    for member in household.members:
        member.is_principal = member is principal


def list_members(
    store: Store, household_id: int, include_archived: bool = False
) -> list[MemberRow]:
    with store.read() as session:
        members = _get(session, household_id).members
        return [_member_row(m) for m in members if include_archived or not m.archived]


def _member(data: MemberInput) -> HouseholdMember:
    return HouseholdMember(
        full_name=data.full_name.strip(),
        relationship_to_principal=data.relationship_to_principal.strip(),
        date_of_birth=data.date_of_birth,
        is_principal=data.is_principal,
        notes=data.notes,
        health_notes=data.health_notes or "",
        immigration_notes=data.immigration_notes or "",
    )


def _member_row(m: HouseholdMember) -> MemberRow:
    return read_into(
        MemberRow,
        m,
        has_sensitive_details=bool(m.health_notes.strip() or m.immigration_notes.strip()),
    )


def show_sensitive_details(store: Store, member_id: int) -> SensitiveDetails:
    """A member's health and immigration notes, for someone who asked to see them: recorded
    in the history as who saw whose (by member number and household code) and when. The
    record changes no row and cannot be undone."""
    from ...storage.models import ChangeKind

    with store.read() as session:
        member = _get_member(session, member_id)
        code = member.household.code
    description = f"Showed the sensitive details of member {member_id} of {code}"
    with store.transaction(description, kind=ChangeKind.ACCESS) as session:
        member = _get_member(session, member_id)
        return SensitiveDetails(member.id, member.health_notes, member.immigration_notes)


def _get(session: Session, household_id: int) -> Household:
    return get_or_gone(session, Household, household_id, Records.HOUSEHOLD_GONE)


def _row(session: Session, household: Household) -> HouseholdRow:
    total, done = session.execute(
        select(
            func.count(Task.id), func.count(Task.id).filter(Task.status == TaskStatus.DONE)
        ).where(Task.household_id == household.id)
    ).one()
    return read_into(
        HouseholdRow,
        household,
        size=sum(1 for m in household.members if not m.archived),
        tasks_total=total,
        tasks_done=done,
    )


def delete_household(store: Store, household_id: int) -> None:
    """Remove a household for good, with its tasks, check-ins and readings; its ledger rows
    and hours lose the link. The window asks first; the change set keeps every row, so undo
    (or `sponsor-app revert`) brings all of it back with the same ids."""
    with store.transaction("Delete household") as session:
        session.delete(_get(session, household_id))


def edit_member(store: Store, member_id: int, data: MemberInput) -> MemberRow:
    if not data.full_name.strip():
        raise InvalidInput.single("full_name", Households.MEMBER_NAME_MISSING())
    with store.transaction(f"Edit member {data.full_name.strip()}") as session:
        member = _get_member(session, member_id)
        if member.is_principal and not data.is_principal:
            raise InvalidInput.single("is_principal", Households.ONE_PRINCIPAL())
        fresh = _member(data)
        changed = [
            "full_name",
            "relationship_to_principal",
            "date_of_birth",
            "is_principal",
            "notes",
        ]
        changed += [
            name
            for name in ("health_notes", "immigration_notes")
            if getattr(data, name) is not None
        ]
        for attribute in changed:
            setattr(member, attribute, getattr(fresh, attribute))
        _one_principal(member.household, member if data.is_principal else None)
        session.flush()
        return _member_row(member)


def archive_member(store: Store, member_id: int, archived: bool = True) -> None:
    with store.transaction("Archive member" if archived else "Restore member") as session:
        _get_member(session, member_id).archived_at = clock.now() if archived else None


def open_task_count(store: Store, household_id: int) -> int:
    with store.read() as session:
        return session.scalar(
            select(func.count(Task.id)).where(
                Task.household_id == household_id,
                Task.status.in_(OPEN_STATUSES),
                Task.due_on.is_not(None),
            )
        )


def _get_member(session: Session, member_id: int) -> HouseholdMember:
    return get_or_gone(session, HouseholdMember, member_id, Records.MEMBER_GONE)
