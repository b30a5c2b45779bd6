"""Volunteer hours as people type them ("1.5", "1:30", "90m"), kept as whole minutes."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import InvalidInput, Problem
from .messages import Fields, Roster

# One entry is one day's hours: more than none, at most the day (the schema's check says the
# same: storage/models/people.py).
MAX_MINUTES = 24 * 60


def day_minutes_problem(minutes: int, field: str = "hours") -> Problem | None:
    """Why `minutes` cannot be one day's hours, or None."""
    if 0 < minutes <= MAX_MINUTES:
        return None
    return Problem(field, Roster.HOURS_RANGE())


def logged_hours_problems(minutes: int, worked_on: date, as_of: date) -> list[Problem]:
    """What is wrong with `minutes` worked on `worked_on`, logged on `as_of` (the form checks
    the figure as it is typed with `day_minutes_problem`, the service all of it here)."""
    found = [p for p in (day_minutes_problem(minutes),) if p is not None]
    if worked_on > as_of:
        found.append(Problem("worked_on", Roster.HOURS_IN_FUTURE()))
    return found


def parse_hours(text: str, field: str = "hours") -> int:
    """Minutes from "2", "1.5", "1,5", "1:30" or "90m"; more than a day or nothing is refused."""
    raw = (text or "").strip().lower().replace(",", ".")
    if not raw:
        raise InvalidInput.single(field, Fields.HOURS_MISSING())
    minutes: int | None = None
    if match := re.fullmatch(r"(\d{1,2}):([0-5]\d)", raw):
        minutes = int(match.group(1)) * 60 + int(match.group(2))
    elif match := re.fullmatch(r"(\d{1,4})\s*m(in(utes)?)?", raw):
        minutes = int(match.group(1))
    else:
        try:
            value = Decimal(raw.removesuffix("h").strip())
        except InvalidOperation:
            value = None
        if value is not None and value.is_finite():
            exact = value * 60
            if exact == exact.to_integral_value():
                minutes = int(exact)
            else:
                raise InvalidInput.single(field, Fields.NOT_WHOLE_MINUTES(text=text.strip()))
    if minutes is None:
        raise InvalidInput.single(field, Fields.NOT_HOURS(text=text.strip()))
    if (problem := day_minutes_problem(minutes, field)) is not None:
        raise InvalidInput(problem)
    return minutes


def format_minutes(minutes: int) -> str:
    """ "1.5 h" style, exact: minutes that are not a multiple of 6 show as h:mm."""
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return f"{hours} h"
    if rest % 6 == 0:
        return f"{hours}.{rest // 6} h"
    return f"{hours}:{rest:02d} h"


def decimal_hours(minutes: int) -> Decimal:
    """Hours as reports and bundles give them: minutes / 60 to two decimals, half up, so 10
    minutes is 0.17 h and 928 h 30 min is 928.50 h. One rule for every figure."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def hours_text(minutes: int) -> str:
    """ "928.50 h": the figure of `decimal_hours`, with thousands separated."""
    return f"{decimal_hours(minutes):,} h"
