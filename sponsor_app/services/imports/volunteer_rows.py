"""Volunteer rows: who each row is, what it changes, and what the sheet says about vetting.

A row updates the volunteer it names (by the app's own id column when an export carries one,
else by email, else by a name only one volunteer has) and adds anyone else. An empty cell
leaves what the app holds: a sheet is not the place to erase someone's email. Two rows that
name one person, or a name several volunteers share, are refused with both lines named.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ...domain.enums import CheckResult
from ...domain.errors import Problem
from ...domain.messages import Imports, Message, Roster
from ...domain.text import fold
from ...domain.validation import split_list
from ...domain.vetting import RequirementKind, default_expiry, record_state
from ...domain.words import StatedVetting, Unreadable, parse_day, parse_yes_no, stated_vetting
from ...storage.models import Volunteer
from ..roster.roles import RoleRow, create_role, find_role, role_rows
from ..roster.volunteers import (
    CheckInput,
    VolunteerInput,
    apply_input,
    latest_check,
    latest_training,
    roster_rules,
)
from .fields import Vocabulary
from .model import CREATE, LEAVE_OUT, RowStatus, UnknownValue
from .passes import LeftOut, Pass, Row, RowProblem, Waiting

_WAIT = object()
ACTIVE_WORDS = frozenset({"active", "current"})
INACTIVE_WORDS = frozenset({"inactive", "left", "former"})


class VolunteerRows:
    SHOWN = (
        "name",
        "email",
        "phone",
        "roles",
        "languages",
        "vetting_status",
        "vetting_checked_on",
        "vetting_expires_on",
        "active",
    )
    WRITTEN = frozenset({RowStatus.NEW, RowStatus.UPDATE})

    def __init__(self, p: Pass):
        self.p = p
        session = p.session
        rules = roster_rules(session)
        self.rules = rules
        self.main_kind, self.warning_days = rules.main_kind, rules.warning_days
        main = rules.programme.check_kind(rules.main_kind)
        self.main_label = main.label if main else rules.main_kind
        self.valid_months = main.valid_months if main else None
        self.roles: list[RoleRow] = role_rows(session)
        everyone = session.scalars(
            select(Volunteer).options(
                selectinload(Volunteer.roles),
                selectinload(Volunteer.checks),
                selectinload(Volunteer.training),
            )
        ).all()
        # What the preview says of the rows as a whole: expiries filled in from the
        # programme's validity, and the other requirements the people will still lack.
        self.people_read = 0
        self.filled_expiry = 0
        self.lacking: dict[str, int] = {}
        self.by_id = {v.id: v for v in everyone}
        self.by_email = {fold(v.email): v for v in everyone if v.email}
        self.by_name: dict[str, list[Volunteer]] = {}
        for v in everyone:
            self.by_name.setdefault(fold(v.full_name), []).append(v)
        self.claimed: dict[int, int] = {}  # volunteer id -> the line that names them
        self.new_people: dict[tuple[str, str], int] = {}  # who a new row is -> its line
        self.new_emails: dict[str, int] = {}

    # --- who ------------------------------------------------------------------------------
    def _match(self, line: int, v: dict[str, str], name: str, email: str) -> Volunteer | None:
        found = None
        if v.get("id", "").isdigit():
            candidate = self.by_id.get(int(v["id"]))
            if candidate is not None and (not name or fold(candidate.full_name) == fold(name)):
                found = candidate
        if found is None and email:
            found = self.by_email.get(fold(email))
        if found is None and name and not (v.get("id", "").isdigit() and not email):
            same = [c for c in self.by_name.get(fold(name), []) if not email or not c.email]
            if len(same) > 1:
                raise RowProblem(Imports.SAME_NAME(n=len(same), name=name))
            found = same[0] if same else None
        if found is not None:
            if found.id in self.claimed:
                line_of = self.claimed[found.id]
                raise RowProblem(Imports.ALREADY_ABOUT(line=line_of, name=found.full_name))
            self.claimed[found.id] = line
            return found
        key = (
            ("id", v["id"])
            if v.get("id", "").isdigit()
            else ("email", fold(email))
            if email
            else ("name", fold(name))
        )
        if key in self.new_people:
            earlier = self.new_people[key]
            raise RowProblem(
                Imports.SAME_PERSON_NO_EMAIL(line=earlier, name=name)
                if key[0] == "name"
                else Imports.SAME_PERSON(line=earlier)
            )
        self.new_people[key] = line
        return None

    # --- values ---------------------------------------------------------------------------
    def _role(self, text: str, line: int, held: set[str]) -> str | object:
        role = find_role(self.roles, text)
        if role is None:
            choice = self.p.unknown_to_make(Vocabulary.ROLES, fold(text), text, line)
            if choice == CREATE:
                return self._create(text.strip())
            if choice is None:
                return _WAIT
            role = find_role(self.roles, choice)
            if role is None:
                raise RowProblem(Imports.NOT_A_ROLE(name=choice))
        if role.retired and role.key not in held:
            raise RowProblem(Imports.ROLE_RETIRED(name=role.name))
        return role.key

    def _role_texts(self, cell: str | None) -> tuple[str, ...]:
        """A cell with no ";" that is one role's whole name (which may hold a comma, as our
        export writes a volunteer's only role) is that role; else the cell is a list."""
        if cell and ";" not in cell and find_role(self.roles, cell.strip()) is not None:
            return (cell.strip(),)
        return split_list(cell)

    def _create(self, name: str) -> str:
        """A role to create: made when a row that holds it is written, so a row that turns
        out bad (and is skipped) creates nothing."""
        return "+" + name

    def _made(self, key: str) -> str:
        if not key.startswith("+"):
            return key
        found = find_role(self.roles, key[1:])
        if found is None:
            role = create_role(self.p.session, key[1:])
            found = RoleRow(role.id, role.key, role.name, False)
            self.roles.append(found)
            self.p.created.append(Imports.CREATED_ROLE(name=role.name))
        return found.key

    def _status(self, text: str, line: int) -> StatedVetting | object:
        stated = stated_vetting(text)
        if stated is not None:
            return stated
        choice = self.p.choice(Vocabulary.STATUS, fold(text))
        self.p.unknown(Vocabulary.STATUS, fold(text), text, line, choice=choice)
        if choice == LEAVE_OUT:
            raise LeftOut
        if choice is None:
            return _WAIT
        return stated_vetting(choice) or _WAIT

    def _day(self, v, column: str, problems: list) -> date | None:
        try:
            return parse_day(v.get(column, ""), self.p.date_locale)
        except Unreadable as error:
            problems.append(Imports.FIELD_SAYS(field=column.replace("_", " "), why=error.said))
            return None

    # --- a row ----------------------------------------------------------------------------
    def read(self, line: int, v: dict[str, str]) -> Row:
        problems: list = []
        name = v.get("name") or " ".join(
            x for x in (v.get("first_name", ""), v.get("last_name", "")) if x
        )
        email = v.get("email", "")
        existing = self._match(line, v, name, email)
        held = {r.role for r in existing.roles} if existing else set()
        roles = [self._role(text, line, held) for text in self._role_texts(v.get("roles", ""))]
        status = self._status(v.get("vetting_status", ""), line)
        checked = self._day(v, "vetting_checked_on", problems)
        expires = self._day(v, "vetting_expires_on", problems)
        filled = (
            expires is None
            and isinstance(status, StatedVetting)
            and status.result is CheckResult.CLEARED
            and default_expiry(checked, self.valid_months) is not None
        )
        if filled:  # as the form does: the programme's validity from the check date
            expires = default_expiry(checked, self.valid_months)
        active = self._active(v.get("active", ""), problems)
        if problems:
            raise RowProblem(*problems)
        if _WAIT in roles or status is _WAIT:
            raise Waiting
        data = self._input(existing, v, name, roles, status, checked, expires, active)
        owner = self.by_email.get(fold(data.email)) if data.email else None
        if owner is not None and owner is not existing:
            problems.append(Imports.EMAIL_TAKEN(email=data.email, name=owner.full_name))
        if existing is None and data.email:
            earlier = self.new_emails.setdefault(fold(data.email), line)
            if earlier != line:
                problems.append(Imports.EMAIL_TWICE(email=data.email, line=earlier))
        problems += [_sentence(p) for p in data.problems()]
        if problems:
            raise RowProblem(*dict.fromkeys(problems))
        if isinstance(status, StatedVetting) and v.get("vetting_status", "").strip():
            self._disagreement(line, data.full_name, status, expires)
        shown = (
            data.full_name,
            data.email,
            data.phone,
            "; ".join(self._role_name(k) for k in data.roles),
            "; ".join(data.languages),
            status.value if v.get("vetting_status") else "",
            checked.isoformat() if checked else "",
            expires.isoformat() if expires else "",
            "yes" if data.active else "no",
        )
        status_row = RowStatus.UPDATE if existing else RowStatus.NEW
        self._tally(existing, filled)
        return Row(line, status_row, (existing.id if existing else None, data), shown)

    def _tally(self, existing: Volunteer | None, filled: bool) -> None:
        self.people_read += 1
        self.filled_expiry += filled
        for requirement in self.rules.requirements:
            if requirement.key == self.main_kind:
                continue  # the sheet's own column
            held = existing is not None and (
                latest_check(existing, requirement.key) is not None
                or latest_training(existing, requirement.key) is not None
            )
            if not held:
                self.lacking[requirement.label] = self.lacking.get(requirement.label, 0) + 1

    def summary(self) -> list[Message]:
        """What the rows say as a whole, first in the preview's notes."""
        said = []
        if self.filled_expiry:
            months = Imports.MONTHS(n=self.valid_months)
            check = self.main_label.lower()
            said.append(Imports.FILLED_EXPIRY(n=self.filled_expiry, check=check, months=months))
        people = Imports.PEOPLE(n=self.people_read)
        for label, lacking in self.lacking.items():
            lack = Imports.ONE_LACKS if lacking == 1 else Imports.MANY_LACK
            said.append(lack(lacking=lacking, people=people, requirement=label))
        return said

    def _active(self, text: str, problems: list) -> bool | None:
        word = fold(text)
        if word in ACTIVE_WORDS:
            return True
        if word in INACTIVE_WORDS:
            return False
        try:
            return parse_yes_no(text)
        except Unreadable as error:
            problems.append(Imports.FIELD_SAYS(field="active", why=error.said))
            return None

    def _role_name(self, key: str) -> str:
        if key.startswith("+"):
            return key[1:]
        return next((r.name for r in self.roles if r.key == key), key)

    def _input(self, existing, v, name, roles, status, checked, expires, active) -> VolunteerInput:
        """What the row says, over what the app holds for every cell the row leaves empty."""
        vetting = None
        if isinstance(status, StatedVetting) and status.result is not None:
            main = latest_check(existing, self.main_kind) if existing else None
            vetting = CheckInput(
                self.main_kind,
                status.result,
                checked,
                expires,
                main.reference if main is not None else "",
            )
        base = (
            VolunteerInput(
                existing.full_name,
                tuple(r.role for r in existing.roles),
                existing.email or "",
                existing.phone,
                tuple(x.strip() for x in existing.languages.split(";") if x.strip()),
                existing.active,
                existing.notes,
            )
            if existing is not None
            else VolunteerInput("", ())
        )
        return replace(
            base,
            full_name=name or base.full_name,
            roles=tuple(dict.fromkeys(roles)) or base.roles,
            email=v.get("email") or base.email,
            phone=v.get("phone") or base.phone,
            languages=split_list(v.get("languages")) or base.languages,
            active=base.active if active is None else active,
            vetting=vetting,
        )

    def _disagreement(self, line: int, name: str, stated: StatedVetting, expires) -> None:
        if stated.result is not CheckResult.CLEARED:
            return
        shown = record_state(
            RequirementKind.CHECK, CheckResult.CLEARED, expires, self.p.today, self.warning_days
        )
        agree = shown.value == stated.value or (
            stated is StatedVetting.CURRENT and shown.value == "expiring"
        )
        if not agree:
            dates = Imports.EXPIRES_ON(day=expires) if expires else Imports.NO_EXPIRY()
            self.p.note(
                Imports.SHEET_DISAGREES(
                    line=line, name=name, stated=stated.value, dates=dates, shown=shown.value
                )
            )

    # --- writing ----------------------------------------------------------------------------
    def write(self, rows: list[Row]) -> None:
        session = self.p.session
        for row in rows:
            volunteer_id, data = row.record
            if any(key.startswith("+") for key in data.roles):
                data = replace(data, roles=tuple(dict.fromkeys(self._made(k) for k in data.roles)))
            if volunteer_id is None:
                volunteer = Volunteer(full_name="", roles=[], checks=[])
                apply_input(volunteer, data)
                session.add(volunteer)
            else:
                apply_input(self.by_id[volunteer_id], data)
        session.flush()

    def finish(self) -> dict:
        return {}

    def unknown_problem(self, u: UnknownValue) -> Problem:
        lines = u.where
        if u.vocabulary is Vocabulary.ROLES:
            names = tuple(r.name for r in self.roles if not r.retired)
            return Problem("roles", Imports.UNKNOWN_ROLE(text=u.text, lines=lines, known=names))
        return Problem("vetting_status", Imports.UNKNOWN_STATUS(text=u.text, lines=lines))


