"""Reading a date as a person types it: ISO, the group's own order, or with the month's name.

Strict on purpose: 13/01/2027 in a New Zealand group is 13 January, and 01/13/2027 there is a
mistake to point out, never a hint to swap day and month.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from babel.dates import format_date, get_date_format, get_month_names

from .plurals import counted

EARLIEST, LATEST = 1900, 2100


# --- writing a date: the window and the reports say it the same way --------------------------
@lru_cache(maxsize=4096)  # a statement writes thousands: Babel's cost is paid once a date
def short_date(day: date | None, locale: str = "en_NZ") -> str:
    """ "15 Jun 2026" (in the locale's order); "" for no date."""
    return format_date(day, "medium", locale=locale) if day else ""


@lru_cache(maxsize=512)
def month_label(first: date, locale: str = "en_NZ") -> str:
    """A month as "Nov 2026": never "Nov 26", which reads as a day."""
    return format_date(first, "MMM y", locale=locale)


def field_order(locale: str) -> list[str]:
    """["d", "M", "y"] for en_NZ, ["M", "d", "y"] for en_US: the short form's order."""
    pattern = get_date_format("short", locale=locale).pattern
    return list(dict.fromkeys(ch for ch in re.sub(r"[^dMy]", "", pattern)))


def typing_hint(locale: str) -> str:
    """How to type a date here: "d/m/yyyy or 2027-01-22"."""
    words = {"d": "d", "M": "m", "y": "yyyy"}
    return "/".join(words[f] for f in field_order(locale)) + " or 2027-01-22"


def parse_typed_date(text: str, locale: str) -> date:
    """The date in `text`; ValueError with a sentence a person can act on."""
    text = " ".join(text.split())
    if not text:
        raise ValueError("Enter a date.")
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        year, month, day = (int(n) for n in text.split("-"))
        return _checked(year, month, day, text)
    named = _with_month_name(text, locale)
    if named is not None:
        return named
    numbers = re.findall(r"\d+", text)
    if len(numbers) != 3 or re.search(r"[^\d\s/.\-]", text):
        raise ValueError(f"“{text}” is not a date: type it as {typing_hint(locale)}.")
    parts = dict(zip(field_order(locale), numbers, strict=True))
    if len(parts["y"]) not in (2, 4):
        raise ValueError(f"“{text}”: write the year with 4 digits.")
    year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)
    return _checked(year, int(parts["M"]), int(parts["d"]), text)


def _with_month_name(text: str, locale: str) -> date | None:
    """ "22 Jan 2027", "22 January 2027", "Jan 22, 2027"."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) != 1:
        return None
    month = _month_number(words[0], locale)
    numbers = re.findall(r"\d+", text)
    if month is None or len(numbers) != 2:
        return None
    first, second = numbers
    day, year = (first, second) if len(second) == 4 else (second, first)
    if len(year) != 4:
        raise ValueError(f"“{text}”: write the year with 4 digits.")
    return _checked(int(year), month, int(day), text)


def _month_number(word: str, locale: str) -> int | None:
    wanted = word.casefold().rstrip(".")
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=locale).items():
            if name.casefold().rstrip(".") == wanted:
                return number
    return None


def _checked(year: int, month: int, day: int, text: str) -> date:
    if not 1 <= month <= 12:
        raise ValueError(f"“{text}” has no month {month}.")
    try:
        value = date(year, month, day)
    except ValueError:
        last = _days_in(year, month)
        month_name = get_month_names("wide", locale="en")[month]
        raise ValueError(
            f"{day} {month_name} {year} does not exist: {month_name} {year} has {counted(last, 'day')}."
        ) from None
    if not EARLIEST <= value.year <= LATEST:
        raise ValueError(f"“{text}” is not a date between {EARLIEST} and {LATEST}.")
    return value


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - date(year, month, 1)).days
