"""How reports write dates, money, hours and statuses: the group's locale, via Babel, with the
per-call cost paid once (a statement writes 10,000 amounts)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, get_decimal_symbol, get_group_symbol

from ..domain.dates import month_label, short_date
from ..domain.enums import VettingStatus
from ..domain.hours import hours_text
from ..domain.indicators import Trend
from ..domain.money import Money, minor_digits
from ..domain.periods import Period
from ..domain.plurals import counted
from ..domain.vetting import (
    STATE_WORDS,
    Standing,
    Vetting,
    overall_words,
    standing_brief,
    standing_words,
)


@lru_cache(maxsize=256)
def long_date(day: date | None, locale: str = "en_NZ") -> str:
    return format_date(day, "long", locale=locale) if day else ""


def arrival_text(
    day: date | None, month: date | None, locale: str = "en_NZ", missing: str = "not set"
) -> str:
    """The exact date where a report has it (named), else its month and year: an arrival, or
    a date counted from one."""
    if day is not None:
        return short_date(day, locale)
    return month_label(month, locale) if month is not None else missing


def period_label(period: Period, locale: str = "en_NZ") -> str:
    return f"{long_date(period.start, locale)} to {long_date(period.end, locale)}"


def timestamp(moment: datetime, locale: str = "en_NZ") -> str:
    return format_datetime(moment, "d MMM y, HH:mm", locale=locale)


class MoneyWriter:
    """Money.format() for one currency and locale, worked out once from Babel's pattern and
    then applied with plain integer arithmetic (the same text, a hundred times quicker)."""

    def __init__(self, currency: str, locale: str):
        self.currency, self.locale = currency, locale
        self.digits = minor_digits(currency)
        self.group = get_group_symbol(locale)
        self.decimal = get_decimal_symbol(locale)
        sample = Decimal(1111111) + (Decimal(1) / 10**self.digits if self.digits else 0)
        self.plus = self._affixes(format_currency(sample, currency, locale=locale))
        self.minus = self._affixes(format_currency(-sample, currency, locale=locale))

    @staticmethod
    def _affixes(text: str) -> tuple[str, str]:
        first = next(i for i, c in enumerate(text) if c.isdigit())
        last = max(i for i, c in enumerate(text) if c.isdigit())
        return text[:first], text[last + 1 :]

    def minor(self, amount: int) -> str:
        whole, fraction = divmod(abs(amount), 10**self.digits)
        number = f"{whole:,}".replace(",", self.group)
        if self.digits:
            number += f"{self.decimal}{fraction:0{self.digits}d}"
        before, after = self.minus if amount < 0 else self.plus
        return f"{before}{number}{after}"

    def __call__(self, amount: Money | None) -> str:
        return "" if amount is None else self.minor(amount.minor)


@cache
def money_writer(currency: str, locale: str) -> MoneyWriter:
    return MoneyWriter(currency, locale)


def budget_left(line, money: MoneyWriter) -> str:
    """What is left of a category's budget; "no budget" for one that has none (a negative
    figure there would read as overspending a budget nobody set)."""
    return money(line.difference) if line.has_budget else "no budget"


def hours(minutes: int) -> str:
    """Every report's hours: one rule (domain/hours.py), "0.17 h" for 10 minutes."""
    return hours_text(minutes)


def count(number: int, one: str, many: str | None = None) -> str:
    return counted(number, one, many)  # the one plural path (domain/plurals.py)


def percent_text(value) -> str:
    """ "45%": one way for every share in every report (no space, as English writes it)."""
    return f"{value}%"


def percent(part: int, whole: int) -> str:
    return percent_text(round(100 * part / whole)) if whole else "–"


TREND_WORDS = {
    Trend.UP: "up",
    Trend.DOWN: "down",
    Trend.SAME: "no change",
    Trend.CHANGED: "changed",
    Trend.FIRST: "first reading",
}

VETTING_WORDS = {
    VettingStatus.CURRENT: "current",
    VettingStatus.EXPIRING: "expiring soon",
    VettingStatus.EXPIRED: "expired",
    VettingStatus.PENDING: "applied, waiting",
    VettingStatus.NOT_CLEARED: "not cleared",
    VettingStatus.MISSING: "missing",
}
STATE_NAMES = STATE_WORDS  # "Expired", "Applied, waiting": the vetting rule's own English
SHORT_STATE_NAMES = {**STATE_WORDS, VettingStatus.PENDING: "Waiting"}


def vetting_line(vetting: Vetting, locale: str = "en_NZ") -> str:
    """A volunteer's vetting as a whole: "Expired: Police vetting, 1 Dec 2026"."""
    return overall_words(vetting, lambda day: short_date(day, locale))


def standing_line(standing: Standing, locale: str = "en_NZ") -> str:
    """One requirement: "Child Protection Statement not signed"."""
    return standing_words(standing, lambda day: short_date(day, locale))


def standing_cell(standing: Standing, locale: str = "en_NZ") -> str:
    """One requirement in a table: "Police vetting: EXPIRED 1 Dec 2026"."""
    return standing_brief(standing, lambda day: short_date(day, locale))
