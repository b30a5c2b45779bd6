"""Creating and describing a group file."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ... import clock
from ...domain.alerts import WarningWindows
from ...domain.enums import TransactionKind
from ...domain.errors import InvalidInput
from ...domain.programmes import DEFAULT_PROGRAMME, Programme, get_programme
from ...domain.validation import required_text
from ...storage.models import GroupProfile, LedgerCategory, Role
from ...storage.store import Store
from ..results import GroupInfo
from ..rows import read_into


@dataclass(frozen=True)
class NewGroup:
    name: str
    programme_key: str = DEFAULT_PROGRAMME
    currency: str | None = None  # None: the programme's
    locale: str | None = None
    start_date: date | None = None  # None: today


def create_group(
    path: Path | str,
    new: NewGroup,
    actor: str | None = None,
    then: Callable[[Store], None] | None = None,
) -> Store:
    """Write a new group file with its profile and the programme's ledger categories (and
    whatever `then(store)` adds), and return it open; the caller closes it.

    The file is built under a temporary name and appears at `path` only when complete: a
    failure, or the process being killed, leaves nothing there.
    """
    build_group(path, new, actor, then)
    return Store.open(path, actor)


def build_group(
    path: Path | str,
    new: NewGroup,
    actor: str | None = None,
    then: Callable[[Store], None] | None = None,
) -> Path:
    """As create_group, leaving the finished file closed."""
    problems = required_text("name", new.name, "the group's name")
    if problems:
        raise InvalidInput(problems)
    programme = get_programme(new.programme_key)
    with Store.building(path, actor) as store:
        with store.transaction(f"Create the group {new.name.strip()}") as session:
            session.add(
                GroupProfile(
                    id=1,
                    uuid=str(uuid.uuid4()),
                    name=new.name.strip(),
                    programme_key=programme.key,
                    currency=(new.currency or programme.currency).upper(),
                    locale=new.locale or programme.locale,
                    start_date=new.start_date or clock.today(),
                    # The column cannot be empty (schema 0002): it starts at the programme's
                    # window, so the programme's TOML is what a new group goes by.
                    vetting_warning_days=programme.warnings.vetting_days,
                )
            )
            session.add_all(_default_categories(programme))
            session.add_all(
                Role(key=key, name=name, position=n)
                for n, (key, name) in enumerate(programme.roles)
            )
        if then is not None:
            then(store)
    return Path(path)


def _default_categories(programme: Programme) -> list[LedgerCategory]:
    def category(name: str, kind: TransactionKind) -> LedgerCategory:
        return LedgerCategory(name=name, kind=kind, purpose=programme.purpose_of(name))

    return [category(n, TransactionKind.INCOME) for n in programme.income_categories] + [
        category(n, TransactionKind.EXPENSE) for n in programme.expense_categories
    ]


def open_group(path: Path | str, actor: str | None = None) -> Store:
    """Open an existing group file (migrating it after a backup if it is older), keeping the
    group's automatic backups: one on opening if it changed since the last, one on closing
    after a change."""
    return Store.open(path, actor, keep_backups=True)


def open_to_read(path: Path | str, actor: str | None = None) -> Store:
    """Open a group file only to read it (history, tasks, reports, exports, calendars): it
    works while a window has the file open, and on a read-only disk; nothing is written."""
    return Store.open_to_read(path, actor)


def group_info(store: Store) -> GroupInfo:
    with store.read() as session:
        profile = session.scalars(select(GroupProfile)).one()
        return _info(profile)


def _info(profile: GroupProfile) -> GroupInfo:
    return read_into(GroupInfo, profile, programme_name=get_programme(profile.programme_key).name)


def windows_of(profile: GroupProfile) -> WarningWindows:
    """The programme's warning windows with the group's own settings over them: the one place
    the dashboard, the roster, housing and the reports read them from."""
    return get_programme(profile.programme_key).warnings.overridden(
        vetting_days=profile.vetting_warning_days,
        lease_days=profile.lease_warning_days,
        due_soon_days=profile.due_soon_days,
        arrival_days=profile.arrival_warning_days,
    )


def programme_of(store: Store) -> Programme:
    with store.read() as session:
        key = session.scalar(select(GroupProfile.programme_key))
    return get_programme(key)
