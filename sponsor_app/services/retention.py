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

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import clock
from ..domain.changes import Changes
from ..domain.errors import NotFound
from ..domain.retention import (
    REMOVED_NAME,
    household_details_due,
    support_ended_on,
    volunteer_details_due,
    volunteer_left_on,
)
from ..domain.text import fold, replace_folded
from ..storage.models import (
    ChangeKind,
    CheckIn,
    CheckInVolunteer,
    Household,
    TrainingRecord,
    VettingCheck,
    Volunteer,
    VolunteerHours,
)
from ..storage.models.base import utc_now
from ..storage.models.ledger import search_text_for
from ..storage.store import Store
from .groups import programme_of

KEEP = object()  # a text that says whether there was one: emptied if empty, else replaced

# table -> (the column that ties a row to the household or volunteer, {column: new value})
HOUSEHOLD_DETAILS: dict[str, tuple[str, dict[str, object]]] = {
    "household": ("id", {"family_name": "", "notes": ""}),
    "household_member": (
        "household_id",
        {
            "full_name": REMOVED_NAME,
            "date_of_birth": None,
            "notes": "",
            "health_notes": "",
            "immigration_notes": "",
        },
    ),
    "check_in": ("household_id", {"summary": "", "concern": KEEP}),
    "goal": ("household_id", {"text": REMOVED_NAME}),
    "goal_review": ("goal_id", {"note": ""}),
    "indicator_reading": ("household_id", {"note": ""}),
    "task": ("household_id", {"notes": "", "evidence": "", "skip_reason": ""}),
    "tenancy": ("household_id", {"bond_holder": ""}),
}
VOLUNTEER_DETAILS: dict[str, tuple[str, dict[str, object]]] = {
    "volunteer": (
        "id",
        {"full_name": REMOVED_NAME, "email": None, "phone": "", "notes": "", "languages": ""},
    ),
    "vetting_check": ("volunteer_id", {"reference": ""}),
    "training_record": ("volunteer_id", {"certificate": ""}),
}
_NAMES = {"household": ("family_name",), "household_member": ("full_name",)}
_VOLUNTEER_NAMES = {"volunteer": ("full_name", "email")}


@dataclass(frozen=True)
class HouseholdDue:
    household_id: int
    code: str
    support_ended_on: date


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
        )
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


def _last_activity(session: Session) -> dict[int, date]:
    """Each volunteer's last dated record: hours, a check, training, a check-in attended."""
    latest: dict[int, date] = {}
    for column, volunteer in (
        (VolunteerHours.worked_on, VolunteerHours.volunteer_id),
        (VettingCheck.checked_on, VettingCheck.volunteer_id),
        (TrainingRecord.completed_on, TrainingRecord.volunteer_id),
    ):
        for volunteer_id, day in session.execute(
            select(volunteer, func.max(column)).group_by(volunteer)
        ):
            if day is not None and day > latest.get(volunteer_id, date.min):
                latest[volunteer_id] = day
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
    """Remove a household's personal details for good (see the module's docstring)."""
    with store.read() as session:
        household = session.get(Household, household_id)
        if household is None:
            raise NotFound(f"Household {household_id} no longer exists.")
        code = household.code
    return _erase(
        store,
        f"Removed the personal details of household {code}",
        household_id,
        HOUSEHOLD_DETAILS,
        _NAMES,
        Household,
    )


def remove_volunteer_details(store: Store, volunteer_id: int) -> Changes:
    """Remove a former volunteer's personal details for good (see the module's docstring)."""
    with store.read() as session:
        if session.get(Volunteer, volunteer_id) is None:
            raise NotFound(f"Volunteer {volunteer_id} no longer exists.")
    return _erase(
        store,
        f"Removed the personal details of volunteer {volunteer_id}",
        volunteer_id,
        VOLUNTEER_DETAILS,
        _VOLUNTEER_NAMES,
        Volunteer,
    )


def _erase(store, description, owner_id, details, name_columns, owner_model) -> Changes:
    with (
        store.recording() as recorded,
        store.transaction(description, kind=ChangeKind.ERASURE) as session,
    ):
        connection = session.connection()
        linked = _linked_ids(connection, details, owner_id)
        names = _names_held(connection, name_columns, linked)
        for table, (_link, columns) in details.items():
            _clear_rows(connection, table, columns, linked[table])
        owner = session.get(owner_model, owner_id)
        owner.details_removed_at = utc_now()
        session.flush()
        # Now the history: every audit row of those rows (this change set's own included).
        for table, (_link, columns) in details.items():
            _scrub_audit(connection, table, columns, linked[table])
        _scrub_descriptions(connection, names)
        _scrub_titles(connection, owner_model, owner_id, names)
        if owner_model is Household:
            _scrub_ledger(connection, owner_id, names)
    store.rewrite_without_traces()  # or the removed values stay in freed pages and the log
    return recorded[0]


