"""Volunteer roster: add, edit, archive and list volunteers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain.enums import Role, VettingStatus
from ..domain.errors import InvalidInput, NotFound, Problem
from ..domain.validation import email_problems, phone_problems, required_text
from ..domain.vetting import CheckState, overall_status
from ..storage.models import Volunteer, VolunteerRole
from ..storage.models.base import utc_now
from ..storage.store import Store
from .groups import programme_of


@dataclass(frozen=True)
class VolunteerInput:
    full_name: str
    roles: tuple[Role, ...]
    email: str = ""
    phone: str = ""
    languages: tuple[str, ...] = ()
    active: bool = True
    notes: str = ""

    def problems(self) -> list[Problem]:
        found = required_text("full_name", self.full_name, "the volunteer's name")
        found += email_problems("email", self.email)
        found += phone_problems("phone", self.phone)
        if not self.roles:
            found.append(Problem("roles", "Choose at least one role."))
        return found


@dataclass(frozen=True)
class VolunteerRow:
    id: int
    full_name: str
    roles: tuple[Role, ...]
    email: str
    phone: str
    languages: tuple[str, ...]
    active: bool
    archived: bool
    vetting_status: VettingStatus
    vetting_expires_on: date | None = None
    notes: str = ""
    role_labels: str = field(default="", compare=False)


def _validate(data: VolunteerInput) -> None:
    problems = data.problems()
    if problems:
        raise InvalidInput(problems)


def _apply(volunteer: Volunteer, data: VolunteerInput) -> None:
    volunteer.full_name = data.full_name.strip()
    volunteer.email = data.email.strip().lower() or None
    volunteer.phone = data.phone.strip()
    volunteer.languages = "; ".join(data.languages)
    volunteer.active = data.active
    volunteer.notes = data.notes
    wanted = list(dict.fromkeys(data.roles))
    current = {r.role: r for r in volunteer.roles}
    volunteer.roles = [current.get(role) or VolunteerRole(role=role) for role in wanted]


def to_row(volunteer: Volunteer, required_kinds: tuple[str, ...], today: date) -> VolunteerRow:
    states = [CheckState(c.kind, c.result, c.expires_on) for c in volunteer.checks]
    required = [c for c in volunteer.checks if c.kind in required_kinds and c.expires_on]
    roles = tuple(r.role for r in volunteer.roles)
    return VolunteerRow(
        id=volunteer.id,
        full_name=volunteer.full_name,
        roles=roles,
        email=volunteer.email or "",
        phone=volunteer.phone,
        languages=tuple(x.strip() for x in volunteer.languages.split(";") if x.strip()),
        active=volunteer.active,
        archived=volunteer.archived,
        vetting_status=overall_status(required_kinds, states, today),
        vetting_expires_on=min((c.expires_on for c in required), default=None),
        notes=volunteer.notes,
        role_labels=", ".join(r.label for r in roles),
    )


def _get(session: Session, volunteer_id: int) -> Volunteer:
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise NotFound(f"Volunteer {volunteer_id} no longer exists.")
    return volunteer


def add_volunteer(store: Store, data: VolunteerInput, today: date | None = None) -> VolunteerRow:
    _validate(data)
    required = programme_of(store).required_check_kinds
    with store.transaction() as session:
        volunteer = Volunteer(full_name="", roles=[])
        _apply(volunteer, data)
        session.add(volunteer)
        session.flush()
        return to_row(volunteer, required, today or date.today())


def edit_volunteer(
    store: Store, volunteer_id: int, data: VolunteerInput, today: date | None = None
) -> VolunteerRow:
    _validate(data)
    required = programme_of(store).required_check_kinds
    with store.transaction() as session:
        volunteer = _get(session, volunteer_id)
        _apply(volunteer, data)
        session.flush()
        return to_row(volunteer, required, today or date.today())


def archive_volunteer(store: Store, volunteer_id: int, archived: bool = True) -> None:
    """Archive (or bring back) a volunteer; their history stays for the reports."""
    with store.transaction() as session:
        volunteer = _get(session, volunteer_id)
        volunteer.archived_at = utc_now() if archived else None
        if archived:
            volunteer.active = False


def list_volunteers(
    store: Store, include_archived: bool = False, today: date | None = None
) -> list[VolunteerRow]:
    required = programme_of(store).required_check_kinds
    day = today or date.today()
    with store.read() as session:
        query = select(Volunteer).options(
            selectinload(Volunteer.roles), selectinload(Volunteer.checks)
        )
        if not include_archived:
            query = query.where(Volunteer.archived_at.is_(None))
        volunteers = session.scalars(query.order_by(Volunteer.full_name, Volunteer.id)).all()
        return [to_row(v, required, day) for v in volunteers]


def get_volunteer(store: Store, volunteer_id: int, today: date | None = None) -> VolunteerRow:
    required = programme_of(store).required_check_kinds
    with store.read() as session:
        return to_row(_get(session, volunteer_id), required, today or date.today())
