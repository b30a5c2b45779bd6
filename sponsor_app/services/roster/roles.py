"""The group's own roles: the programme's list to start with, then added, renamed, retired.

A role is found by its key (which never changes) or, when a person types it, by its name or
key, case and accents aside. A role volunteers hold can be retired (no one new is given it;
those who hold it keep it) but not deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ... import clock
from ...domain.errors import InvalidInput, Problem, RuleBroken
from ...domain.messages import Records, Roster
from ...domain.text import fold
from ...storage.models import Role, VolunteerRole
from ...storage.store import Store
from ..rows import added, get_or_gone

MAX_ROLE_NAME = 80


@dataclass(frozen=True)
class RoleRow:
    id: int
    key: str
    name: str
    retired: bool
    holders: int = 0  # volunteers who hold it (archived ones too)

    @property
    def label(self) -> str:
        return self.name


def role_rows(session: Session) -> list[RoleRow]:
    holders = dict(
        session.execute(select(VolunteerRole.role, func.count()).group_by(VolunteerRole.role)).all()
    )
    return [
        RoleRow(r.id, r.key, r.name, r.retired_at is not None, int(holders.get(r.key, 0)))
        for r in session.scalars(select(Role).order_by(Role.position, Role.id))
    ]


def list_roles(store: Store, include_retired: bool = True) -> list[RoleRow]:
    with store.read() as session:
        rows = role_rows(session)
    return rows if include_retired else [r for r in rows if not r.retired]


def find_role(roles: list[RoleRow], text: str) -> RoleRow | None:
    """The role a person means by `text`: its key or its name, case and accents aside."""
    wanted = fold(text)
    by_key = next((r for r in roles if fold(r.key) == wanted), None)
    return by_key or next(
        (r for r in roles if fold(r.name) == wanted or fold(r.key.replace("_", " ")) == wanted),
        None,
    )


def new_key(name: str, taken: set[str]) -> str:
    """A key for a new role from its name: "Youth mentor" -> youth_mentor (never reused)."""
    base = re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")[:32] or "role"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def _name_problems(session: Session, name: str, role_id: int | None = None) -> str:
    clean = " ".join((name or "").split())
    if not clean:
        raise InvalidInput.single("name", Roster.ROLE_NAME_MISSING())
    if len(clean) > MAX_ROLE_NAME:
        raise InvalidInput.single("name", Roster.ROLE_NAME_TOO_LONG(n=MAX_ROLE_NAME))
    for other in session.scalars(select(Role)):
        if other.id != role_id and fold(other.name) == fold(clean):
            raise InvalidInput.single("name", Roster.ROLE_NAME_TAKEN(name=other.name))
    return clean


def create_role(session: Session, name: str) -> Role:
    """Add a role inside the caller's transaction (an import creating the roles it names)."""
    clean = _name_problems(session, name)
    taken = set(session.scalars(select(Role.key)))
    position = (session.scalar(select(func.max(Role.position))) or 0) + 1
    role = Role(key=new_key(clean, taken), name=clean, position=position)
    return added(session, role)


def add_role(store: Store, name: str) -> RoleRow:
    with store.transaction(f"Add role {' '.join(name.split())}") as session:
        role = create_role(session, name)
        return RoleRow(role.id, role.key, role.name, False)


def _get(session: Session, role_id: int) -> Role:
    return get_or_gone(session, Role, role_id, Records.ROLE_GONE)


def rename_role(store: Store, role_id: int, name: str) -> None:
    with store.transaction(f"Rename role to {' '.join(name.split())}") as session:
        role = _get(session, role_id)
        role.name = _name_problems(session, name, role_id)


def retire_role(store: Store, role_id: int, retired: bool = True) -> None:
    """A retired role is offered to no one new; the volunteers who hold it keep it."""
    with store.transaction("Retire role" if retired else "Bring back role") as session:
        role = _get(session, role_id)
        role.retired_at = clock.now() if retired else None


def delete_role(store: Store, role_id: int) -> None:
    """Remove a role no volunteer holds; a role in use can only be retired."""
    with store.transaction("Delete role") as session:
        role = _get(session, role_id)
        holders = session.scalar(
            select(func.count()).select_from(VolunteerRole).where(VolunteerRole.role == role.key)
        )
        if holders:
            raise RuleBroken(Roster.ROLE_IN_USE(role=role.name, n=holders))
        session.delete(role)


def role_problems(
    roles: dict[str, Role], wanted: tuple[str, ...], held: set[str] = frozenset()
) -> list[Problem]:
    """Each wanted key must be a role of the group, and not retired unless already held."""
    problems = []
    for key in wanted:
        role = roles.get(key)
        if role is None:
            problems.append(Problem("roles", Roster.NO_ROLE(key=key)))
        elif role.retired_at is not None and key not in held:
            problems.append(Problem("roles", Roster.ROLE_RETIRED(role=role.name)))
    return problems


def roles_by_key(session: Session) -> dict[str, Role]:
    return {r.key: r for r in session.scalars(select(Role))}
