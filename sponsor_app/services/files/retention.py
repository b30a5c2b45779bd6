"""Removing personal details that are no longer needed, keeping the figures (domain/retention.py
says when they are due).

A household whose support period has ended loses its family name, its members' names, dates of
birth and notes (health and immigration too), and the text of its check-ins, goals, readings and
tasks; its rows stay, so every count, date and amount in the reports is unchanged. A volunteer
who left long ago loses their name, contact details, notes and vetting and certificate
numbers; their roles, checks and hours stay (counted anonymously).

It is one change set of its own kind ("erasure"), and it reaches back: the values are removed
from the history too (the audit rows of those rows, whenever they were written, including the
removal's own), and earlier change sets whose description named the person say
"(details removed)" instead. The history then shows when the details were removed and by whom.
It cannot be undone, and no earlier change to those rows can be reverted after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ... import clock
from ...domain.changes import Changes
from ...domain.errors import NotFound
from ...domain.messages import Records
from ...domain.name_finder import KEEP as _KEEP
from ...domain.name_finder import Known, KnownKind, NameFinder
from ...domain.retention import (
    REMOVED_NAME,
    household_details_due,
    support_ended_on,
    volunteer_details_due,
    volunteer_left_on,
)
from ...storage import erasure
from ...storage.audit_reads import last_values_of_deleted, values_when_deleted
from ...storage.erasure import KEEP_IF_EMPTY, Tied
from ...storage.models import (
    ChangeKind,
    CheckIn,
    CheckInVolunteer,
    Household,
    Volunteer,
)
from ...storage.store import Store
from ..group.groups import programme_of
from ..roster.volunteers import own_record_days
from ..rows import get_or_gone
from .name_sources import household_values, volunteer_values

KEEP = KEEP_IF_EMPTY  # a text that says whether there was one: emptied if empty, else replaced

# The rows tied to the household or volunteer, and what their columns become. Whatever else
# in the file names them (a note, a task title, a ledger row, a rule) is masked by the name
# finder; these are the details that are theirs whether or not they name anyone.
HOUSEHOLD_TIES = (
    Tied("household", "id", {"family_name": "", "notes": ""}),
    Tied(
        "household_member",
        "household_id",
        {
            "full_name": REMOVED_NAME,
            "date_of_birth": None,
            "notes": "",
            "health_notes": "",
            "immigration_notes": "",
        },
    ),
    Tied("check_in", "household_id", {"summary": "", "concern": KEEP}),
    Tied("goal", "household_id", {"text": REMOVED_NAME}),
    Tied("goal_review", "goal_id", {"note": ""}, through="goal"),
    Tied("indicator_reading", "household_id", {"note": ""}),
    Tied("task", "household_id", {"notes": "", "evidence": "", "skip_reason": ""}),
    Tied("tenancy", "household_id", {"bond_holder": ""}),
)
VOLUNTEER_TIES = (
    Tied(
        "volunteer",
        "id",
        {"full_name": REMOVED_NAME, "email": None, "phone": "", "notes": "", "languages": ""},
    ),
    Tied("vetting_check", "volunteer_id", {"reference": ""}),
    Tied("training_record", "volunteer_id", {"certificate": ""}),
)
# Where the person's own names are, and what kind of value each is (for the name finder).
_HOUSEHOLD_NAMES = {
    "household": {"family_name": KnownKind.PERSON},
    "household_member": {"full_name": KnownKind.PERSON},
}
_VOLUNTEER_NAMES = {
    "volunteer": {
        "full_name": KnownKind.PERSON,
        "email": KnownKind.EMAIL,
        "phone": KnownKind.PHONE,
    },
}


@dataclass(frozen=True)
class HouseholdDue:
    household_id: int
    code: str
    support_ended_on: date
    deleted: bool = False  # deleted for good since: its details are only in the history


@dataclass(frozen=True)
class VolunteerDue:
    volunteer_id: int
    name: str  # shown in the window to the group, whose file it is
    left_on: date


@dataclass(frozen=True)
class RetentionDue:
    households: tuple[HouseholdDue, ...]
    volunteers: tuple[VolunteerDue, ...]

    def __bool__(self) -> bool:
        return bool(self.households or self.volunteers)


# --- what is due ---------------------------------------------------------------------------
def retention_due(store: Store, today: date | None = None) -> RetentionDue:
    """Households past their support period and volunteers who left long ago, whose personal
    details are still there."""
    today = today or clock.today()
    months = programme_of(store).support_months
    with store.read() as session:
        households = tuple(
            HouseholdDue(h.id, h.code, support_ended_on(h.arrival_date, months))
            for h in session.scalars(
                select(Household)
                .where(Household.details_removed_at.is_(None))
                .order_by(Household.code)
            )
            if household_details_due(h.arrival_date, months, today)
        ) + tuple(_deleted_households_due(session, months, today))
        volunteers = []
        activity = _last_activity(session)
        for v in session.scalars(
            select(Volunteer).where(Volunteer.details_removed_at.is_(None)).order_by(Volunteer.id)
        ):
            archived_on = v.archived_at.date() if v.archived_at else None
            left = volunteer_left_on(archived_on, v.active, activity.get(v.id))
            if volunteer_details_due(left, today):
                volunteers.append(VolunteerDue(v.id, v.full_name, left))
    return RetentionDue(households, tuple(volunteers))


def _deleted_households_due(session: Session, months: int, today: date):
    """Households deleted for good whose support period has ended and whose history still
    holds their details: deleting keeps every row in the history (so that Undo works), so the
    names, notes and health details stay there until removed like any other household's."""
    last = last_values_of_deleted(session, "household")
    for household_id, held in sorted(last.items()):
        if not (held.get("family_name") or "").strip():
            continue  # removed already (or never had one)
        try:
            arrival = date.fromisoformat(held.get("arrival_date") or "")
        except ValueError:
            continue
        if household_details_due(arrival, months, today):
            yield HouseholdDue(
                household_id, held.get("code", ""), support_ended_on(arrival, months), True
            )