def _linked_ids(connection, details, owner_id: int) -> dict[str, set[int]]:
    """Every row (live, or only in the history) tied to the owner, table by table."""
    linked: dict[str, set[int]] = {}
    for table, (link, _columns) in details.items():
        owners = linked.get("goal", set()) if link == "goal_id" else {owner_id}
        ids: set[int] = set()
        for owner in owners:
            ids |= {
                row[0]
                for row in connection.exec_driver_sql(
                    f'SELECT id FROM "{table}" WHERE "{link}" = ?', (owner,)
                )
            }
            ids |= {
                int(row[0])
                for row in connection.exec_driver_sql(
                    "SELECT DISTINCT json_extract(coalesce(new_values, old_values), '$.id') "
                    "FROM audit_entry WHERE table_name = ? AND "
                    "(json_extract(old_values, ?) = ? OR json_extract(new_values, ?) = ?)",
                    (table, f"$.{link}", owner, f"$.{link}", owner),
                )
                if row[0] is not None
            }
        linked[table] = ids
    return linked


def _names_held(connection, name_columns, linked) -> set[str]:
    """The names (and emails) these rows hold now or held before, to find them elsewhere."""
    names: set[str] = set()
    for table, columns in name_columns.items():
        for row_id in linked.get(table, ()):
            for column in columns:
                names |= {
                    row[0]
                    for row in connection.exec_driver_sql(
                        f'SELECT "{column}" FROM "{table}" WHERE id = ?', (row_id,)
                    )
                    if row[0]
                }
                names |= {
                    row[0]
                    for row in connection.exec_driver_sql(
                        "SELECT json_extract(old_values, ?) FROM audit_entry WHERE "
                        "table_name = ? AND row_key = ? UNION SELECT json_extract(new_values, ?) "
                        "FROM audit_entry WHERE table_name = ? AND row_key = ?",
                        (f"$.{column}", table, f"[{row_id}]") * 2,
                    )
                    if row[0]
                }
    return {name for name in names if len(name.strip()) >= 3 and name != REMOVED_NAME}


def _clear_rows(connection, table: str, columns: dict, ids: set[int]) -> None:
    if not ids:
        return
    sets = ", ".join(_assignment(f'"{column}"', value) for column, value in columns.items())
    marks = ", ".join("?" * len(ids))
    connection.exec_driver_sql(
        f'UPDATE "{table}" SET {sets} WHERE id IN ({marks})', tuple(sorted(ids))
    )


def _assignment(target: str, value) -> str:
    if value is KEEP:
        return f"{target} = CASE WHEN trim({target}) = '' THEN '' ELSE '{REMOVED_NAME}' END"
    if value is None:
        return f"{target} = NULL"
    return f"{target} = '{value}'"


def _scrub_audit(connection, table: str, columns: dict, ids: set[int]) -> None:
    if not ids:
        return
    for side in ("old_values", "new_values"):
        pieces = []
        for column, value in columns.items():
            path = f"'$.{column}'"
            if value is KEEP:
                now = f"json_extract({side}, {path})"
                pieces.append(
                    f"{path}, CASE WHEN trim(coalesce({now}, '')) = '' THEN '' "
                    f"ELSE '{REMOVED_NAME}' END"
                )
            else:
                pieces.append(f"{path}, " + ("NULL" if value is None else f"'{value}'"))
        marks = ", ".join("?" * len(ids))
        connection.exec_driver_sql(
            f"UPDATE audit_entry SET {side} = json_set({side}, {', '.join(pieces)}) "
            f"WHERE table_name = ? AND {side} IS NOT NULL "
            f"AND json_extract({side}, '$.id') IN ({marks})",
            (table, *sorted(ids)),
        )


def _scrub_descriptions(connection, names: set[str]) -> None:
    for name in sorted(names, key=len, reverse=True):  # "Amina Yusuf" before "Amina"
        connection.exec_driver_sql(
            "UPDATE change_set SET description = replace(description, ?, ?) "
            "WHERE instr(description, ?) > 0",
            (name, REMOVED_NAME, name),
        )


