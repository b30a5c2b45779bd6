"""Each volunteer's vetting checks and training records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from ... import clock
from ...domain.enums import CheckResult, VettingStatus
from ...domain.errors import InvalidInput, Problem
from ...domain.messages import Records, Roster
from ...domain.validation import date_order_problems
from ...domain.vetting import RequirementKind, record_state
from ...storage.models import TrainingRecord, VettingCheck
from ...storage.store import Store
from ..rows import get_or_gone, read_into, rows_of
from .volunteers import (
    CheckInput,
    CheckRow,
    apply_check,
    check_row,
    get_volunteer_orm,
    roster_rules,
)


@dataclass(frozen=True)
class TrainingInput:
    course: str
    completed_on: date
    expires_on: date | None = None
    certificate: str = ""

    def problems(self) -> list[Problem]:
        found = [] if self.course.strip() else [Problem("course", Roster.CHOOSE_COURSE())]
        return found + date_order_problems(
            "expires_on",
            self.completed_on,
            self.expires_on,
            Roster.TRAINING_EXPIRY_ORDER(),
            allow_equal=False,
        )


@dataclass(frozen=True)
class TrainingRow:
    id: int
    volunteer_id: int
    course: str
    course_label: str
    completed_on: date
    expires_on: date | None
    certificate: str
    status: VettingStatus


def _check_kind_problems(session: Session, data: CheckInput) -> list[Problem]:
    rules = roster_rules(session)
    known = {c.key for c in rules.programme.vetting}
    problems = replace(data, requirement_kind=rules.requirement_kind(data.kind)).problems()
    if data.kind not in known:
        names = tuple(rules.label(k) for k in known)
        problems.append(Problem("kind", Roster.CHOOSE_CHECK_KIND(choices=names)))
    return problems


def _get_check(session: Session, check_id: int) -> VettingCheck:
    return get_or_gone(session, VettingCheck, check_id, Records.VETTING_CHECK_GONE)


def add_check(
    store: Store, volunteer_id: int, data: CheckInput, today: date | None = None
) -> CheckRow:
    def new_check(session: Session) -> VettingCheck:
        # The check holds its volunteer (and joins volunteer.checks through the back reference).
        check = VettingCheck(kind=data.kind, volunteer=get_volunteer_orm(session, volunteer_id))
        session.add(check)
        return check

    return _save_check(store, "Record vetting check", data, today, new_check)


def edit_check(
    store: Store, check_id: int, data: CheckInput, today: date | None = None
) -> CheckRow:
    return _save_check(
        store, "Edit vetting check", data, today, lambda session: _get_check(session, check_id)
    )


def _save_check(
    store: Store,
    action: str,
    data: CheckInput,
    today: date | None,
    check_of: Callable[[Session], VettingCheck],
) -> CheckRow:
    """One check as the form gives it (a new one or one already recorded), its kind checked
    against the programme's list first; returns the row as the roster shows it."""
    with store.transaction(action) as session:
        if problems := _check_kind_problems(session, data):
            raise InvalidInput(problems)
        check = check_of(session)
        apply_check(check, data)
        session.flush()
        return check_row(check, roster_rules(session), today or clock.today())


def delete_check(store: Store, check_id: int) -> None:
    with store.transaction("Delete vetting check") as session:
        session.delete(_get_check(session, check_id))


def list_checks(store: Store, volunteer_id: int, today: date | None = None) -> list[CheckRow]:
    with store.read() as session:
        rules = roster_rules(session)
        checks = rows_of(
            session,
            VettingCheck.volunteer_id,
            volunteer_id,
            VettingCheck.kind,
            VettingCheck.checked_on.desc(),
        )
        return [check_row(c, rules, today or clock.today()) for c in checks]


# --- training ---------------------------------------------------------------------------
def _training_row(record: TrainingRecord, session: Session, today: date) -> TrainingRow:
    rules = roster_rules(session)
    return read_into(
        TrainingRow,
        record,
        course_label=rules.label(record.course),
        status=record_state(
            RequirementKind.TRAINING,
            CheckResult.CLEARED,
            record.expires_on,
            today,
            rules.warning_days,
        ),
    )


def _get_training(session: Session, record_id: int) -> TrainingRecord:
    return get_or_gone(session, TrainingRecord, record_id, Records.TRAINING_GONE)


def _apply_training(record: TrainingRecord, data: TrainingInput) -> None:
    if problems := data.problems():
        raise InvalidInput(problems)
    record.course = data.course.strip()
    record.completed_on = data.completed_on
    record.expires_on = data.expires_on
    record.certificate = data.certificate.strip()


def add_training(
    store: Store, volunteer_id: int, data: TrainingInput, today: date | None = None
) -> TrainingRow:
    with store.transaction("Record training") as session:
        volunteer = get_volunteer_orm(session, volunteer_id)
        record = TrainingRecord()
        _apply_training(record, data)
        volunteer.training.append(record)
        session.flush()
        return _training_row(record, session, today or clock.today())


def edit_training(
    store: Store, record_id: int, data: TrainingInput, today: date | None = None
) -> TrainingRow:
    with store.transaction("Edit training") as session:
        record = _get_training(session, record_id)
        _apply_training(record, data)
        session.flush()
        return _training_row(record, session, today or clock.today())


def delete_training(store: Store, record_id: int) -> None:
    with store.transaction("Delete training record") as session:
        session.delete(_get_training(session, record_id))


def list_training(store: Store, volunteer_id: int, today: date | None = None) -> list[TrainingRow]:
    with store.read() as session:
        records = rows_of(
            session, TrainingRecord.volunteer_id, volunteer_id, TrainingRecord.completed_on.desc()
        )
        return [_training_row(r, session, today or clock.today()) for r in records]


def check_kinds(store: Store) -> list[tuple[str, str, RequirementKind, int | None]]:
    """(key, label, kind, months it lasts) of the programme's checks and signed statements, in
    its order."""
    with store.read() as session:
        programme = roster_rules(session).programme
    return [
        (c.key, c.label + ("" if c.required else " (optional)"), c.kind, c.valid_months)
        for c in programme.vetting
    ]


def training_courses(store: Store) -> list[tuple[str, str]]:
    with store.read() as session:
        programme = roster_rules(session).programme
    return [(c.key, c.label) for c in programme.training]