def _last_activity(session: Session) -> dict[int, date]:
    """Each volunteer's last dated record: hours, a check, training, a check-in attended."""
    latest = own_record_days(session, latest=True)
    for volunteer_id, day in session.execute(
        select(CheckInVolunteer.volunteer_id, func.max(CheckIn.held_on))
        .join(CheckIn, CheckIn.id == CheckInVolunteer.check_in_id)
        .group_by(CheckInVolunteer.volunteer_id)
    ):
        if day is not None and day > latest.get(volunteer_id, date.min):
            latest[volunteer_id] = day
    return latest


# --- removing ------------------------------------------------------------------------------
def remove_household_details(store: Store, household_id: int) -> Changes:
    """Remove a household's personal details for good (see the module's docstring); a
    household deleted since is scrubbed from the history the same way."""
    with store.read() as session:
        household = session.get(Household, household_id)
        code = household.code if household else _deleted_code(session, household_id)
        if code is None:
            raise NotFound(Records.HOUSEHOLD_GONE(id=household_id))
    return _erase(
        store,
        f"Removed the personal details of household {code}",
        household_id,
        HOUSEHOLD_TIES,
        _HOUSEHOLD_NAMES,
        Household,
    )


def remove_volunteer_details(store: Store, volunteer_id: int) -> Changes:
    """Remove a former volunteer's personal details for good (see the module's docstring)."""
    with store.read() as session:
        get_or_gone(session, Volunteer, volunteer_id, Records.VOLUNTEER_GONE)
    return _erase(
        store,
        f"Removed the personal details of volunteer {volunteer_id}",
        volunteer_id,
        VOLUNTEER_TIES,
        _VOLUNTEER_NAMES,
        Volunteer,
    )


# Columns that say who a row's own person is: another volunteer's or family's name is never
# masked in their own row (a child called Sami does not rename the volunteer Sami Haddad).
_IDENTITY = {
    "volunteer": ("full_name", "email", "phone"),
    "household": ("family_name",),
    "household_member": ("full_name",),
}


def _erase(store, description, owner_id, ties, name_columns, owner_model) -> Changes:
    with (
        store.recording() as recorded,
        store.transaction(description, kind=ChangeKind.ERASURE) as session,
    ):
        connection = session.connection()
        tied = erasure.tied_ids(connection, owner_id, ties)
        mask = _mask_for(session, connection, tied, name_columns)
        for rule in ties:
            erasure.clear_tied(connection, rule.table, rule.clear, tied[rule.table])
        owner = session.get(owner_model, owner_id)
        if owner is not None:
            owner.details_removed_at = clock.now()
        session.flush()
        erasure.mask_live_rows(connection, mask, _IDENTITY, tied)
        # Last, the history: every audit row (this change set's own included) and every
        # change set's description.
        clears = {rule.table: (rule.clear, tied[rule.table]) for rule in ties}
        erasure.erase_from_history(connection, mask, clears, _IDENTITY)
    store.rewrite_without_traces()  # or the removed values stay in freed pages and the log
    return recorded[0]


def _mask_for(session, connection, tied, name_columns):
    """The one name finder, told the person's names, emails and phone numbers (as they are
    and as they were), and everyone else's names whole so that theirs are never taken for a
    part of the person's: each mention of the person becomes "(details removed)"."""
    known: list[Known] = []
    for table, columns in name_columns.items():
        for column, kind in columns.items():
            for value in erasure.values_held(connection, table, [column], tied.get(table, ())):
                if value != REMOVED_NAME:
                    known.append(Known(value, REMOVED_NAME, kind))
    own = {(k.text.casefold()) for k in known}
    for _id, other in household_values(session):
        if other.text and other.text.casefold() not in own:
            known.append(Known(other.text, _KEEP, KnownKind.WHOLE))
    for _id, other in volunteer_values(session, lambda _v: _KEEP):
        if other.kind is KnownKind.PERSON and other.text.casefold() not in own:
            known.append(Known(other.text, _KEEP, KnownKind.WHOLE))
    finder = NameFinder(known, by_shape=False)
    may_name = finder.quick_check({REMOVED_NAME})

    def mask(text: str) -> str:
        if not may_name(text):
            return text
        for found in reversed(finder.find(text)):
            if found.label != _KEEP:  # REMOVED_NAME, or SOMEONE where two people share it
                text = text[: found.start] + REMOVED_NAME + text[found.end :]
        return text

    return mask


def _deleted_code(session, household_id: int) -> str | None:
    """The code of a household deleted since, from the history."""
    return (values_when_deleted(session, "household", household_id) or {}).get("code")
