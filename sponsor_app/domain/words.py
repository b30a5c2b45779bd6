"""Words people use in their own spreadsheets: yes and no, vetting statuses, dates.

Each reader is strict about what it does not know (it raises Unreadable, a ValueError that
carries what it could not read as a catalogue message)
and generous about what people commonly write: "✓" is yes, "submitted" is pending, and
1/03/2026 is the first of March in a New Zealand group.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from babel.dates import get_date_format, get_month_names

from .enums import CheckResult
from .messages import Cells, Message
from .text import fold


class Unreadable(ValueError):
    """A cell a reader below cannot read: `said` words it at each edge."""

    def __init__(self, said: Message):
        self.said = said
        super().__init__(str(said))


YES_WORDS = frozenset({"yes", "y", "true", "t", "1", "✓", "✔", "☑", "✅", "on"})
NO_WORDS = frozenset({"no", "n", "false", "f", "0", "✗", "✘", "☐", "❌", "off"})


def parse_yes_no(text: str, extra_yes: frozenset[str] = frozenset()) -> bool | None:
    """True, False, or None for a blank cell; anything else raises ValueError."""
    word = fold(text or "")
    if not word:
        return None
    if word in YES_WORDS or word in extra_yes:
        return True
    if word in NO_WORDS:
        return False
    raise Unreadable(Cells.NOT_YES_OR_NO(text=text.strip()))


class StatedVetting(StrEnum):
    """What a sheet says about someone's vetting, before the app's own rule looks at dates."""

    CURRENT = "current"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    PENDING = "pending"
    NOT_CLEARED = "not_cleared"
    MISSING = "missing"

    @property
    def result(self) -> CheckResult | None:
        """The check to record (None: no check at all)."""
        if self in (StatedVetting.CURRENT, StatedVetting.EXPIRING, StatedVetting.EXPIRED):
            return CheckResult.CLEARED
        if self is StatedVetting.PENDING:
            return CheckResult.PENDING
        if self is StatedVetting.NOT_CLEARED:
            return CheckResult.NOT_CLEARED
        return None


_VETTING_WORDS: dict[str, StatedVetting] = {
    **dict.fromkeys(
        ("current", "cleared", "approved", "valid", "ok", "vetted", "passed", "done", "yes"),
        StatedVetting.CURRENT,
    ),
    "expiring": StatedVetting.EXPIRING,
    **dict.fromkeys(("expired", "lapsed", "out of date"), StatedVetting.EXPIRED),
    **dict.fromkeys(
        (
            "pending",
            "submitted",
            "applied",
            "in progress",
            "awaiting",
            "waiting",
            "sent",
            "requested",
        ),
        StatedVetting.PENDING,
    ),
    **dict.fromkeys(
        ("not cleared", "not_cleared", "declined", "refused", "failed"), StatedVetting.NOT_CLEARED
    ),
    **dict.fromkeys(("missing", "none", "not done", "no", "n/a", "-"), StatedVetting.MISSING),
}


def stated_vetting(text: str) -> StatedVetting | None:
    """The status a cell states; a blank cell is missing; None: a word the app does not know."""
    word = " ".join(fold(text or "").replace("_", " ").split())
    if not word:
        return StatedVetting.MISSING
    return _VETTING_WORDS.get(word) or _VETTING_WORDS.get(word.replace(" ", "_"))


# --- dates -------------------------------------------------------------------------------
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?")
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,4})([/.\-])(\d{1,2})\2(\d{1,4})")
_NAMED = re.compile(r"(\d{1,2})[\s\-/.]+([^\W\d_]+)\.?,?[\s\-/.]+(\d{2}|\d{4})")
_NAMED_US = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})")


def parse_day(text: str, locale: str) -> date | None:
    """ISO dates (2026-03-01, with or without a time), the locale's short form (1/03/2026 in
    en_NZ, 3/1/26 in en_US), year first with slashes (2026/03/01, as ASB writes) or a month
    by name (1 Mar 2026, 1-Mar-2026). None for a blank cell.

    Strict on purpose: the whole cell must be the date ("2026-01-05garbage" is refused), a
    month above 12 is an error rather than a hint to swap day and month (that would hide a
    file written in another country's order), and years outside 1900-2100 are refused.
    """
    cleaned = " ".join((text or "").split())
    if not cleaned:
        return None
    day = _read(cleaned, locale)
    if not 1900 <= day.year <= 2100:
        raise Unreadable(Cells.DATE_OUT_OF_RANGE(text=cleaned))
    return day


def _read(text: str, locale: str) -> date:
    try:
        if match := _ISO.fullmatch(text):
            year, month, day, hour, minute, second = match.groups()
            if hour is not None and not (
                int(hour) < 24 and int(minute) < 60 and int(second or 0) < 60
            ):
                raise ValueError
            return date(int(year), int(month), int(day))
        if match := _YEAR_FIRST.fullmatch(text):
            return date(*(int(g) for g in match.groups()))
        if match := _NUMERIC.fullmatch(text):
            return _short_form(match.group(1), match.group(3), match.group(4), locale)
        if match := _NAMED.fullmatch(text):
            return _named(match.group(3), match.group(2), match.group(1), locale)
        if match := _NAMED_US.fullmatch(text):
            return _named(match.group(3), match.group(1), match.group(2), locale)
    except ValueError:
        pass
    raise Unreadable(Cells.NOT_A_DATE(text=text))


def _year(written: str) -> int:
    if len(written) == 2:
        return 2000 + int(written)
    if len(written) == 4:
        return int(written)
    raise ValueError


def _short_form(first: str, second: str, third: str, locale: str) -> date:
    order = list(
        dict.fromkeys(re.sub(r"[^dMy]", "", get_date_format("short", locale=locale).pattern))
    )
    if len(order) != 3:
        raise ValueError
    written = dict(zip(order, (first, second, third), strict=True))
    return date(_year(written["y"]), int(written["M"]), int(written["d"]))


def _named(year: str, month_name: str, day: str, locale: str) -> date:
    wanted = fold(month_name)
    for names in (
        get_month_names("wide", locale=locale),
        get_month_names("abbreviated", locale=locale),
    ):
        for number, name in names.items():
            if fold(name).rstrip(".") == wanted or (
                len(wanted) >= 3 and fold(name).startswith(wanted)
            ):
                return date(_year(year), number, int(day))
    raise ValueError


# --- cells -------------------------------------------------------------------------------
# Control characters: those a spreadsheet file cannot hold (XML 1.0 forbids them; openpyxl
# refuses to write them), DEL, and the C1 controls (U+0080 to U+009F: what a UTF-8 file read as
# Windows-1252 leaves, and terminal escapes). Refused wherever text comes in (an import cell,
# a typed or pasted name), rather than stored to break every export. Tab and line breaks are
# text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def printable(text: str) -> str:
    """`text` with each control character written out (U+001B), for a terminal: a value an
    older version stored must not reach it as a raw escape sequence."""
    return _CONTROL.sub(lambda found: f"<U+{ord(found.group(0)):04X}>", text)


def control_character(text: str) -> str | None:
    """The first control character in text, written as U+0000, or None."""
    found = _CONTROL.search(text)
    return f"U+{ord(found.group(0)):04X}" if found else None


def header_key(text: str) -> str:
    """A header as matching sees it: folded, with _ - . and repeated spaces as one space."""
    return " ".join(re.sub(r"[_\-.:]+", " ", fold(text)).split())