# The volunteer form's sentences, as a part of a row's ("line 3: enter the date the check
# cleared; the email ... belongs to ... already").
_AS_A_REASON = {
    Roster.CHECK_EXPIRY_ORDER: Imports.ROW_CHECK_EXPIRY_ORDER,
    Roster.CHECK_DATE_MISSING: Imports.ROW_CHECK_DATE_MISSING,
    Roster.STATEMENT_EXPIRY_ORDER: Imports.ROW_STATEMENT_EXPIRY_ORDER,
    Roster.STATEMENT_DATE_MISSING: Imports.ROW_STATEMENT_DATE_MISSING,
    Roster.TRAINING_EXPIRY_ORDER: Imports.ROW_TRAINING_EXPIRY_ORDER,
    Roster.TRAINING_DATE_MISSING: Imports.ROW_TRAINING_DATE_MISSING,
    Roster.STATEMENT_ONLY_SIGNED: Imports.ROW_STATEMENT_ONLY_SIGNED,
    Roster.TRAINING_ONLY_COMPLETED: Imports.ROW_TRAINING_ONLY_COMPLETED,
}


def _sentence(problem: Problem) -> Message | str:
    """A problem of the volunteer's input as one reason among the row's: a code as it is, a
    sentence still in words (the domain's checks of an email, a phone) without its capital
    and full stop, as it is one part of the row's sentence."""
    if problem.field == "roles":
        return Imports.NO_ROLE()
    if isinstance(problem.said, Message):
        reason = _AS_A_REASON.get(problem.said.code)
        return reason() if reason is not None else problem.said
    text = problem.said.rstrip(".")
    return text[0].lower() + text[1:] if text else text