def _scrub_titles(connection, owner_model, owner_id: int, names: set[str]) -> None:
    """A task the group wrote for the household may name someone in its title."""
    if owner_model is not Household:
        return
    for name in sorted(names, key=len, reverse=True):
        connection.exec_driver_sql(
            "UPDATE task SET title = replace(title, ?, ?) "
            "WHERE household_id = ? AND instr(title, ?) > 0",
            (name, REMOVED_NAME, owner_id, name),
        )
        connection.exec_driver_sql(
            "UPDATE audit_entry SET "
            "old_values = CASE WHEN old_values IS NULL THEN NULL ELSE replace(old_values, ?, ?) END, "
            "new_values = CASE WHEN new_values IS NULL THEN NULL ELSE replace(new_values, ?, ?) END "
            "WHERE table_name = 'task' AND "
            "(json_extract(old_values, '$.household_id') = ? "
            "OR json_extract(new_values, '$.household_id') = ?)",
            (name, REMOVED_NAME, name, REMOVED_NAME, owner_id, owner_id),
        )


_LEDGER_TEXTS = ("counterparty", "reference", "note", "method")


def _scrub_ledger(connection, household_id: int, names: set[str]) -> None:
    """The ledger keeps every transaction tied to the household (amounts, dates and categories
    are figures), but a counterparty or note may name the family: those names go, in the rows
    and in their history, and the folded search text is made again from what is left."""
    if not names:
        return
    ids = {
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT id FROM ledger_transaction WHERE household_id = ?", (household_id,)
        )
    } | {
        int(row[0])
        for row in connection.exec_driver_sql(
            "SELECT DISTINCT json_extract(coalesce(new_values, old_values), '$.id') "
            "FROM audit_entry WHERE table_name = 'ledger_transaction' AND "
            "(json_extract(old_values, '$.household_id') = ? "
            "OR json_extract(new_values, '$.household_id') = ?)",
            (household_id, household_id),
        )
        if row[0] is not None
    }
    # One parameter however many rows (a placeholder each would meet SQLite's limit).
    wanted = json.dumps(sorted(ids))
    folded = _folded(names)
    # Rows deleted since are left out here: only their history holds them.
    for row_id, *texts in connection.exec_driver_sql(
        f"SELECT id, {', '.join(_LEDGER_TEXTS)} FROM ledger_transaction "
        "WHERE id IN (SELECT value FROM json_each(?))",
        (wanted,),
    ).all():
        values = dict(zip(_LEDGER_TEXTS, texts, strict=True))
        clean = _without_names(values, names, folded)
        if clean != values:
            clean["search_text"] = search_text_for(*(clean[c] for c in _LEDGER_TEXTS))
            sets = ", ".join(f"{column} = ?" for column in clean)
            connection.exec_driver_sql(
                f"UPDATE ledger_transaction SET {sets} WHERE id = ?", (*clean.values(), row_id)
            )
    # after the updates above, whose own audit rows hold the names as "before"
    for audit_id, old, new in connection.exec_driver_sql(
        "SELECT id, old_values, new_values FROM audit_entry WHERE table_name = "
        "'ledger_transaction' AND json_extract(coalesce(new_values, old_values), '$.id') IN "
        "(SELECT value FROM json_each(?))",
        (wanted,),
    ).all():
        sides = [_scrub_json(side, names, folded) for side in (old, new)]
        if sides != [old, new]:
            connection.exec_driver_sql(
                "UPDATE audit_entry SET old_values = ?, new_values = ? WHERE id = ?",
                (*sides, audit_id),
            )


def _folded(names: set[str]) -> list[str]:
    return [f for f in (fold(name) for name in names) if f]


def _without_names(values: dict, names: set[str], folded_names: list[str]) -> dict:
    def clean(value):
        # replace_folded walks the text character by character: only where a name is (the
        # huge demo's 14,000 household transactions took 27 s when every value was walked).
        if not isinstance(value, str):
            return value
        folded = fold(value)
        if any(name in folded for name in folded_names):
            return replace_folded(value, names, REMOVED_NAME)
        return value

    return {column: clean(value) for column, value in values.items()}


def _scrub_json(values: str | None, names: set[str], folded_names: list[str]) -> str | None:
    if values is None:
        return None
    held = json.loads(values)
    clean = _without_names(held, names, folded_names)
    if clean == held:
        return values
    if all(column in clean for column in _LEDGER_TEXTS):
        clean["search_text"] = search_text_for(*(clean[c] or "" for c in _LEDGER_TEXTS))
    return json.dumps(clean, ensure_ascii=False, separators=(",", ":"))
