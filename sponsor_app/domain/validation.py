"""Field checks shared by forms, services and imports. Each returns Problems, never raises."""

from __future__ import annotations

import re
from datetime import date

from .errors import Problem
from .messages import Fields, Message
from .plurals import counted

# Deliberately loose: one @, something before it, a dot in the domain, no spaces.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Digits with the usual separators and an optional leading +; 7 to 15 digits (E.164 allows 15).
_PHONE_CHARS = re.compile(r"^\+?[\d\s().\-]+$")

MAX_NAME = 200


def required_text(field: str, value: str, what: str, max_length: int = MAX_NAME) -> list[Problem]:
    text = (value or "").strip()
    if not text:
        return [Problem(field, f"Enter {what}.")]
    if len(text) > max_length:
        return [
            Problem(
                field,
                f"{what.capitalize()} is too long (at most {counted(max_length, 'character')}).",
            )
        ]
    return []


def control_character_problem(field: str, value: str | None) -> Problem | None:
    """A control character (an escape sequence pasted in, a byte from a wrongly read file)
    cannot be stored: it reached terminals raw and broke exports."""
    from .words import control_character

    found = control_character(value or "")
    if found is None:
        return None
    return Problem(field, Fields.CONTROL_CHARACTER(found=found))


def email_problems(field: str, value: str | None) -> list[Problem]:
    if not value:
        return []
    if not _EMAIL.match(value.strip()):
        return [Problem(field, Fields.NOT_AN_EMAIL(text=value.strip()))]
    return []


def phone_problems(field: str, value: str | None) -> list[Problem]:
    if not value or not value.strip():
        return []
    digits = sum(ch.isdigit() for ch in value)
    if not _PHONE_CHARS.match(value.strip()) or not 7 <= digits <= 15:
        return [Problem(field, Fields.NOT_A_PHONE(text=value.strip()))]
    return []


def date_order_problems(
    field: str,
    first: date | None,
    second: date | None,
    message: Message | str,
    allow_equal: bool = True,
) -> list[Problem]:
    if first is None or second is None:
        return []
    if second < first or (second == first and not allow_equal):
        return [Problem(field, message)]
    return []


def split_list(text: str | None) -> tuple[str, ...]:
    """Items separated by ";" (or by "," in a text with no ";"), trimmed, blanks and repeats
    dropped, order kept. Our exports join with "; ", so an item holding a comma (a role
    "Drivers, weekends") comes back whole."""
    if not text:
        return ()
    items = text.split(";") if ";" in text else text.split(",")
    seen: dict[str, str] = {}
    for item in items:
        cleaned = item.strip()
        if cleaned and cleaned.casefold() not in seen:
            seen[cleaned.casefold()] = cleaned
    return tuple(seen.values())


def household_code_problems(field: str, code: str) -> list[Problem]:
    text = (code or "").strip()
    if not text:
        return [Problem(field, Fields.HOUSEHOLD_CODE_MISSING())]
    if not re.fullmatch(r"[A-Za-z0-9\-]{1,16}", text):
        return [Problem(field, Fields.HOUSEHOLD_CODE_SHAPE())]
    return []
