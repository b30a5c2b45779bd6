"""Import and export the volunteer roster as CSV or XLSX (one transaction, all or nothing)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from babel.dates import get_date_format
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..domain.enums import CheckResult, Role
from ..domain.errors import InvalidInput, Problem
from ..domain.validation import split_list
from ..storage.models import GroupProfile, Volunteer
from ..storage.store import Store
from .tabular import SourceRow, read_rows, write_rows
from .volunteers import (
    CheckInput,
    VolunteerInput,
    apply_input,
    latest_check,
    list_volunteers,
    roster_rules,
)

COLUMNS = (
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
REQUIRED = ("name", "roles")
TRUE_WORDS = {"yes", "y", "true", "1", "active", ""}
FALSE_WORDS = {"no", "n", "false", "0", "inactive"}
# Statuses a sheet may carry; the app recomputes current/expiring/expired from the dates.
STATUS_RESULTS = {
    "current": CheckResult.CLEARED,
    "expiring": CheckResult.CLEARED,
    "expired": CheckResult.CLEARED,
    "cleared": CheckResult.CLEARED,
    "pending": CheckResult.PENDING,
    "not cleared": CheckResult.NOT_CLEARED,
    "not_cleared": CheckResult.NOT_CLEARED,
}


class ImportRejected(InvalidInput):
    """Every bad row of an import, each with its line; nothing was changed."""

    def __init__(self, source: Path, problems: list[Problem]):
        self.source = source
        super().__init__(problems)

    def __str__(self) -> str:
        lines = "\n".join(f"  {p.field}: {p.message}" for p in self.problems)
        return (
            f"Nothing was imported from {self.source.name}; fix these rows and try again:\n{lines}"
        )


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int


def parse_day(text: str, locale: str) -> date | None:
    """ISO dates (2026-03-01) or the locale's short form (1/03/2026 in en_NZ, 3/1/26 in en_US).

    Strict on purpose: a month above 12 is an error, not a hint to swap day and month (that
    would hide a file written in another country's order), and years outside 1900-2100 are
    refused.
    """
    text = text.strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        day = _short_form(text, locale)
    if not 1900 <= day.year <= 2100:
        raise ValueError(f"“{text}” is not a date between 1900 and 2100")
    return day


def _short_form(text: str, locale: str) -> date:
    numbers = re.findall(r"\d+", text)
    order = [ch for ch in re.sub(r"[^dMy]", "", get_date_format("short", locale=locale).pattern)]
    fields = list(dict.fromkeys(order))  # e.g. ["d", "M", "y"]
    if len(numbers) != 3 or len(fields) != 3:
        raise ValueError(f"“{text}” is not a date (use 2026-03-01)")
    written = dict(zip(fields, numbers, strict=True))
    if len(written["y"]) not in (2, 4):
        raise ValueError(f"“{text}” is not a date: write the year with 2 or 4 digits")
    parts = {field: int(value) for field, value in written.items()}
    year = parts["y"] + 2000 if len(written["y"]) == 2 else parts["y"]
    try:
        return date(year, parts["M"], parts["d"])
    except ValueError as error:
        raise ValueError(f"“{text}” is not a date (use 2026-03-01)") from error


def _row_input(row: SourceRow, main_kind: str, locale: str) -> VolunteerInput:
    v = row.values
    problems: list[str] = []
    roles = []
    for text in split_list(v.get("roles", "")):
        try:
            roles.append(Role.from_text(text))
        except ValueError:
            problems.append(f"unknown role “{text}”")
    active_text = v.get("active", "").lower()
    if active_text not in TRUE_WORDS | FALSE_WORDS:
        problems.append(f"active must be yes or no, not “{v.get('active')}”")
    dates = {}
    for column in ("vetting_checked_on", "vetting_expires_on"):
        try:
            dates[column] = parse_day(v.get(column, ""), locale)
        except ValueError as error:
            problems.append(f"{column}: {error}")
    status = v.get("vetting_status", "").strip().lower()
    vetting = None
    if status and status != "missing":
        if status not in STATUS_RESULTS:
            problems.append(
                f"vetting_status “{v.get('vetting_status')}” is not current, expiring, expired, pending or missing"
            )
        else:
            vetting = CheckInput(
                main_kind,
                STATUS_RESULTS[status],
                dates.get("vetting_checked_on"),
                dates.get("vetting_expires_on"),
            )
    data = VolunteerInput(
        full_name=v.get("name", ""),
        roles=tuple(roles),
        email=v.get("email", ""),
        phone=v.get("phone", ""),
        languages=split_list(v.get("languages", "")),
        active=active_text not in FALSE_WORDS,
        vetting=vetting,
    )
    problems += [
        p.message.rstrip(".") for p in data.problems() if not (p.field == "roles" and roles != [])
    ]
    if problems:
        raise ValueError("; ".join(dict.fromkeys(problems)))
    return data


def _keep_what_the_sheet_lacks(
    existing: Volunteer, data: VolunteerInput, has_active: bool, main_kind: str
) -> VolunteerInput:
    """The sheet has no notes or check reference (and may have no active column): an update
    keeps what the app already holds for those instead of blanking it."""
    vetting = data.vetting
    main = latest_check(existing, main_kind)
    if vetting is not None and main is not None and not vetting.reference:
        vetting = replace(vetting, reference=main.reference)
    return replace(
        data,
        notes=existing.notes,
        vetting=vetting,
        active=data.active if has_active else existing.active,
    )


def import_volunteers(store: Store, source: Path | str) -> ImportSummary:
    """Add or update volunteers from a sheet; one bad row and nothing changes."""
    source = Path(source)
    rows = read_rows(source, COLUMNS, REQUIRED)
    with store.transaction(f"Import volunteers from {source.name}") as session:
        rules = roster_rules(session)
        locale = session.scalar(select(GroupProfile.locale))
        parsed: list[tuple[int, VolunteerInput, bool]] = []
        problems: list[Problem] = []
        for row in rows:
            try:
                parsed.append(
                    (row.line, _row_input(row, rules.main_kind, locale), "active" in row.values)
                )
            except ValueError as error:
                problems.append(Problem(f"line {row.line}", f"{error}."))
        seen: dict[str, int] = {}
        for line, data, _ in parsed:
            key = data.email.strip().lower() or data.full_name.strip().casefold()
            if key in seen:
                problems.append(Problem(f"line {line}", f"the same person as line {seen[key]}."))
            seen[key] = line
        if problems:
            raise ImportRejected(source, problems)
        everyone = session.scalars(
            select(Volunteer).options(selectinload(Volunteer.roles), selectinload(Volunteer.checks))
        ).all()
        by_email = {v.email: v for v in everyone if v.email}
        by_name = {v.full_name.casefold(): v for v in everyone}
        added = updated = 0
        for _line, data, has_active in parsed:
            email = data.email.strip().lower()
            existing = by_email.get(email) if email else None
            existing = existing or by_name.get(data.full_name.strip().casefold())
            if existing is None:
                existing = Volunteer(full_name="", roles=[], checks=[])
                session.add(existing)
                added += 1
            else:
                updated += 1
                data = _keep_what_the_sheet_lacks(existing, data, has_active, rules.main_kind)
            apply_input(existing, data)
        session.flush()
        duplicates = session.execute(
            select(func.lower(Volunteer.email), func.count())
            .where(Volunteer.email.is_not(None))
            .group_by(func.lower(Volunteer.email))
            .having(func.count() > 1)
        ).all()
        if duplicates:
            raise ImportRejected(
                source,
                [Problem("email", f"{e} would belong to two volunteers.") for e, _ in duplicates],
            )
    return ImportSummary(added, updated)


def export_volunteers(store: Store, target: Path | str, today: date | None = None) -> Path:
    """The roster with the same columns the import reads (archived volunteers left out)."""
    rows = []
    for v in list_volunteers(store, today=today):
        check = v.main_check
        rows.append(
            [
                v.full_name,
                v.email,
                v.phone,
                "; ".join(r.label for r in v.roles),
                "; ".join(v.languages),
                (check.status.value if check.result is CheckResult.CLEARED else check.result.value)
                if check
                else "missing",
                check.checked_on.isoformat() if check and check.checked_on else "",
                check.expires_on.isoformat() if check and check.expires_on else "",
                "yes" if v.active else "no",
            ]
        )
    return write_rows(Path(target), COLUMNS, rows)
