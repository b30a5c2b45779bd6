"""Volunteer roster: people, their vetting checks, training records and status."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ... import clock
from ...domain.alerts import WarningWindows
from ...domain.enums import CheckResult, VettingStatus
from ...domain.errors import InvalidInput, Problem
from ...domain.messages import Records, Roster
from ...domain.periods import month_end, month_start
from ...domain.programmes import Programme, get_programme
from ...domain.validation import date_order_problems, email_problems, phone_problems, required_text
from ...domain.vetting import (
    CheckState,
    Requirement,
    RequirementKind,
    Standing,
    Vetting,
    WithVetting,
    record_state,
    vetting_of,
)
from ...storage.models import (
    GroupProfile,
    Role,
    TrainingRecord,
    VettingCheck,
    Volunteer,
    VolunteerHours,
    VolunteerRole,
)
from ...storage.store import Store
from ..group.groups import windows_of
from ..rows import added, get_or_gone, read_into
from .roles import role_problems, roles_by_key


@dataclass(frozen=True)
class CheckInput:
    """One vetting check, signed statement or completed course as recorded: its kind (the
    requirement's key) comes from the programme's list."""

    kind: str
    result: CheckResult = CheckResult.CLEARED
    checked_on: date | None = None
    expires_on: date | None = None
    reference: str = ""
    # What sort of requirement it is, for the words of a problem (the services set it from
    # the programme before checking).
    requirement_kind: RequirementKind = RequirementKind.CHECK

    def problems(self, prefix: str = "") -> list[Problem]:
        order, missing = _DATE_WORDS[self.requirement_kind]
        found = date_order_problems(
            f"{prefix}expires_on", self.checked_on, self.expires_on, order(), allow_equal=False
        )
        if self.result is CheckResult.CLEARED and self.checked_on is None:
            found.append(Problem(f"{prefix}checked_on", missing()))
        if self.result is not CheckResult.CLEARED and self.requirement_kind in _ONLY_DONE:
            found.append(Problem(f"{prefix}result", _ONLY_DONE[self.requirement_kind]()))
        return found


# A statement is signed or not, a course completed or not: neither is "applied, waiting".
_ONLY_DONE = {
    RequirementKind.STATEMENT: Roster.STATEMENT_ONLY_SIGNED,
    RequirementKind.TRAINING: Roster.TRAINING_ONLY_COMPLETED,
}


_DATE_WORDS = {
    RequirementKind.CHECK: (Roster.CHECK_EXPIRY_ORDER, Roster.CHECK_DATE_MISSING),
    RequirementKind.STATEMENT: (Roster.STATEMENT_EXPIRY_ORDER, Roster.STATEMENT_DATE_MISSING),
    RequirementKind.TRAINING: (Roster.TRAINING_EXPIRY_ORDER, Roster.TRAINING_DATE_MISSING),
}


@dataclass(frozen=True)
class VolunteerInput:
    full_name: str
    roles: tuple[str, ...]  # role keys (group_lead, housing, or the group's own)
    email: str = ""
    phone: str = ""
    languages: tuple[str, ...] = ()
    active: bool = True
    notes: str = ""
    vetting: CheckInput | None = None  # the programme's main check, edited with the person
    # The rest of what the programme requires, edited with the person (a course is recorded
    # as a training record completed on `checked_on`). None of a kind leaves it as it is.
    checks: tuple[CheckInput, ...] = ()

    def problems(self) -> list[Problem]:
        found = required_text("full_name", self.full_name, "the volunteer's name")
        found += email_problems("email", self.email)
        found += phone_problems("phone", self.phone)
        if not self.roles:
            found.append(Problem("roles", Roster.CHOOSE_A_ROLE()))
        if self.vetting is not None:
            found += self.vetting.problems("vetting_")
        for check in self.checks:
            found += check.problems(f"{check.kind}_")
        return found


@dataclass(frozen=True)
class RequirementRecord:
    """One thing the programme requires of every volunteer, and what is recorded for it (the
    latest check or course, or nothing): the volunteer form shows one of these per line."""

    kind: str
    label: str
    requirement_kind: RequirementKind
    valid_months: int | None
    result: CheckResult | None = None
    checked_on: date | None = None
    expires_on: date | None = None
    reference: str = ""
    standing: Standing | None = None  # where it stands today, by the vetting rule

    @property
    def training(self) -> bool:
        return self.requirement_kind is RequirementKind.TRAINING


@dataclass(frozen=True)
class CheckRow:
    id: int
    volunteer_id: int
    kind: str
    kind_label: str
    result: CheckResult
    checked_on: date | None
    expires_on: date | None
    reference: str
    status: VettingStatus
    requirement_kind: RequirementKind = RequirementKind.CHECK


@dataclass(frozen=True)
class VolunteerRow(WithVetting):
    id: int
    full_name: str
    roles: tuple[str, ...]  # role keys, in the group's order of roles
    email: str
    phone: str
    languages: tuple[str, ...]
    active: bool
    archived: bool
    # Each requirement's standing and the whole, by the one vetting rule (domain/vetting.py).
    vetting: Vetting
    notes: str = ""
    minutes_this_month: int = 0
    main_check: CheckRow | None = field(default=None, compare=False)
    role_names: tuple[str, ...] = ()
    requirements: tuple[RequirementRecord, ...] = field(default=(), compare=False)

    @property
    def role_labels(self) -> str:
        return "; ".join(self.role_names)


@dataclass(frozen=True)
class RosterRules:
    """What the programme and the group's settings say about vetting, read once per call."""

    programme: Programme
    windows: WarningWindows
    # The group's roles, key -> (position, name): rows show names in the group's order.
    roles: dict[str, tuple[int, str]] = field(default_factory=dict)

    @property
    def warning_days(self) -> int:
        return self.windows.vetting_days

    @property
    def required(self) -> tuple[str, ...]:
        """Every requirement's key: the required checks, then the required training."""
        return self.programme.required_kinds

    @property
    def training_kinds(self) -> frozenset[str]:
        return frozenset(c.key for c in self.programme.training)

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return self.programme.requirements

    def requirement_kind(self, key: str) -> RequirementKind:
        found = self.programme.check_kind(key)
        return found.kind if found else RequirementKind.CHECK

    def vetting(self, volunteer: Volunteer, as_of: date) -> Vetting:
        """The vetting rule for one volunteer on a day."""
        return vetting_of(self.requirements, vetting_states(volunteer), as_of, self.warning_days)

    @property
    def main_kind(self) -> str:
        return (self.programme.required_check_kinds or (self.programme.vetting[0].key,))[0]

    def label(self, kind: str) -> str:
        found = self.programme.check_kind(kind)
        return found.label if found else kind.replace("_", " ").capitalize()


def roster_rules(session: Session) -> RosterRules:
    profile = session.scalars(select(GroupProfile)).one()
    roles = {
        r.key: (r.position, r.name)
        for r in session.execute(select(Role.key, Role.position, Role.name)).all()
    }
    return RosterRules(get_programme(profile.programme_key), windows_of(profile), roles)


def check_row(check: VettingCheck, rules: RosterRules, today: date) -> CheckRow:
    return read_into(
        CheckRow,
        check,
        kind_label=rules.label(check.kind),
        status=record_state(
            rules.requirement_kind(check.kind),
            check.result,
            check.expires_on,
            today,
            rules.warning_days,
        ),
        requirement_kind=rules.requirement_kind(check.kind),
    )


def latest_training(volunteer: Volunteer, course: str) -> TrainingRecord | None:
    of_course = [t for t in volunteer.training if t.course == course]
    return max(of_course, key=lambda t: (t.completed_on, t.id or 0), default=None)


def latest_check(volunteer: Volunteer, kind: str) -> VettingCheck | None:
    of_kind = [c for c in volunteer.checks if c.kind == kind]
    return max(of_kind, key=lambda c: (c.checked_on or date.min, c.id or 0), default=None)


def to_row(
    volunteer: Volunteer, rules: RosterRules, today: date, minutes_this_month: int = 0
) -> VolunteerRow:
    vetting = rules.vetting(volunteer, today)
    main = latest_check(volunteer, rules.main_kind)
    keys = sorted((r.role for r in volunteer.roles), key=lambda k: rules.roles.get(k, (999, k)))
    return VolunteerRow(
        id=volunteer.id,
        full_name=volunteer.full_name,
        roles=tuple(keys),
        role_names=tuple(rules.roles.get(k, (0, k))[1] for k in keys),
        email=volunteer.email or "",
        phone=volunteer.phone,
        languages=tuple(x.strip() for x in volunteer.languages.split(";") if x.strip()),
        active=volunteer.active,
        archived=volunteer.archived,
        vetting=vetting,
        notes=volunteer.notes,
        minutes_this_month=minutes_this_month,
        main_check=check_row(main, rules, today) if main is not None else None,
        requirements=requirement_records(volunteer, rules.programme, vetting),
    )


def own_record_days(session: Session, latest: bool) -> dict[int, date]:
    """Each volunteer's latest (or earliest) day among their own dated records: hours worked,
    vetting checks, training completed. A volunteer with none has no entry."""
    pick, better = (func.max, max) if latest else (func.min, min)
    found: dict[int, date] = {}
    for day_column, owner in (
        (VolunteerHours.worked_on, VolunteerHours.volunteer_id),
        (VettingCheck.checked_on, VettingCheck.volunteer_id),
        (TrainingRecord.completed_on, TrainingRecord.volunteer_id),
    ):
        for volunteer_id, day in session.execute(select(owner, pick(day_column)).group_by(owner)):
            if day is not None:
                found[volunteer_id] = better(day, found.get(volunteer_id, day))
    return found


def requirement_records(
    volunteer: Volunteer | None, programme: Programme, vetting: Vetting | None = None
) -> tuple[RequirementRecord, ...]:
    records = []
    for kind in programme.vetting_requirements:
        training = kind in programme.training
        record = RequirementRecord(
            kind.key,
            kind.label,
            kind.kind,
            kind.valid_months,
            standing=vetting.standing(kind.key) if vetting is not None else None,
        )
        if volunteer is not None:
            record = _with_latest_evidence(record, volunteer, training)
        records.append(record)
    return tuple(records)


def _with_latest_evidence(
    record: RequirementRecord, volunteer: Volunteer, training: bool
) -> RequirementRecord:
    """The requirement with what its latest course (a training requirement, cleared by being
    done) or check says, where the volunteer has one."""
    if training:
        course = latest_training(volunteer, record.kind)
        if course is None:
            return record
        said = (CheckResult.CLEARED, course.completed_on, course.expires_on, course.certificate)
    else:
        check = latest_check(volunteer, record.kind)
        if check is None:
            return record
        said = (check.result, check.checked_on, check.expires_on, check.reference)
    result, checked_on, expires_on, reference = said
    return replace(
        record, result=result, checked_on=checked_on, expires_on=expires_on, reference=reference
    )


def vetting_requirements(store: Store) -> tuple[Requirement, ...]:
    """What the programme asks of every volunteer, in its order (the roster's columns)."""
    with store.read() as session:
        return roster_rules(session).requirements


def requirements_for_new(store: Store) -> tuple[RequirementRecord, ...]:
    """What the volunteer form asks of a new person: every requirement, nothing recorded."""
    with store.read() as session:
        return requirement_records(None, roster_rules(session).programme)


def vetting_states(volunteer: Volunteer) -> list[CheckState]:
    """Checks and training records alike, as the vetting rule reads them (a training record
    is a cleared check of its course, on its completion date)."""
    states = [CheckState(c.kind, c.result, c.expires_on, c.checked_on) for c in volunteer.checks]
    states += [
        CheckState(t.course, CheckResult.CLEARED, t.expires_on, t.completed_on)
        for t in volunteer.training
    ]
    return states


def _validate(data: VolunteerInput) -> None:
    problems = data.problems()
    if problems:
        raise InvalidInput(problems)


def with_requirement_kinds(data: VolunteerInput, rules: RosterRules) -> VolunteerInput:
    """Each check told what sort of requirement it is (its problems are worded for it)."""

    def told(check: CheckInput | None) -> CheckInput | None:
        if check is None:
            return None
        return replace(check, requirement_kind=rules.requirement_kind(check.kind))

    return replace(data, vetting=told(data.vetting), checks=tuple(told(c) for c in data.checks))


def _check_roles(session: Session, data: VolunteerInput, volunteer: Volunteer | None) -> None:
    held = {r.role for r in volunteer.roles} if volunteer is not None else set()
    if problems := role_problems(roles_by_key(session), data.roles, held):
        raise InvalidInput(problems)


def apply_input(
    volunteer: Volunteer, data: VolunteerInput, training_kinds: frozenset[str] = frozenset()
) -> None:
    volunteer.full_name = data.full_name.strip()
    volunteer.email = data.email.strip().lower() or None
    volunteer.phone = data.phone.strip()
    volunteer.languages = "; ".join(data.languages)
    volunteer.active = data.active
    volunteer.notes = data.notes
    wanted = list(dict.fromkeys(data.roles))
    current = {r.role: r for r in volunteer.roles}
    volunteer.roles = [current.get(role) or VolunteerRole(role=role) for role in wanted]
    for given in (data.vetting, *data.checks):
        if given is None:
            continue
        if given.kind in training_kinds:
            _apply_course(volunteer, given)
            continue
        check = latest_check(volunteer, given.kind)
        if check is None:
            check = VettingCheck(kind=given.kind)
            volunteer.checks.append(check)
        apply_check(check, given)


def apply_check(check: VettingCheck, given: CheckInput) -> None:
    """A check as a form gives it (the volunteer form or the check dialog alike)."""
    check.kind = given.kind
    check.result = given.result
    check.checked_on = given.checked_on
    check.expires_on = given.expires_on
    check.reference = given.reference.strip()


def _apply_course(volunteer: Volunteer, given: CheckInput) -> None:
    """A required course as the form gives it: completed on a date, or not (then nothing)."""
    if given.result is not CheckResult.CLEARED or given.checked_on is None:
        return
    course = latest_training(volunteer, given.kind)
    if course is None:
        course = TrainingRecord(course=given.kind)
        volunteer.training.append(course)
    course.completed_on = given.checked_on
    course.expires_on = given.expires_on
    course.certificate = given.reference.strip()


def get_volunteer_orm(session: Session, volunteer_id: int) -> Volunteer:
    return get_or_gone(session, Volunteer, volunteer_id, Records.VOLUNTEER_GONE)


def add_volunteer(store: Store, data: VolunteerInput, today: date | None = None) -> VolunteerRow:
    with store.transaction(f"Add volunteer {data.full_name.strip()}") as session:
        rules = roster_rules(session)
        data = with_requirement_kinds(data, rules)
        _validate(data)
        _check_roles(session, data, None)
        volunteer = Volunteer(full_name="", roles=[], checks=[], training=[])
        apply_input(volunteer, data, rules.training_kinds)
        added(session, volunteer)
        return to_row(volunteer, rules, today or clock.today())


def edit_volunteer(
    store: Store, volunteer_id: int, data: VolunteerInput, today: date | None = None
) -> VolunteerRow:
    with store.transaction(f"Edit volunteer {data.full_name.strip()}") as session:
        rules = roster_rules(session)
        data = with_requirement_kinds(data, rules)
        _validate(data)
        volunteer = get_volunteer_orm(session, volunteer_id)
        _check_roles(session, data, volunteer)
        apply_input(volunteer, data, rules.training_kinds)
        session.flush()
        return to_row(volunteer, rules, today or clock.today())


def archive_volunteer(store: Store, volunteer_id: int, archived: bool = True) -> None:
    """Archive (inactive) or bring back (active) a volunteer; their history stays."""
    with store.transaction("Archive volunteer" if archived else "Restore volunteer") as session:
        volunteer = get_volunteer_orm(session, volunteer_id)
        # clock.now(): the day they left is the app's today (retention counts from it)
        volunteer.archived_at = clock.now() if archived else None
        volunteer.active = not archived


def list_volunteers(
    store: Store, include_archived: bool = False, today: date | None = None
) -> list[VolunteerRow]:
    day = today or clock.today()
    with store.read() as session:
        rules = roster_rules(session)
        query = select(Volunteer).options(
            selectinload(Volunteer.roles),
            selectinload(Volunteer.checks),
            selectinload(Volunteer.training),
        )
        if not include_archived:
            query = query.where(Volunteer.archived_at.is_(None))
        volunteers = session.scalars(query.order_by(Volunteer.full_name, Volunteer.id)).all()
        minutes = dict(
            session.execute(
                select(VolunteerHours.volunteer_id, func.sum(VolunteerHours.minutes))
                .where(VolunteerHours.worked_on.between(month_start(day), month_end(day)))
                .group_by(VolunteerHours.volunteer_id)
            ).all()
        )
        return [to_row(v, rules, day, int(minutes.get(v.id, 0))) for v in volunteers]
